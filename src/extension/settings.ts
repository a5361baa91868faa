import * as vscode from 'vscode';
import { type MailproofConfig, mergeConfigs, validateConfig } from '../engine/config';
import type { PhraseInput } from '../engine/lexicon/types';
import type { Rule } from '../engine/rule';
import { rules } from '../engine/rules/index';
import type { SeveritySetting } from '../engine/types';

import { settingKey } from './settingKey';

/** Settings that could send network traffic elsewhere: ignored from workspace settings in untrusted workspaces. */
export const RESTRICTED_SETTINGS = ['check.dnsServers', 'check.smtp.host', 'check.smtp.port', 'check.smtp.security', 'check.ipBlocklists', 'check.domainBlocklists'];

// Drafts over this size get one info diagnostic instead of a lint while typing (the CLI lints any size).
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/** Editor-side settings of one resource, read once and cached until the configuration changes. */
export interface ResourceSettings {
  enable: boolean;
  files: string[];
  maxFileSizeBytes: number;
  /** Options from settings only (the project file is merged separately). */
  config: MailproofConfig;
}

/**
 * The most specific value set explicitly (folder > workspace > user), ignoring the default so
 * that unset settings do not override `.mailproofrc.json`. In an untrusted workspace,
 * restricted keys come from user settings only.
 */
export function explicitValue<T>(cfg: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const info = cfg.inspect<T>(key);
  if (!info) return undefined;
  if (!vscode.workspace.isTrusted && RESTRICTED_SETTINGS.includes(key)) return info.globalValue;
  return info.workspaceFolderValue ?? info.workspaceValue ?? info.globalValue;
}

/** Reads and caches settings per resource; the cache is cleared on configuration changes. */
export class Settings implements vscode.Disposable {
  private cache = new Map<string, ResourceSettings>();
  private rcCache = new Map<string, Promise<{ path?: string; config?: MailproofConfig; problems: string[] }>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings or a `.mailproofrc.json` changed: open drafts should be linted again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('mailproof')) return;
        this.cache.clear();
        this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.cache.clear();
        this.changed.fire();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/.mailproofrc.json');
    const invalidate = () => {
      this.rcCache.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(invalidate), watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate));
  }

  /** Settings of a document's resource. */
  get(uri: vscode.Uri): ResourceSettings {
    const key = uri.toString();
    let s = this.cache.get(key);
    if (!s) {
      s = read(uri);
      this.cache.set(key, s);
    }
    return s;
  }

  /** The nearest `.mailproofrc.json` above the document, within its workspace folder. */
  projectConfig(uri: vscode.Uri): Promise<{ path?: string; config?: MailproofConfig; problems: string[] }> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== folder.uri.scheme) return Promise.resolve({ problems: [] });
    const dir = vscode.Uri.joinPath(uri, '..');
    const key = dir.toString();
    let p = this.rcCache.get(key);
    if (!p) {
      p = findRc(dir, folder.uri, this.log);
      this.rcCache.set(key, p);
    }
    return p;
  }

  /** The configuration to lint a document with: project file, then explicit settings. */
  async configFor(uri: vscode.Uri): Promise<MailproofConfig> {
    const rc = await this.projectConfig(uri);
    return mergeConfigs(rc.config, this.get(uri).config);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function findRc(dir: vscode.Uri, root: vscode.Uri, log: vscode.LogOutputChannel): Promise<{ path?: string; config?: MailproofConfig; problems: string[] }> {
  let current = dir;
  for (let depth = 0; depth < 64; depth++) {
    const candidate = vscode.Uri.joinPath(current, '.mailproofrc.json');
    let bytes: Uint8Array | undefined;
    try {
      bytes = await vscode.workspace.fs.readFile(candidate);
    } catch {
      bytes = undefined;
    }
    if (bytes) {
      try {
        const raw = JSON.parse(new TextDecoder().decode(bytes));
        const { config, problems } = validateConfig(raw, rules);
        const texts = problems.map((p) => `${p.key}${p.params ? ' ' + JSON.stringify(p.params) : ''}`);
        for (const t of texts) log.warn(`${candidate.fsPath}: ${t}`);
        return { path: candidate.fsPath, config, problems: texts };
      } catch (e) {
        log.error(`${candidate.fsPath}: ${(e as Error).message}`);
        return { path: candidate.fsPath, problems: [(e as Error).message] };
      }
    }
    if (current.path === root.path || current.path === '/' || !current.path.startsWith(root.path)) break;
    current = vscode.Uri.joinPath(current, '..');
  }
  return { problems: [] };
}

function read(uri: vscode.Uri): ResourceSettings {
  const cfg = vscode.workspace.getConfiguration('mailproof', uri);
  const config: MailproofConfig = {};
  const ruleSettings: NonNullable<MailproofConfig['rules']> = {};
  for (const rule of rules as readonly Rule[]) {
    const base = `rules.${settingKey(rule.id)}`;
    const setting: Record<string, unknown> = {};
    const severity = explicitValue<SeveritySetting>(cfg, `${base}.severity`);
    if (severity) setting.severity = severity;
    for (const name of Object.keys(rule.options ?? {})) {
      const v = explicitValue<unknown>(cfg, `${base}.${name}`);
      if (v !== undefined) setting[name] = v;
    }
    if (Object.keys(setting).length) ruleSettings[rule.id] = setting;
  }
  if (Object.keys(ruleSettings).length) config.rules = ruleSettings;
  const add = explicitValue<PhraseInput[]>(cfg, 'phrases.add');
  const ignore = explicitValue<string[]>(cfg, 'phrases.ignore');
  if (add || ignore) config.phrases = { add: add ?? [], ignore: ignore ?? [] };
  const acronyms = explicitValue<string[]>(cfg, 'acronyms');
  if (acronyms) config.acronyms = acronyms;
  const mailType = explicitValue<'bulk' | 'transactional'>(cfg, 'mailType');
  if (mailType) config.mailType = mailType;
  const sender = explicitValue<string>(cfg, 'sender');
  if (sender) config.sender = sender;
  // Validate what came from settings the same way as a project file.
  const { config: clean } = validateConfig(config, rules);
  return {
    enable: cfg.get<boolean>('enable', true),
    files: cfg.get<string[]>('files', []),
    maxFileSizeBytes: Math.max(1, cfg.get<number>('maxFileSizeKB', DEFAULT_MAX_FILE_SIZE_KB)) * 1024,
    config: clean,
  };
}
