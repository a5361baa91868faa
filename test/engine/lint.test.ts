import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../../src/engine/config';
import { disableFixes } from '../../src/engine/directives';
import { applyEdits } from '../../src/engine/fix';
import { translate } from '../../src/engine/i18n';
import { detectKind, lint } from '../../src/engine/lint';
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
  it('keeps what is valid and names each mistake', () => {
    const { config, problems } = validateConfig(
      { rules: { exclamation: { severity: 'error', maxInBody: -1, bogus: 1 }, nope: 'off', emoji: 'loud' }, acronyms: 'ACME', mailType: 'bulk', extra: true },
      rules,
    );
    assert.deepEqual(config.rules, { exclamation: { severity: 'error' } });
    assert.equal(config.mailType, 'bulk');
    assert.deepEqual(
      problems.map((p) => translate('en', p.key, p.params)),
      [
        'Unknown option “extra”',
        'Rule “exclamation”: invalid value for “maxInBody”',
        'Rule “exclamation” has no option “bogus”',
        'Unknown rule “nope”',
        'Rule “emoji”: the severity must be error, warning, info or off',
        '“acronyms” must be a list of strings',
      ],
    );
  });

  it('rejects a non-object', () => {
    assert.equal(validateConfig([], rules).problems[0].key, 'config.notObject');
  });
});
