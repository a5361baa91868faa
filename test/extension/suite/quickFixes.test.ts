import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FR_DRAFT, frDraft } from './drafts';
import { applyAction, closeAllEditors, codeActions, diagnosticAt, extension, mailproofDiagnostics, openDraft, ruleOf, unique, waitForDiagnostics, writeFile } from './helpers';

/** Opens a fresh copy of the French draft. */
async function freshDraft(): Promise<vscode.TextDocument> {
  const uri = await writeFile(`emails/${unique('fixes.html')}`, FR_DRAFT);
  return (await openDraft(uri)).doc;
}

/** The quick fixes VS Code offers on a diagnostic's range (what Ctrl+. shows). */
async function fixesFor(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  // Everything offered, as the menu shows it: no other extension has quick fixes for these drafts.
  return codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies an action and waits until the linter has looked at the new text. */
async function applyAndRelint(doc: vscode.TextDocument, action: vscode.CodeAction, done: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(doc.uri, done, () => applyAction(action), `the lint after “${action.title}”`);
}

function lineOf(doc: vscode.TextDocument, n: number): string {
  return doc.lineAt(n).text;
}

describe('quick fixes', () => {
  before(async () => {
    await extension();
  });
  afterEach(closeAllEditors);

  it('orders the actions: suggestions (none preferred), disable line, disable file, learn more', async () => {
    const doc = await freshDraft();
    const actions = await fixesFor(doc, diagnosticAt(doc, 'spam-phrase', 'GRATUITES'));
    const titles = actions.map((a) => a.title);
    const replace = actions.filter((a) => /^Replace with “.+”$/.test(a.title));
    assert.ok(replace.length >= 1, `phrase alternatives offered: ${JSON.stringify(titles)}`);
    assert.equal(actions[0], replace[0]);
    // Rewording is the writer's call: no alternative is preferred, and there is no "fix all".
    assert.ok(replace.every((a) => !a.isPreferred), 'no alternative is preferred');
    const rest = titles.slice(replace.length);
    assert.deepEqual(rest, ['Disable spam-phrase for this line', 'Disable spam-phrase for this file', 'Learn more about spam-phrase']);
    for (const a of actions) assert.ok(a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind), `${a.title} is a quick fix`);
  });

  it('replaces a spam phrase with each of its alternatives', async () => {
    const first = await freshDraft();
    const alternatives = (await fixesFor(first, diagnosticAt(first, 'spam-phrase', 'GRATUITES'))).filter((a) => a.title.startsWith('Replace with'));
    assert.ok(alternatives.length > 0, 'alternatives offered');
    await closeAllEditors();
    for (const [i, alt] of alternatives.entries()) {
      const doc = await freshDraft();
      const action = (await fixesFor(doc, diagnosticAt(doc, 'spam-phrase', 'GRATUITES'))).filter((a) => a.title.startsWith('Replace with'))[i];
      assert.equal(action.title, alt.title);
      const replacement = /^Replace with “(.+)”$/.exec(action.title)![1];
      const line = lineOf(doc, 4);
      await applyAndRelint(doc, action, (d) => !d.some((x) => doc.getText(x.range) === 'GRATUITES'));
      assert.equal(lineOf(doc, 4), line.replace('GRATUITES', replacement));
      // The replacement is not itself a spam phrase.
      assert.ok(!mailproofDiagnostics(doc.uri).some((x) => ruleOf(x) === 'spam-phrase' && x.range.start.line === 4 && doc.getText(x.range) === replacement));
      await closeAllEditors();
    }
  });

  // One fix or suggestion per text rule: the finding, its title, whether it is the preferred
  // (safe) fix, and the line it leaves.
  const preferred = [
    { name: 'suggests sentence case for shouting', rule: 'all-caps', text: 'COMMANDEZ VITE AVANT DIMANCHE', title: 'Convert to sentence case', isPreferred: false, line: 5, after: '  <p>Commandez vite avant dimanche, les stocks sont limités.</p>' },
    { name: 'collapses a run of exclamation marks', rule: 'exclamation', text: '!!!', title: 'Replace with a single “!”', isPreferred: true, line: 4, after: '  <p>Profitez de notre <b>Offre exceptionnelle</b> : montres GRATUITES et livraison offerte !</p>' },
    { name: 'removes the surplus emoji of a run', rule: 'emoji', text: '🎉🎉🎉', title: 'Keep only the first emoji', isPreferred: true, line: 6, after: "  <p>Une soirée de lancement réservée à nos clients d'Argenteuil 🎉</p>" },
  ];
  for (const c of preferred) {
    it(c.name, async () => {
      const doc = await freshDraft();
      const [fix] = await fixesFor(doc, diagnosticAt(doc, c.rule, c.text));
      assert.equal(fix.title, c.title);
      assert.equal(fix.isPreferred, c.isPreferred);
      await applyAndRelint(doc, fix, (d) => !d.some((x) => ruleOf(x) === c.rule));
      assert.equal(lineOf(doc, c.line), c.after);
    });
  }

  it('removes the extra emoji of a body over the limit', async () => {
    const uri = await writeFile(`emails/${unique('emoji.html')}`, frDraft('<p>Merci 😀 pour la fête 🎈</p>', '<p>Les cadeaux 🎁 et le gâteau 🎂 arrivent.</p>'));
    const { doc } = await openDraft(uri);
    const d = mailproofDiagnostics(uri).find((x) => ruleOf(x) === 'emoji')!;
    assert.ok(d, 'an emoji finding');
    // Four different emoji: removing one is the writer's call, a suggestion.
    const fix = (await fixesFor(doc, d)).find((a) => /^Remove the extra emoji/.test(a.title))!;
    assert.match(fix.title, /^Remove the extra emoji \(1\)$/);
    assert.equal(fix.isPreferred, false);
    await applyAndRelint(doc, fix, (x) => !x.some((y) => ruleOf(y) === 'emoji'));
    const emoji = doc.getText().match(/\p{Extended_Pictographic}/gu) ?? [];
    assert.equal(emoji.length, 3);
  });

  it('disables a rule for one line with a comment above it', async () => {
    const doc = await freshDraft();
    const fixes = await fixesFor(doc, diagnosticAt(doc, 'spam-phrase', 'Offre exceptionnelle'));
    const disable = fixes.find((a) => a.title === 'Disable spam-phrase for this line')!;
    assert.equal(disable.isPreferred, false);
    await applyAndRelint(doc, disable, (d) => !d.some((x) => ruleOf(x) === 'spam-phrase'));
    assert.equal(lineOf(doc, 4), '  <!-- mailproof-disable-next-line spam-phrase -->');
    // Other rules on that line still report.
    assert.ok(mailproofDiagnostics(doc.uri).some((x) => ruleOf(x) === 'exclamation' && x.range.start.line === 5));
  });

  it('disables a rule for the whole file', async () => {
    const doc = await freshDraft();
    const fixes = await fixesFor(doc, diagnosticAt(doc, 'exclamation', '!!!'));
    const disable = fixes.find((a) => a.title === 'Disable exclamation for this file')!;
    await applyAndRelint(doc, disable, (d) => !d.some((x) => ruleOf(x) === 'exclamation'));
    // Below the doctype, which must stay first.
    assert.equal(lineOf(doc, 0), '<!DOCTYPE html>');
    assert.equal(lineOf(doc, 1), '<!-- mailproof-disable exclamation -->');
    assert.deepEqual(mailproofDiagnostics(doc.uri).map(ruleOf).sort(), ['all-caps', 'emoji', 'spam-phrase', 'spam-phrase']);
  });

  it('fixes every finding of one rule with "Fix all <rule> problems", fixes only', async () => {
    const uri = await writeFile(`emails/${unique('runs.html')}`, frDraft('<p>Offre exceptionnelle, vite !!!</p>', '<p>Encore un peu !!!!</p>'));
    const { doc } = await openDraft(uri);
    const fixes = await fixesFor(doc, diagnosticAt(doc, 'exclamation', '!!!'));
    const all = fixes.find((a) => a.title === 'Fix all exclamation problems in this file')!;
    assert.ok(all, JSON.stringify(fixes.map((a) => a.title)));
    await applyAndRelint(doc, all, (d) => !d.some((x) => ruleOf(x) === 'exclamation'));
    assert.ok(doc.getText().includes('vite !</p>') && doc.getText().includes('un peu !</p>'));
    assert.ok(doc.getText().includes('Offre exceptionnelle'), 'suggestions of other rules are left alone');
  });

  it('offers "Learn more", which opens the rule documentation', async () => {
    const doc = await freshDraft();
    const fixes = await fixesFor(doc, diagnosticAt(doc, 'emoji', '🎉🎉🎉'));
    const learn = fixes.find((a) => a.title === 'Learn more about emoji')!;
    assert.ok(learn, JSON.stringify(fixes.map((a) => a.title)));
    assert.equal(learn.edit, undefined);
    assert.equal(learn.command?.command, 'mailproof.openRuleDocs');
    assert.deepEqual(learn.command?.arguments, ['emoji']);
    const opened = new Promise<vscode.Tab>((resolve) => {
      const l = vscode.window.tabGroups.onDidChangeTabs((e) => {
        const tab = [...e.opened, ...e.changed].find((t) => t.label.includes('emoji.md'));
        if (tab) {
          l.dispose();
          resolve(tab);
        }
      });
    });
    await vscode.commands.executeCommand(learn.command!.command, ...learn.command!.arguments!);
    const tab = await opened;
    assert.match(tab.label, /emoji\.md/);
  });

  it('offers no edit once the document changed since the lint', async () => {
    const doc = await freshDraft();
    const d = diagnosticAt(doc, 'spam-phrase', 'GRATUITES');
    // The question must reach the provider before the debounced lint of the edit: when a lint
    // lands in between (Mailproof's diagnostics changed), the attempt proves nothing and is
    // made again. Other providers (the HTML language server) also publish on every edit.
    const snapshot = () => JSON.stringify(mailproofDiagnostics(doc.uri).map((x) => [x.range, x.message]));
    for (let attempt = 1; attempt <= 5; attempt++) {
      const before = snapshot();
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, d.range.start, 'x');
      await vscode.workspace.applyEdit(edit);
      const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      if (snapshot() !== before) continue;
      assert.deepEqual(actions.map((a) => a.title), []);
      return;
    }
    assert.fail('every attempt was overtaken by a lint');
  });
});
