import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, closeAllEditors, codeActions, diagnosticAt, extension, mailproofDiagnostics, openDraft, ruleOf, unique, waitForDiagnostics, workspaceRoot, writeFile } from './helpers';

const DRAFT = `<!doctype html>
<html lang="fr">
<body>
<p>Bonjour {{ prenom }}, votre colis arrivera bientot.</p>
<p>Découvrez la nouvelle collection sur https://www.exemple.fr/collection avec le code HIVER24.</p>
<p>Zorglebix vous remercie.</p>
</body>
</html>
`;

const isSpelling = (word: string) => (d: vscode.Diagnostic[]) => d.some((x) => ruleOf(x) === 'spelling' && x.message.includes(`“${word}”`));

describe('spelling', () => {
  before(async () => {
    await extension();
  });
  afterEach(closeAllEditors);

  it('squiggles a misspelled word after the other rules, from the worker, and suggests corrections on demand', async () => {
    const uri = await writeFile(`emails/${unique('spelling.html')}`, DRAFT);
    // The first squiggles (other rules) come first; the spelling worker's findings join them.
    const { doc } = await openDraft(uri, (d) => d.length > 0);
    await waitForDiagnostics(uri, isSpelling('bientot'), undefined, 'the spelling finding');
    const d = diagnosticAt(doc, 'spelling', 'bientot');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d.message, '“bientot” is not in the French dictionary');
    // Nothing on the merge tag, the URL or the code.
    const words = mailproofDiagnostics(uri).filter((x) => ruleOf(x) === 'spelling').map((x) => doc.getText(x.range));
    assert.deepEqual(words, ['bientot', 'Zorglebix']);

    const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Replace with “bientôt”', JSON.stringify(titles));
    assert.ok(actions.every((a) => !a.isPreferred), 'suggestions are never preferred');
    assert.ok(titles.includes('Add “bientot” to the project dictionary'), JSON.stringify(titles));
    await waitForDiagnostics(uri, (x) => !isSpelling('bientot')(x), () => applyAction(actions[0]), 'the lint after the correction');
    assert.match(doc.getText(), /arrivera bientôt\./);
  });

  it('adds a word to the project dictionary and stops flagging it', async () => {
    const uri = await writeFile(`emails/${unique('words.html')}`, DRAFT);
    const { doc } = await openDraft(uri);
    await waitForDiagnostics(uri, isSpelling('Zorglebix'), undefined, 'the spelling finding');
    const d = diagnosticAt(doc, 'spelling', 'Zorglebix');
    const add = (await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === 'Add “Zorglebix” to the project dictionary');
    assert.ok(add?.command, 'add-to-dictionary action');
    const rc = vscode.Uri.joinPath(workspaceRoot(), '.mailproofrc.json');
    let before: string | undefined;
    try {
      before = new TextDecoder().decode(await vscode.workspace.fs.readFile(rc));
    } catch {
      before = undefined;
    }
    try {
      await waitForDiagnostics(uri, (x) => !isSpelling('Zorglebix')(x), () => vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), 'the lint after adding the word');
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(rc))) as { words?: string[] };
      assert.ok(written.words?.includes('Zorglebix'), JSON.stringify(written));
    } finally {
      if (before === undefined) await vscode.workspace.fs.delete(rc).then(undefined, () => undefined);
      else await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode(before));
    }
  });
});
