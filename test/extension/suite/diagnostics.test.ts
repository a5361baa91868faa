import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticAt, extension, mailproofDiagnostics, openDraft, rangeOf, ruleOf, unique, waitForDiagnostics, writeFile } from './helpers';
import { EN_DRAFT, FR_DRAFT, frDraft, frEml } from './drafts';

describe('diagnostics', () => {
  before(async () => {
    await extension();
  });
  afterEach(closeAllEditors);

  it('flags a French HTML draft with rule code, docs target, source, exact range and severity', async () => {
    const uri = await writeFile(`emails/${unique('soldes.html')}`, FR_DRAFT);
    const { doc, diagnostics } = await openDraft(uri);
    assert.deepEqual(diagnostics.map(ruleOf).sort(), ['all-caps', 'emoji', 'exclamation', 'spam-phrase', 'spam-phrase']);

    const offre = diagnosticAt(doc, 'spam-phrase', 'Offre exceptionnelle');
    assert.equal(offre.source, 'mailproof');
    assert.equal(offre.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(offre.range.start.line, 4);
    assert.match(offre.message, /Offre exceptionnelle/);
    const code = offre.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'spam-phrase');
    assert.ok(code.target instanceof vscode.Uri, 'code.target is a Uri');
    assert.match(code.target.path, /\/dist\/docs\/rules\/spam-phrase\.md$/);
    // The docs page ships with the extension, so "Learn more" works offline.
    const stat = await vscode.workspace.fs.stat(code.target);
    assert.ok(stat.size > 0);

    assert.equal(diagnosticAt(doc, 'spam-phrase', 'GRATUITES').severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnosticAt(doc, 'exclamation', '!!!').severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnosticAt(doc, 'all-caps', 'COMMANDEZ VITE AVANT DIMANCHE').range.start.line, 5);
    assert.equal(diagnosticAt(doc, 'emoji', '🎉🎉🎉').range.start.line, 6);
    // A whole-word match only: Argenteuil is not "argent".
    assert.ok(!mailproofDiagnostics(uri).some((d) => doc.getText(d.range).includes('Argenteuil')));
    for (const d of diagnostics) {
      assert.equal((d.code as { target: vscode.Uri }).target.path.split('/').pop(), `${ruleOf(d)}.md`);
    }
  });

  it('flags an English text draft the same way', async () => {
    const uri = await writeFile(`newsletter/${unique('spring.txt')}`, EN_DRAFT);
    const { doc, diagnostics } = await openDraft(uri);
    assert.deepEqual(diagnostics.map(ruleOf).sort(), ['all-caps', 'exclamation', 'spam-phrase', 'spam-phrase']);
    const actNow = diagnosticAt(doc, 'spam-phrase', 'Act now');
    assert.deepEqual(actNow.range, rangeOf(doc, 'Act now'));
    assert.match(actNow.message, /Act now/);
    assert.equal(actNow.source, 'mailproof');
    assert.equal((actNow.code as { value: string }).value, 'spam-phrase');
    // "FREE" is flagged, alone or as the start of a longer lexicon phrase ("FREE gift"; "free
    // trial" alone is too common in legitimate mail to count, see docs/rules/spam-phrase.md).
    const free = diagnostics.find((d) => ruleOf(d) === 'spam-phrase' && doc.getText(d.range).startsWith('FREE'));
    assert.ok(free, 'a spam-phrase finding on FREE');
    assert.equal(free.range.start.line, 2);
    assert.equal(free.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnosticAt(doc, 'exclamation', '!!').range.start.line, 2);
    assert.equal(diagnosticAt(doc, 'all-caps', 'WE SHIP WORLDWIDE TODAY').range.start.line, 3);
    // Merge tags are not words: {{ first_name }} is never flagged.
    assert.ok(!diagnostics.some((d) => doc.getText(d.range).includes('first_name')));
  });

  it('lints again after typing, with results for the new text only', async () => {
    const uri = await writeFile(`emails/${unique('typing.html')}`, frDraft('<p>Bonjour,</p>', '<p>À bientôt.</p>'));
    const { doc, editor } = await openDraft(uri, () => true);
    assert.equal(mailproofDiagnostics(uri).length, 0);
    const after = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => ruleOf(x) === 'spam-phrase'),
      () => editor.edit((b) => b.insert(new vscode.Position(1, 3), 'Offre exceptionnelle ! ')),
      'a spam-phrase finding on the typed text',
    );
    assert.equal(after.length, 1);
    assert.deepEqual(after[0].range, rangeOf(doc, 'Offre exceptionnelle'));
  });

  it('explains a finding on hover, with a link to the rule docs', async () => {
    const uri = await writeFile(`emails/${unique('hover.html')}`, FR_DRAFT);
    const { doc } = await openDraft(uri);
    const d = diagnosticAt(doc, 'exclamation', '!!!');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start.translate(0, 1));
    // As rendered: MarkdownString.appendText escapes spaces (&nbsp;) and punctuation.
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
    assert.match(text, /Mailproof · exclamation/);
    assert.match(text, /Too many exclamation marks/);
    assert.match(text, /pushy-marketing signal/);
    assert.match(text, /command:mailproof\.openRuleDocs\?/);
    // Nothing outside findings.
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 6));
    assert.ok(!none.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('Mailproof'))));
  });

  it('gives .eml files the eml language and lints them wherever they are', async () => {
    // inbox/ matches none of the mailproof.files globs: .eml drafts are always linted.
    const uri = await writeFile(`inbox/${unique('welcome.eml')}`, frEml('GRATUIT !!!'));
    const { doc, diagnostics } = await openDraft(uri);
    assert.equal(doc.languageId, 'eml');
    // Every finding is in the Subject header, on the third line.
    assert.ok(diagnostics.every((d) => d.range.start.line === 2), JSON.stringify(diagnostics.map((d) => d.range)));
    assert.deepEqual([...new Set(diagnostics.map(ruleOf))].sort(), ['all-caps', 'exclamation', 'spam-phrase']);
    assert.deepEqual(diagnosticAt(doc, 'spam-phrase', 'GRATUIT').range, rangeOf(doc, 'GRATUIT'));
  });
});
