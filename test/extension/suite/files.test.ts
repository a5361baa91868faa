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
  async function openPageThenDraft(pagePath: string, content: string): Promise<{ page: vscode.TextDocument }> {
    const pageUri = await writeFile(pagePath, content);
    const draftUri = await writeFile(`emails/${unique('barrier.html')}`, FR_DRAFT);
    const page = await vscode.workspace.openTextDocument(pageUri);
    await vscode.window.showTextDocument(page);
    await openDraft(draftUri);
    return { page };
  }

  // A web page of a Django app: a template that extends a layout and links a style sheet,
  // holding the draft's words (which would be findings in an email).
  const WEB_PAGE = `{% extends "base.html" %}\n<link rel="stylesheet" href="/static/app.css">\n${FR_DRAFT}`;
  // Nothing in it says email or web page.
  const NEUTRAL = '<p>Offre exceptionnelle : montres GRATUITES !!!</p>\n';

  it('leaves a web page alone, even in a templates folder', async () => {
    const { page } = await openPageThenDraft(`templates/${unique('dashboard.html')}`, WEB_PAGE);
    assert.equal(page.languageId, 'html');
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    const actions = await codeActions(page.uri, new vscode.Range(0, 0, page.lineCount, 0));
    assert.ok(!actions.some((a) => a.kind?.value.includes('mailproof') || a.diagnostics?.some((d) => d.source === 'mailproof')));
    const why = await vscode.commands.executeCommand<string>('mailproof.explainFile', page.uri);
    assert.match(why, /dashboard-.*\.html: not linted: looks like a web page \(web-framework layout blocks, linked style sheets\)/);
  });

  it('lints a draft that looks like email wherever it is, and says why', async () => {
    const uri = await writeFile(`site/${unique('welcome.html')}`, FR_DRAFT);
    const { doc, diagnostics } = await openDraft(uri);
    assert.deepEqual(diagnostics.map(ruleOf).sort(), ['all-caps', 'emoji', 'exclamation', 'spam-phrase', 'spam-phrase']);
    const why = await vscode.commands.executeCommand<string>('mailproof.explainFile', doc.uri);
    assert.match(why, /welcome-.*\.html: linted: looks like an email \(merge tags, an unsubscribe mention, a greeting\)/);
  });

  it('lints a web page on demand with "Mailproof: Lint this file as an email", and stops again', async () => {
    const { page } = await openPageThenDraft(`site/${unique('landing.html')}`, WEB_PAGE);
    await vscode.window.showTextDocument(page);
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    const linted = await waitForDiagnostics(page.uri, (d) => d.length > 0, () => vscode.commands.executeCommand('mailproof.lintFile'), 'findings after "Lint this file as an email"');
    assert.deepEqual(linted.map(ruleOf).sort(), ['all-caps', 'emoji', 'exclamation', 'spam-phrase', 'spam-phrase']);
    // The choice sticks: typing keeps linting it.
    const editor = vscode.window.activeTextEditor!;
    await waitForDiagnostics(page.uri, (d) => d.length === 6, () => editor.edit((b) => b.insert(new vscode.Position(5, 0), '<p>Argent facile</p>\n')), 'a finding on typed text');
    await waitForDiagnostics(page.uri, (d) => d.length === 0, () => vscode.commands.executeCommand('mailproof.stopLintingFile'), 'no findings after "Stop linting"');
  });

  it('lints a file that says neither once mailproof.files matches it', async () => {
    const { page } = await openPageThenDraft(`campaigns/${unique('spring.html')}`, NEUTRAL);
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    await waitForDiagnostics(page.uri, (d) => d.some((x) => ruleOf(x) === 'spam-phrase'), () => setSetting('mailproof.files', ['**/campaigns/**']), 'findings once the glob matches');
  });

  it('leaves files of a .mailproofignore alone', async () => {
    const dir = unique('ignoring.d');
    await writeFile(`${dir}/.mailproofignore`, '# drafts kept for the record\nold/\n');
    const { page } = await openPageThenDraft(`${dir}/old/${unique('promo.html')}`, FR_DRAFT);
    assert.deepEqual(mailproofDiagnostics(page.uri), []);
    const why = await vscode.commands.executeCommand<string>('mailproof.explainFile', page.uri);
    assert.match(why, /not linted: matches the ignore pattern “old\/” of .*\.mailproofignore/);
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
