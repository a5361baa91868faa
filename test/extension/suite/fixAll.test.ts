import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FR_DRAFT, frDraft } from './drafts';
import { applyAction, closeAllEditors, codeActions, extension, mailproofDiagnostics, openDraft, ruleOf, setSetting, unique, waitForDiagnostics, writeFile } from './helpers';

const FIX_ALL = 'source.fixAll.mailproof';
function wholeRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
}

/** True when no remaining diagnostic has a preferred fix (what fix-all can do is done). */
async function nothingFixableLeft(doc: vscode.TextDocument): Promise<boolean> {
  for (const d of mailproofDiagnostics(doc.uri)) {
    const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    if (actions.some((a) => a.isPreferred && a.diagnostics?.includes(d))) return false;
  }
  return true;
}

describe('fix all (source.fixAll.mailproof)', () => {
  before(async () => {
    await extension();
  });
  afterEach(async () => {
    await setSetting('editor.codeActionsOnSave', undefined);
    await closeAllEditors();
  });

  it('is offered for its kind and for source.fixAll, never among quick fixes', async () => {
    const uri = await writeFile(`emails/${unique('fixall.html')}`, FR_DRAFT);
    const { doc } = await openDraft(uri);
    const mine = (await codeActions(uri, wholeRange(doc), FIX_ALL)).filter((a) => a.kind?.value === FIX_ALL);
    assert.deepEqual(mine.map((a) => a.title), ['Fix all Mailproof problems']);
    const parent = (await codeActions(uri, wholeRange(doc), vscode.CodeActionKind.SourceFixAll.value)).filter((a) => a.kind?.value === FIX_ALL);
    assert.equal(parent.length, 1);
    const quick = (await codeActions(uri, wholeRange(doc), vscode.CodeActionKind.QuickFix.value)).filter((a) => a.kind?.value === FIX_ALL);
    assert.equal(quick.length, 0);
  });

  it('applies every safe fix in one edit, and no suggestion', async () => {
    const uri = await writeFile(`emails/${unique('fixall.html')}`, FR_DRAFT);
    const { doc } = await openDraft(uri);
    const [action] = (await codeActions(uri, wholeRange(doc), FIX_ALL)).filter((a) => a.kind?.value === FIX_ALL);
    assert.equal(action.edit!.size, 1);
    await waitForDiagnostics(uri, (d) => !d.some((x) => ['exclamation', 'emoji'].includes(ruleOf(x))), () => applyAction(action), 'the lint of the fixed draft');
    const text = doc.getText();
    assert.ok(text.startsWith('<!DOCTYPE html>\n<html lang="fr">\n<body>\n  <p>Bonjour *|FNAME|*,</p>\n'), 'untouched lines stay');
    assert.ok(text.includes('livraison offerte !</p>'));
    assert.ok(text.includes("d'Argenteuil 🎉</p>"));
    // The writer's words stay: rewording and sentence case are suggestions.
    assert.ok(text.includes('COMMANDEZ VITE AVANT DIMANCHE, les stocks'));
    assert.ok(/Offre exceptionnelle/.test(text) && /GRATUITES/.test(text));
    assert.ok(await nothingFixableLeft(doc));
    // Nothing left to do: the kind is no longer offered.
    assert.equal((await codeActions(uri, wholeRange(doc), FIX_ALL)).filter((a) => a.kind?.value === FIX_ALL).length, 0);
  });

  it('runs on save through editor.codeActionsOnSave, even right after typing', async () => {
    await setSetting('editor.codeActionsOnSave', { [FIX_ALL]: 'explicit' });
    const uri = await writeFile(`emails/${unique('onsave.html')}`, frDraft('<p>Bonjour,</p>'));
    const { doc, editor } = await openDraft(uri, () => true);
    // Type a problem and save at once, inside the lint debounce: the save must still fix it.
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '<p>Livraison offerte !!!</p>\n'));
    assert.ok(doc.isDirty);
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), frDraft('<p>Bonjour,</p>', '<p>Livraison offerte !</p>'));
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, doc.getText());
    await waitForDiagnostics(uri, (d) => d.length === 0, undefined, 'no findings after the fixing save');
  });
});
