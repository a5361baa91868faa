import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FR_DRAFT } from './drafts';
import { closeAllEditors, codeActions, extension, mailproofDiagnostics, openDraft, ruleOf, setSetting, unique, waitForDiagnostics, writeFile } from './helpers';

describe('which files are linted', () => {
  before(async () => {
    await extension();
  });
  afterEach(async () => {
    await setSetting('mailproof.files', undefined);
    await closeAllEditors();
  });

  /** Opens an unrelated page, then a draft; once the draft is linted the page had its chance too. */
  async function openPageThenDraft(pagePath: string): Promise<{ page: vscode.TextDocument }> {
    const pageUri = await writeFile(pagePath, FR_DRAFT);
    const draftUri = await writeFile(`emails/${unique('barrier.html')}`, FR_DRAFT);
    const page = await vscode.workspace.openTextDocument(pageUri);
    await vscode.window.showTextDocument(page);
    await openDraft(draftUri);
    return { page };
  }

  it('leaves an HTML file outside the mailproof.files globs alone', async () => {
    const { page } = await openPageThenDraft(`site/${unique('index.html')}`);
    assert.equal(page.languageId, 'html');
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    const actions = await codeActions(page.uri, new vscode.Range(0, 0, page.lineCount, 0));
    assert.ok(!actions.some((a) => a.kind?.value.includes('mailproof') || a.diagnostics?.some((d) => d.source === 'mailproof')));
  });

  it('lints it on demand with "Mailproof: Lint this file as an email", and stops again', async () => {
    const { page } = await openPageThenDraft(`site/${unique('landing.html')}`);
    await vscode.window.showTextDocument(page);
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    const linted = await waitForDiagnostics(page.uri, (d) => d.length > 0, () => vscode.commands.executeCommand('mailproof.lintFile'), 'findings after "Lint this file as an email"');
    assert.deepEqual(linted.map(ruleOf).sort(), ['all-caps', 'emoji', 'exclamation', 'spam-phrase', 'spam-phrase']);
    // The choice sticks: typing keeps linting it.
    const editor = vscode.window.activeTextEditor!;
    await waitForDiagnostics(page.uri, (d) => d.length === 6, () => editor.edit((b) => b.insert(new vscode.Position(3, 0), '<p>Argent facile</p>\n')), 'a finding on typed text');
    await waitForDiagnostics(page.uri, (d) => d.length === 0, () => vscode.commands.executeCommand('mailproof.stopLintingFile'), 'no findings after "Stop linting"');
  });

  it('lints a file once mailproof.files matches it', async () => {
    const { page } = await openPageThenDraft(`campaigns/${unique('spring.html')}`);
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    await waitForDiagnostics(page.uri, (d) => d.length === 5, () => setSetting('mailproof.files', ['**/campaigns/**']), 'findings once the glob matches');
  });

  it('never lints a .txt file outside the globs, but always an .mjml one', async () => {
    const txt = await writeFile(`notes/${unique('todo.txt')}`, 'GRATUIT !!! OFFRE EXCEPTIONNELLE');
    const mjml = await writeFile(`notes/${unique('promo.mjml')}`, '<mjml><mj-body><mj-text>Offre exceptionnelle !!!</mj-text></mj-body></mjml>\n');
    const txtDoc = await vscode.workspace.openTextDocument(txt);
    await vscode.window.showTextDocument(txtDoc);
    const { diagnostics } = await openDraft(mjml);
    assert.ok(diagnostics.some((d) => ruleOf(d) === 'spam-phrase'));
    assert.deepEqual(mailproofDiagnostics(txt), []);
  });
});
