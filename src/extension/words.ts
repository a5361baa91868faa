import * as vscode from 'vscode';
import type { Settings } from './settings';

// A word list is meant for names and jargon: past this size the file is probably not one.
const MAX_WORD_CHARS = 100;

/** Where "Add to project dictionary" writes: the nearest `.mailproofrc.json`, else one at the workspace folder's root. */
async function projectFile(settings: Settings, doc: vscode.Uri): Promise<vscode.Uri> {
  const rc = await settings.projectConfig(doc);
  if (rc.path) return vscode.Uri.file(rc.path).with({ scheme: doc.scheme === 'file' ? 'file' : doc.scheme, authority: doc.authority });
  const folder = vscode.workspace.getWorkspaceFolder(doc);
  return vscode.Uri.joinPath(folder ? folder.uri : vscode.Uri.joinPath(doc, '..'), '.mailproofrc.json');
}

/**
 * Adds a word to the `words` of the project's `.mailproofrc.json`. The file is rewritten
 * atomically (a temporary file renamed over it) and only if it did not change since it was
 * read; the rest of its content is kept. Returns the file written, or undefined when the word
 * was there already.
 */
export async function addWordToProject(settings: Settings, doc: vscode.Uri, word: string): Promise<vscode.Uri | undefined> {
  if (!word || word.length > MAX_WORD_CHARS) throw new Error(vscode.l10n.t('Not a word: {0}', word.slice(0, MAX_WORD_CHARS)));
  const file = await projectFile(settings, doc);
  const read = async (): Promise<string | undefined> => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
  };
  const before = await read();
  let config: Record<string, unknown> = {};
  if (before !== undefined && before.trim()) {
    const parsed: unknown = JSON.parse(before);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(vscode.l10n.t('{0} does not hold a JSON object', file.fsPath));
    config = parsed as Record<string, unknown>;
  }
  const words = Array.isArray(config.words) ? config.words.filter((w): w is string => typeof w === 'string') : [];
  if (words.some((w) => w.toLowerCase() === word.toLowerCase())) return undefined;
  config.words = [...words, word];
  const eol = before?.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(config, null, 2).replace(/\n/g, eol) + eol;
  const temp = file.with({ path: `${file.path}.${process.pid}.${Date.now()}.tmp` });
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    // Someone (the user, another window) changed the file meanwhile: keep their version.
    if ((await read()) !== before) throw new Error(vscode.l10n.t('{0} changed while Mailproof was updating it; try again', file.fsPath));
    await vscode.workspace.fs.rename(temp, file, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
  return file;
}

/** Adds a word to the user's `mailproof.words` setting. */
export async function addWordToUser(word: string): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('mailproof');
  const current = cfg.inspect<string[]>('words')?.globalValue ?? [];
  if (current.some((w) => w.toLowerCase() === word.toLowerCase())) return;
  await cfg.update('words', [...current, word], vscode.ConfigurationTarget.Global);
}
