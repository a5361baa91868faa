import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FR_DRAFT, frDraft } from './drafts';
import { closeAllEditors, extension, mailproofDiagnostics, openDraft, ruleOf, setSetting, unique, waitForDiagnostics, writeFile } from './helpers';

const CHANGED = [
  'mailproof.rules.spamPhrase.severity',
  'mailproof.rules.exclamation.severity',
  'mailproof.rules.exclamation.maxInBody',
  'mailproof.rules.allCaps.minWords',
  'mailproof.phrases.add',
  'mailproof.phrases.ignore',
  'mailproof.enable',
];

const rules = (d: vscode.Diagnostic[]) => d.map(ruleOf).sort();

describe('settings re-lint open drafts', () => {
  before(async () => {
    await extension();
  });
  afterEach(async () => {
    for (const key of CHANGED) await setSetting(key, undefined);
    await closeAllEditors();
  });

  it('removes a rule’s findings when its severity is off, and brings them back', async () => {
    const uri = await writeFile(`emails/${unique('severity.html')}`, FR_DRAFT);
    await openDraft(uri);
    const off = await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'spam-phrase'), () => setSetting('mailproof.rules.spamPhrase.severity', 'off'), 'spam-phrase findings to disappear');
    assert.deepEqual(rules(off), ['all-caps', 'emoji', 'exclamation']);
    const back = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'spam-phrase'), () => setSetting('mailproof.rules.spamPhrase.severity', undefined), 'spam-phrase findings to return');
    assert.deepEqual(rules(back), ['all-caps', 'emoji', 'exclamation', 'spam-phrase', 'spam-phrase']);
  });

  it('uses the configured severity', async () => {
    const uri = await writeFile(`emails/${unique('severity.html')}`, FR_DRAFT);
    await openDraft(uri);
    const isExclamation = (x: vscode.Diagnostic) => ruleOf(x) === 'exclamation';
    const errors = await waitForDiagnostics(uri, (d) => d.some((x) => isExclamation(x) && x.severity === vscode.DiagnosticSeverity.Error), () => setSetting('mailproof.rules.exclamation.severity', 'error'), 'an error-severity exclamation finding');
    // Only that rule changed.
    assert.ok(errors.filter((x) => !isExclamation(x)).every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
    await waitForDiagnostics(uri, (d) => d.some((x) => isExclamation(x) && x.severity === vscode.DiagnosticSeverity.Information), () => setSetting('mailproof.rules.exclamation.severity', 'info'), 'an info-severity exclamation finding');
  });

  it('applies a threshold change', async () => {
    // Four single "!" in the body: over the default limit of 3.
    const uri = await writeFile(`emails/${unique('threshold.html')}`, frDraft('<p>Merci ! Bravo ! Super ! Enfin !</p>'));
    const { diagnostics } = await openDraft(uri);
    assert.deepEqual(rules(diagnostics), ['exclamation']);
    assert.match(diagnostics[0].message, /\(4; limit 3\)/);
    await waitForDiagnostics(uri, (d) => d.length === 0, () => setSetting('mailproof.rules.exclamation.maxInBody', 4), 'no finding with a limit of 4');
    const lower = await waitForDiagnostics(uri, (d) => d.length === 1, () => setSetting('mailproof.rules.exclamation.maxInBody', 1), 'a finding with a limit of 1');
    assert.match(lower[0].message, /\(4; limit 1\)/);
  });

  it('reads the all-caps word count and the phrase lists', async () => {
    const uri = await writeFile(`emails/${unique('phrases.html')}`, frDraft('<p>NOUVEAU CATALOGUE disponible, voyez le coupon maison.</p>'));
    const { doc } = await openDraft(uri, () => true);
    assert.equal(mailproofDiagnostics(uri).length, 0);
    const caps = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'all-caps'), () => setSetting('mailproof.rules.allCaps.minWords', 2), 'all-caps with minWords 2');
    assert.equal(doc.getText(caps.find((x) => ruleOf(x) === 'all-caps')!.range), 'NOUVEAU CATALOGUE');
    const added = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => ruleOf(x) === 'spam-phrase'),
      () => setSetting('mailproof.phrases.add', [{ phrase: 'coupon maison', alternatives: ['remise fidélité'] }]),
      'a finding for the added phrase',
    );
    assert.equal(doc.getText(added.find((x) => ruleOf(x) === 'spam-phrase')!.range), 'coupon maison');
  });

  it('ignores listed phrases', async () => {
    const uri = await writeFile(`emails/${unique('ignore.html')}`, FR_DRAFT);
    const { doc } = await openDraft(uri);
    const left = await waitForDiagnostics(
      uri,
      (d) => d.filter((x) => ruleOf(x) === 'spam-phrase').length === 1,
      () => setSetting('mailproof.phrases.ignore', ['offre exceptionnelle']),
      'one spam-phrase finding left',
    );
    assert.equal(doc.getText(left.find((x) => ruleOf(x) === 'spam-phrase')!.range), 'GRATUITES');
  });

  it('ranks user settings below the project file and workspace settings above it', async () => {
    const dir = `emails/${unique('project.d')}`;
    await writeFile(`${dir}/.mailproofrc.json`, JSON.stringify({ rules: { exclamation: 'off' } }));
    const uri = await writeFile(`${dir}/draft.html`, FR_DRAFT);
    try {
      const { diagnostics } = await openDraft(uri);
      assert.ok(!diagnostics.some((x) => ruleOf(x) === 'exclamation'), 'the project file switches exclamation off');
      // A user setting for a rule the project file does not mention applies…
      const user = await waitForDiagnostics(
        uri,
        (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'spam-phrase'),
        async () => {
          await setSetting('mailproof.rules.exclamation.severity', 'error', vscode.ConfigurationTarget.Global);
          await setSetting('mailproof.rules.spamPhrase.severity', 'off', vscode.ConfigurationTarget.Global);
        },
        'user settings applied',
      );
      // …but does not override the project file.
      assert.ok(!user.some((x) => ruleOf(x) === 'exclamation'));
      await waitForDiagnostics(
        uri,
        (d) => d.some((x) => ruleOf(x) === 'exclamation' && x.severity === vscode.DiagnosticSeverity.Error),
        () => setSetting('mailproof.rules.exclamation.severity', 'error'),
        'the workspace setting to override the project file',
      );
    } finally {
      await setSetting('mailproof.rules.exclamation.severity', undefined, vscode.ConfigurationTarget.Global);
      await setSetting('mailproof.rules.spamPhrase.severity', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows .mailproofrc.json mistakes as diagnostics on their keys and lints with the valid part', async () => {
    const dir = `emails/${unique('badrc.d')}`;
    const rcText = '\uFEFF{\n  "rules": { "exclamation": "eror", "emoji": "off" }\n}\n';
    const rc = await writeFile(`${dir}/.mailproofrc.json`, rcText);
    const uri = await writeFile(`${dir}/draft.html`, FR_DRAFT);
    const { diagnostics } = await openDraft(uri);
    assert.ok(diagnostics.length > 0);
    assert.ok(!diagnostics.some((x) => ruleOf(x) === 'emoji'), 'the valid part of the file applies');
    assert.ok(diagnostics.some((x) => ruleOf(x) === 'exclamation'), 'the invalid severity is not applied');
    const problems = await waitForDiagnostics(rc, (d) => d.length === 1, undefined, 'one diagnostic in .mailproofrc.json');
    assert.equal(problems[0].message, '“rules.exclamation” must be one of error, warning, info, off');
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([problems[0].range.start.line, problems[0].range.start.character, problems[0].range.end.character], [1, 13, 26]);
  });

  it('clears everything when disabled', async () => {
    const uri = await writeFile(`emails/${unique('enable.html')}`, FR_DRAFT);
    await openDraft(uri);
    await waitForDiagnostics(uri, (d) => d.length === 0, () => setSetting('mailproof.enable', false), 'no findings when disabled');
    await waitForDiagnostics(uri, (d) => d.length === 5, () => setSetting('mailproof.enable', undefined), 'findings back when enabled');
  });
});
