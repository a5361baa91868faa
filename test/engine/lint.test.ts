import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spellingCount, validateConfig } from '../../src/engine/config';
import { disableFixes } from '../../src/engine/directives';
import { applyEdits } from '../../src/engine/fix';
import { translate } from '../../src/engine/i18n';
import { detectKind, lint, MAX_FINDINGS_PER_RULE } from '../../src/engine/lint';
import { rules } from '../../src/engine/rules/index';

// These tests are about the engine, shown through the text rules only.
const textRules = rules.filter((r) => r.category === 'content');
const ids = (text: string, opts = {}) => lint(text, { kind: 'html', rules: textRules, ...opts }).findings.map((f) => f.ruleId);

describe('lint', () => {
  it('guesses the kind of a draft', () => {
    assert.equal(detectKind('a.eml', ''), 'eml');
    assert.equal(detectKind('a.mjml', ''), 'html');
    assert.equal(detectKind('a.txt', '<p>x</p>'), 'text');
    assert.equal(detectKind(undefined, 'From: a@b.c\r\nSubject: x\r\n\r\nbody'), 'eml');
    assert.equal(detectKind(undefined, '<table><tr><td>x</td></tr></table>'), 'html');
    assert.equal(detectKind(undefined, 'Hello'), 'text');
  });

  it('lints with a model built beforehand only when it is the model of that text and kind', () => {
    const text = '<html><body><p>FREE MONEY!!! Click here now</p><img src="x.png" width="900"></body></html>';
    const first = lint(text, { kind: 'html' });
    const show = ({ model: _m, lines: _l, ...rest }: ReturnType<typeof lint>) => JSON.stringify(rest);
    const again = lint(text, { kind: 'html', model: first.model });
    assert.equal(again.model, first.model);
    assert.equal(show(again), show(first));
    // Another text, or the same text read as another kind, is parsed anew.
    const other = lint(text.replace('FREE', 'Free'), { kind: 'html', model: first.model });
    assert.notEqual(other.model, first.model);
    assert.equal(show(other), show(lint(text.replace('FREE', 'Free'), { kind: 'html' })));
    assert.notEqual(lint(text, { kind: 'text', model: first.model }).model, first.model);
  });

  it('reads folded CRLF header lines without backtracking (40 continuation lines once took 2^40 steps)', () => {
    assert.equal(detectKind(undefined, 'X-A: 1\r\n 2\r\n\t3\r\nFrom: a@b.c\r\n\r\nbody'), 'eml');
    assert.equal(detectKind(undefined, 'a:' + '\r\n '.repeat(40) + 'x'), 'text');
    assert.equal(detectKind(undefined, 'From: a@b.c' + '\r\n '.repeat(40) + '\r\nSubject: x\r\n'), 'eml');
  });

  it('keeps MAX_FINDINGS_PER_RULE findings per rule and sums up the rest in one info finding', () => {
    const text = '<p>' + 'Vite !!! '.repeat(MAX_FINDINGS_PER_RULE + 30) + '</p>';
    const all = lint(text, { kind: 'html', rules: textRules, maxFindingsPerRule: Infinity }).findings.filter((f) => f.ruleId === 'exclamation');
    assert.ok(all.length > MAX_FINDINGS_PER_RULE + 29);
    const run = lint(text, { kind: 'html', rules: textRules });
    const own = run.findings.filter((f) => f.ruleId === 'exclamation');
    const summary = own.filter((f) => f.data?.moreFindings !== undefined);
    assert.equal(summary.length, 1);
    assert.equal(own.length, MAX_FINDINGS_PER_RULE + 1);
    assert.equal(summary[0].severity, 'info');
    assert.equal(summary[0].message, `${all.length - MAX_FINDINGS_PER_RULE} more exclamation findings in this file not listed (at most ${MAX_FINDINGS_PER_RULE} per rule)`);
    assert.equal(text.slice(summary[0].start, summary[0].end), '!!!');
    const fr = lint(text, { kind: 'html', rules: textRules, locale: 'fr', maxFindingsPerRule: 10 }).findings.filter((f) => f.data?.moreFindings);
    assert.equal(fr[0].message, `${all.length - 10} autres signalements exclamation dans ce fichier ne sont pas listés (au plus 10 par règle)`);
  });

  it('does not count the findings past the cap that a directive disables', () => {
    const text = '<p>' + 'Vite !!! '.repeat(30) + '</p><!-- mailproof-disable exclamation --><p>' + 'Non !!! '.repeat(7) + '</p>';
    const all = lint(text, { kind: 'html', rules: textRules, maxFindingsPerRule: Infinity }).findings.filter((f) => f.ruleId === 'exclamation');
    assert.ok(all.length >= 30 && all.every((f) => f.start < text.indexOf('mailproof-disable')));
    const summary = lint(text, { kind: 'html', rules: textRules, maxFindingsPerRule: 10 }).findings.find((f) => f.data?.moreFindings !== undefined);
    assert.equal(summary?.data?.moreFindings, all.length - 10);
  });

  it('merges overlapping disabled blocks of one rule and of every rule', () => {
    const text =
      '<!-- mailproof-disable exclamation --><p>A !!!</p><!-- mailproof-disable --><p>B !!!</p><!-- mailproof-enable exclamation -->' +
      '<p>C !!!</p><!-- mailproof-enable --><p>D !!!</p><!-- mailproof-disable exclamation --><p>E !!!</p><!-- mailproof-enable exclamation --><p>F !!!</p>';
    const shown = lint(text, { kind: 'html', rules: textRules }).findings.filter((f) => f.ruleId === 'exclamation').map((f) => text[f.start - 2]);
    assert.deepEqual(shown, ['D', 'F']);
  });

  it('disables a rule for the next line, a block, or the file', () => {
    const text = '<!-- mailproof-disable-next-line exclamation -->\n<p>Vite !!!</p>\n<p>Encore !!!</p>';
    const run = lint(text, { kind: 'html', rules: textRules });
    assert.ok(run.findings.length > 0);
    assert.deepEqual(run.findings.map((f) => run.lines.positionAt(f.start).line), run.findings.map(() => 2), 'only line 3 is reported');
    const block = '<!-- mailproof-disable exclamation -->\n<p>Vite !!!</p>\n<!-- mailproof-enable exclamation -->\n<p>Encore !!!</p>';
    assert.equal(lint(block, { kind: 'html', rules: textRules }).findings[0].start, block.lastIndexOf('!!!'));
    assert.deepEqual(ids('<!-- mailproof-disable -->\n<p>Vite !!! GRATUIT</p>'), []);
    assert.deepEqual(ids('X-Mailproof-Disable: exclamation\nSubject: Vite !!!\n\nbody', { kind: 'eml' }), []);
  });

  it('offers disable comments that really silence the finding', () => {
    const text = '<!DOCTYPE html>\n<html><body>\n  <p>Vite !!!</p>\n</body></html>';
    const run = lint(text, { kind: 'html', rules: textRules });
    const f = run.findings[0];
    const [line, file] = disableFixes(run.model, run.lines, f.ruleId, f.start, (k, p) => translate('en', k, p));
    assert.equal(line.title, 'Disable exclamation for this line');
    const afterLine = applyEdits(text, line.edits);
    assert.match(afterLine, /\n {2}<!-- mailproof-disable-next-line exclamation -->\n {2}<p>Vite !!!<\/p>/);
    assert.deepEqual(ids(afterLine), []);
    const afterFile = applyEdits(text, file.edits);
    assert.ok(afterFile.startsWith('<!DOCTYPE html>\n<!-- mailproof-disable exclamation -->\n<html>'));
    assert.deepEqual(ids(afterFile), []);
  });

  it('puts the disable header of a message among its headers, after an mbox From line', () => {
    const eml = 'From news@shop.example Thu Nov 26 09:00:00 2026\nFrom: Shop <news@shop.example>\nSubject: Vite !!!\n\nBonjour\n';
    const run = lint(eml, { kind: 'eml', rules: textRules });
    const f = run.findings.find((x) => x.ruleId === 'exclamation')!;
    const [file] = disableFixes(run.model, run.lines, f.ruleId, f.start, (k, p) => translate('en', k, p));
    const after = applyEdits(eml, file.edits);
    assert.ok(after.startsWith('From news@shop.example Thu Nov 26 09:00:00 2026\nX-Mailproof-Disable: exclamation\nFrom: Shop'), after);
    const again = lint(after, { kind: 'eml' });
    assert.deepEqual(again.findings.filter((x) => x.ruleId === 'exclamation' || x.ruleId === 'mime-structure').map((x) => x.message), lint(eml, { kind: 'eml' }).findings.filter((x) => x.ruleId === 'mime-structure').map((x) => x.message));
  });

  it('applies severity overrides and options from the configuration', () => {
    const text = '<p>Vite !!! 🎉🎉</p>';
    const run = lint(text, { kind: 'html', rules: textRules, config: { rules: { exclamation: 'error', emoji: 'off' } } });
    assert.deepEqual(run.findings.map((f) => [f.ruleId, f.severity]), [['exclamation', 'error']]);
  });

  it('adds and ignores phrases from the configuration', () => {
    const text = '<p>Destockage massif, et c’est gratuit</p>';
    const run = lint(text, { kind: 'html', rules: textRules, config: { phrases: { add: ['destockage massif'], ignore: ['gratuit'] } } });
    assert.deepEqual(run.findings.map((f) => text.slice(f.start, f.end)), ['Destockage massif']);
  });

  it('scores a rule the same at any severity, and not at all when it is off', () => {
    const text = '<p>Vite !!! Encore !!! Toujours !!! Et encore !!!</p>';
    const only = rules.filter((r) => r.id === 'exclamation');
    const warning = lint(text, { kind: 'html', rules: only });
    const info = lint(text, { kind: 'html', rules: only, config: { rules: { exclamation: 'info' } } });
    const off = lint(text, { kind: 'html', rules: only, config: { rules: { exclamation: 'off' } } });
    assert.equal(info.score, warning.score);
    assert.equal(info.spamProbability, warning.spamProbability);
    assert.deepEqual(info.scoreBreakdown.find((c) => c.ruleId === 'exclamation')?.count, 5);
    assert.equal(off.scoreBreakdown.find((c) => c.ruleId === 'exclamation'), undefined);
    assert.notEqual(off.spamProbability, warning.spamProbability);
  });

  it('gives French messages with locale fr', () => {
    const [f] = lint('<p>Vite !!!</p>', { kind: 'html', locale: 'fr', rules: textRules }).findings;
    assert.equal(f.message, '3 points d’exclamation à la suite');
  });

  it('detects the draft language', () => {
    assert.equal(lint('<p>Bonjour, voici les nouvelles de la boutique pour vous et votre famille.</p>', { kind: 'html' }).language, 'fr');
    assert.equal(lint('<p>Hello, here is the news from the shop for you and your family.</p>', { kind: 'html' }).language, 'en');
  });
});

describe('validateConfig', () => {
  it('keeps what is valid and names each mistake, by the generated schema', () => {
    const { config, problems } = validateConfig(
      { rules: { exclamation: { severity: 'error', maxInBody: -1, bogus: 1 }, nope: 'off', emoji: 'loud' }, acronyms: 'ACME', mailType: 'bulky', extra: true },
      rules,
    );
    assert.deepEqual(config.rules, { exclamation: { severity: 'error' } });
    assert.equal(config.mailType, undefined);
    assert.deepEqual(
      problems.map((p) => translate('en', p.key, p.params)),
      [
        '“rules.exclamation.maxInBody” must be between 0 and ∞',
        'Rule “exclamation” has no option “bogus”',
        'Unknown rule “nope”',
        '“rules.emoji” must be one of error, warning, info, off',
        '“acronyms” must be string[]',
        '“mailType” must be one of bulk, transactional',
        'Unknown option “extra”',
      ],
    );
  });

  it('rejects non-array alternatives and exceptions in custom phrases instead of crashing the lint', () => {
    const raw = { phrases: { add: [{ phrase: 'promo flash', alternatives: 'offre' }, { phrase: 'soldes', except: 'soldes d’hiver' }, 'prix cassé'] } };
    const { config, problems } = validateConfig(raw, rules);
    // The phrases stay, without the values that were not lists.
    assert.deepEqual(config.phrases?.add, [{ phrase: 'promo flash' }, { phrase: 'soldes' }, 'prix cassé']);
    assert.deepEqual(
      problems.map((p) => translate('fr', p.key, p.params)),
      ['« phrases.add[0].alternatives » doit être de type string[]', '« phrases.add[1].except » doit être de type string[]'],
    );
    assert.doesNotThrow(() => lint('<p>Prix cassé, promo flash</p>', { kind: 'html', config }));
  });

  it('caps the spellings of a custom phrase instead of expanding 2^k optional groups', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `mot${i}(s)`).join(' ');
    const { config, problems } = validateConfig({ phrases: { add: [twenty, 'offre(s) spéciale(s)'] } }, rules);
    assert.deepEqual(config.phrases?.add, ['offre(s) spéciale(s)']);
    assert.equal(translate('en', problems[0].key, problems[0].params), '“phrases.add[0]” expands to more than 64 spellings through its optional groups');
    assert.equal(spellingCount('offre(s) spéciale(s)'), 4);
    assert.equal(spellingCount('gratuit(e|es|s)'), 4);
    assert.equal(spellingCount('(((((('), 1);
  });

  it('bounds list sizes and lengths', () => {
    const { problems } = validateConfig({ acronyms: Array.from({ length: 5000 }, () => 'ACME'), sender: 'x'.repeat(1000) }, rules);
    assert.deepEqual(
      problems.map((p) => p.key),
      ['config.tooManyItems', 'config.tooLong'],
    );
  });

  it('rejects a non-object', () => {
    assert.equal(validateConfig([], rules).problems[0].key, 'config.notObject');
  });
});
