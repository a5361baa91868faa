import * as vscode from 'vscode';
import { type MailproofConfig, mergeConfigs, validateConfig } from '../engine/config';
import { toLocale } from '../engine/i18n';
import { LineIndex } from '../engine/position';
import { readConfigText, untrustedPart } from './configFile';
import type { PhraseInput } from '../engine/lexicon/types';
import type { Rule } from '../engine/rule';
import { rules } from '../engine/rules/index';
import type { SeveritySetting } from '../engine/types';
import { settingKey } from './settingKey';

/**
 * A setting that decides where Mailproof connects or what it sends (DNS servers, blocklists, the
 * SMTP server, the filters, the signing key). In an untrusted workspace only the user's own value
 * counts: VS Code already ignores the workspace values of `restrictedConfigurations`, and reading
 * the user value here keeps that true even for a setting missing from the list.
 */
export function trustedValue<T>(cfg: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  if (vscode.workspace.isTrusted) return cfg.get<T>(key, fallback);
  const info = cfg.inspect<T>(key);
  return info?.globalValue ?? info?.defaultValue ?? fallback;
}

/** Where SecretStorage keeps the SMTP password of a server and user. */
export function smtpSecretKey(host: string, user: string): string {
  return `mailproof.smtp:${host.toLowerCase()}:${user}`;
}

// Drafts over this size get one info diagnostic instead of a lint while typing (the CLI lints any size).
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/** Editor-side settings of one resource, read once and cached until the configuration changes. */
export interface ResourceSettings {
  enable: boolean;
  files: string[];
  maxFileSizeBytes: number;
  /** Options set in user settings: the project file overrides them. */
  userConfig: MailproofConfig;
  /** Options set in workspace or folder settings: they override the project file. */
  workspaceConfig: MailproofConfig;
}

type Level = 'user' | 'workspace';

/** The nearest `.mailproofrc.json`: its path, its valid part and its mistakes. */
type RcResult = { path?: string; config?: MailproofConfig; problems: string[] };

/**
 * A value set explicitly at one level (folder over workspace for `workspace`), ignoring the
 * default so that unset settings never override `.mailproofrc.json`.
 */
function explicitValue<T>(cfg: vscode.WorkspaceConfiguration, key: string, level: Level): T | undefined {
  const info = cfg.inspect<T>(key);
  if (!info) return undefined;
  return level === 'user' ? info.globalValue : (info.workspaceFolderValue ?? info.workspaceValue);
}

/** Reads and caches settings per resource; the cache is cleared on configuration changes. */
export class Settings implements vscode.Disposable {
  private cache = new Map<string, ResourceSettings>();
  private rcCache = new Map<string, Promise<RcResult>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly rcDiagnostics = vscode.languages.createDiagnosticCollection('mailproof-config');
  private warnedUntrusted = false;
  /** Fires when settings or a `.mailproofrc.json` changed: open drafts should be linted again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      this.rcDiagnostics,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('mailproof')) return;
        this.cache.clear();
        this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.cache.clear();
        this.rcCache.clear();
        this.changed.fire();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/.mailproofrc.json');
    const invalidate = () => {
      this.rcCache.clear();
      this.rcDiagnostics.clear();
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

  /**
   * The nearest `.mailproofrc.json` above the document. Local files look up to the file-system
   * root, like the CLI; other file systems stop at the workspace folder.
   */
  projectConfig(uri: vscode.Uri): Promise<RcResult> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (uri.scheme !== 'file' && (!folder || uri.scheme !== folder.uri.scheme)) return Promise.resolve({ problems: [] });
    const dir = vscode.Uri.joinPath(uri, '..');
    const key = dir.toString();
    let p = this.rcCache.get(key);
    if (!p) {
      p = findRc(dir, uri.scheme === 'file' ? undefined : folder!.uri, this.log, this.rcDiagnostics);
      this.rcCache.set(key, p);
    }
    return p;
  }

  /** The configuration to lint a document with: user settings, the project file, then workspace settings. */
  async configFor(uri: vscode.Uri): Promise<MailproofConfig> {
    const rc = await this.projectConfig(uri);
    const s = this.get(uri);
    if (!vscode.workspace.isTrusted) {
      // Restricted mode: the project file and workspace settings cannot add phrases to compile;
      // only user settings can (everything else they set is validated and bounded).
      if (!this.warnedUntrusted && (rc.config?.phrases || s.workspaceConfig.phrases)) {
        this.warnedUntrusted = true;
        this.log.info('Restricted mode: phrase lists from .mailproofrc.json and workspace settings are ignored until the workspace is trusted');
      }
      return mergeConfigs(s.userConfig, untrustedPart(rc.config), untrustedPart(s.workspaceConfig));
    }
    return mergeConfigs(s.userConfig, rc.config, s.workspaceConfig);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function findRc(dir: vscode.Uri, root: vscode.Uri | undefined, log: vscode.LogOutputChannel, diagnostics: vscode.DiagnosticCollection): Promise<RcResult> {
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
      // Mistakes are diagnostics on their keys in the file; the draft is linted with the valid part.
      const text = new TextDecoder().decode(bytes);
      const { config, problems } = readConfigText(text, toLocale(vscode.env.language));
      const lines = new LineIndex(text);
      const range = (o: number) => new vscode.Position(lines.positionAt(o).line, lines.positionAt(o).character);
      diagnostics.set(
        candidate,
        problems.map((p) => {
          const d = new vscode.Diagnostic(new vscode.Range(range(p.start), range(p.end)), p.message, vscode.DiagnosticSeverity.Error);
          d.source = 'mailproof';
          return d;
        }),
      );
      for (const p of problems) log.warn(`${candidate.fsPath}: ${p.message}`);
      return { path: candidate.fsPath, config, problems: problems.map((p) => p.message) };
    }
    const parent = vscode.Uri.joinPath(current, '..');
    if (parent.path === current.path || (root && (current.path === root.path || !current.path.startsWith(root.path)))) break;
    current = parent;
  }
  return { problems: [] };
}

function read(uri: vscode.Uri): ResourceSettings {
  const cfg = vscode.workspace.getConfiguration('mailproof', uri);
  return {
    enable: cfg.get<boolean>('enable', true),
    files: cfg.get<string[]>('files', []),
    maxFileSizeBytes: Math.max(1, cfg.get<number>('maxFileSizeKB', DEFAULT_MAX_FILE_SIZE_KB)) * 1024,
    userConfig: configAt(cfg, 'user'),
    workspaceConfig: configAt(cfg, 'workspace'),
  };
}

// The lint options set at one level of the settings, validated like a project file.
function configAt(cfg: vscode.WorkspaceConfiguration, level: Level): MailproofConfig {
  const value = <T>(key: string) => explicitValue<T>(cfg, key, level);
  const config: MailproofConfig = {};
  const ruleSettings: NonNullable<MailproofConfig['rules']> = {};
  for (const rule of rules as readonly Rule[]) {
    const base = `rules.${settingKey(rule.id)}`;
    const setting: Record<string, unknown> = {};
    const severity = value<SeveritySetting>(`${base}.severity`);
    if (severity) setting.severity = severity;
    for (const name of Object.keys(rule.options ?? {})) {
      const v = value<unknown>(`${base}.${name}`);
      if (v !== undefined) setting[name] = v;
    }
    if (Object.keys(setting).length) ruleSettings[rule.id] = setting;
  }
  if (Object.keys(ruleSettings).length) config.rules = ruleSettings;
  const add = value<PhraseInput[]>('phrases.add');
  const ignore = value<string[]>('phrases.ignore');
  if (add || ignore) config.phrases = { add: add ?? [], ignore: ignore ?? [] };
  const acronyms = value<string[]>('acronyms');
  if (acronyms) config.acronyms = acronyms;
  const mailType = value<'bulk' | 'transactional'>('mailType');
  if (mailType) config.mailType = mailType;
  const sender = value<string>('sender');
  if (sender) config.sender = sender;
  const words = value<string[]>('words');
  if (words) config.words = words;
  const language = value<'fr' | 'en' | 'auto'>('language');
  if (language) config.language = language;
  return validateConfig(config, rules).config;
}
