/// <reference types="mocha" />
// Helpers of the extension-host suite. Every wait is on a VS Code event with a deadline, never
// a fixed sleep: diagnostics are awaited through languages.onDidChangeDiagnostics.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mailproof.mailproof';
/** Longest wait for the linter: open → lint, or a 300 ms debounce plus the lint itself. */
export const LINT_TIMEOUT_MS = 15_000;

/** The extension, activated. */
export async function extension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this VS Code`);
  if (!ext.isActive) await ext.activate();
  return ext;
}

/** The workspace folder the runner opened (a fresh temporary folder). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder (the runner opens a temporary one)');
  return folder.uri;
}

let counter = 0;
/** A fresh file name per call, so tests never see each other's documents. */
export function unique(name: string): string {
  const dot = name.lastIndexOf('.');
  counter++;
  return `${name.slice(0, dot)}-${counter}${name.slice(dot)}`;
}

/** Writes a file into the workspace (folders created) and returns its URI. */
export async function writeFile(relativePath: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Mailproof's diagnostics of a document. */
export function mailproofDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mailproof');
}

/** The rule id of a diagnostic (`code.value`). */
export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

/**
 * Runs `action` (if any), then waits until `predicate` holds for the document's Mailproof
 * diagnostics. The listener is attached before the action so no change can be missed.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  action?: () => unknown,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      // Checked only once the action is done, so callers get what the action returned.
      let acted = false;
      const check = () => {
        if (!acted) return;
        const current = mailproofDiagnostics(uri);
        if (predicate(current)) resolve(current);
      };
      listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) check();
      });
      timer = setTimeout(() => {
        const now = mailproofDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`);
        reject(new Error(`timed out after ${LINT_TIMEOUT_MS} ms waiting for ${what} on ${uri.path}; current: ${JSON.stringify(now)}`));
      }, LINT_TIMEOUT_MS);
      Promise.resolve(action?.()).then(() => {
        acted = true;
        check();
      }, reject);
    });
  } finally {
    listener?.dispose();
    clearTimeout(timer);
  }
}

/** Opens a document in an editor and waits for its first Mailproof diagnostics. */
export async function openDraft(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  let doc!: vscode.TextDocument;
  let editor!: vscode.TextEditor;
  const diagnostics = await waitForDiagnostics(
    uri,
    predicate,
    async () => {
      doc = await vscode.workspace.openTextDocument(uri);
      editor = await vscode.window.showTextDocument(doc);
    },
    'the first lint',
  );
  return { doc, editor, diagnostics };
}

/** The range of the `nth` occurrence of `text` in a document. */
export function rangeOf(doc: vscode.TextDocument, text: string, nth = 0): vscode.Range {
  const source = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(text, at + 1);
    if (at < 0) throw new Error(`“${text}” (#${nth}) not found in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

/** The single Mailproof diagnostic of a rule whose range covers exactly `text`. */
export function diagnosticAt(doc: vscode.TextDocument, ruleId: string, text: string, nth = 0): vscode.Diagnostic {
  const range = rangeOf(doc, text, nth);
  const found = mailproofDiagnostics(doc.uri).filter((d) => ruleOf(d) === ruleId && d.range.isEqual(range));
  if (found.length !== 1) {
    const all = mailproofDiagnostics(doc.uri).map((d) => `${ruleOf(d)} “${doc.getText(d.range)}”`);
    throw new Error(`expected one ${ruleId} diagnostic on “${text}”, found ${found.length}; all: ${JSON.stringify(all)}`);
  }
  return found[0];
}

/** Code actions as VS Code's quick-fix menu asks for them (`vscode.executeCodeActionProvider`). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind);
  // A bare Command has a string `command`; a CodeAction's `command` is an object (or absent).
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action's edit and fails when VS Code refuses it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) throw new Error(`code action “${action.title}” has no edit`);
  const ok = await vscode.workspace.applyEdit(action.edit);
  if (!ok) throw new Error(`VS Code refused the edit of “${action.title}”`);
}

/** Sets a `mailproof.*` (or other) setting in the workspace; undefined removes it. */
export async function setSetting(key: string, value: unknown, target = vscode.ConfigurationTarget.Workspace): Promise<void> {
  const dot = key.indexOf('.');
  await vscode.workspace.getConfiguration(key.slice(0, dot)).update(key.slice(dot + 1), value, target);
}

/** Saves and closes every editor, so the next test starts from an empty workbench. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
