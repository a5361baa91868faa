import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FOOTER, FR_DRAFT } from './drafts';
import { applyAction, closeAllEditors, codeActions, diagnosticAt, extension, openDraft, ruleOf, unique, waitForDiagnostics, writeFile } from './helpers';

// Over the 50 KB threshold (WORKER_MIN_CHARS), so the lint worker lints it: the French draft
// with neutral paragraphs before its footer.
const FILLER = '  <p>Nos artisans travaillent le bois et le laiton dans notre atelier de Lyon depuis trente ans.</p>\n'.repeat(2600);
const LARGE_DRAFT = FR_DRAFT.replace(`  ${FOOTER}`, `${FILLER}  ${FOOTER}`);
const FIX_ALL = 'source.fixAll.mailproof';

describe('large drafts (linted in a worker)', () => {
  before(async () => {
    assert.ok(LARGE_DRAFT.length > 240 * 1024, `${LARGE_DRAFT.length} characters`);
    await extension();
  });
  afterEach(closeAllEditors);

  it('shows the same findings, quick fixes and disable comments as a small draft', async () => {
    const uri = await writeFile(`emails/${unique('large.html')}`, LARGE_DRAFT);
    const { doc } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'spam-phrase'));
    const d = diagnosticAt(doc, 'spam-phrase', 'GRATUITES');
    const titles = (await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value)).map((a) => a.title);
    assert.ok(/^Replace with “.+”$/.test(titles[0]), JSON.stringify(titles));
    assert.deepEqual(titles.slice(-3), ['Disable spam-phrase for this line', 'Disable spam-phrase for this file', 'Learn more about spam-phrase']);
    const disable = (await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === 'Disable spam-phrase for this line')!;
    await waitForDiagnostics(uri, (all) => !all.some((x) => ruleOf(x) === 'spam-phrase' && doc.getText(x.range) === 'GRATUITES'), () => applyAction(disable), 'the lint after disabling the line');
    assert.equal(doc.lineAt(4).text, '  <!-- mailproof-disable-next-line spam-phrase -->');
  });

  it('updates the findings while typing', async () => {
    const uri = await writeFile(`emails/${unique('large-typing.html')}`, LARGE_DRAFT);
    const { doc, editor } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'spam-phrase'));
    const line = doc.lineAt(3);
    await waitForDiagnostics(
      uri,
      (all) => all.some((x) => ruleOf(x) === 'exclamation' && x.range.start.line === 3),
      () => editor.edit((e) => e.insert(line.range.end, ' Merci !!!')),
      'the exclamation finding on the typed line',
    );
  });

  it('applies every safe fix in the worker', async () => {
    const uri = await writeFile(`emails/${unique('large-fixall.html')}`, LARGE_DRAFT);
    const { doc } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'spam-phrase'));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const [action] = (await codeActions(uri, whole, FIX_ALL)).filter((a) => a.kind?.value === FIX_ALL);
    assert.ok(action, 'fix all offered');
    await waitForDiagnostics(uri, (d) => !d.some((x) => ['exclamation', 'emoji'].includes(ruleOf(x))), () => applyAction(action), 'the lint of the fixed draft');
    const text = doc.getText();
    assert.ok(text.includes('livraison offerte !</p>'));
    assert.ok(text.includes("d'Argenteuil 🎉</p>"));
    assert.ok(text.includes(FILLER), 'the rest of the draft is untouched');
  });
});
