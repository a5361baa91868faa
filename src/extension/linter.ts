import { join } from 'node:path';
import * as vscode from 'vscode';
import { KeyedDebounce } from './debounce';
import { lint, type LintRun, detectKind } from '../engine/lint';
import { fixAllText } from '../engine/fix';
import { toLocale } from '../engine/i18n';
import { type LintSnapshot, snapshotOf } from '../engine/snapshot';
import type { DraftKind, Finding, Locale, Severity } from '../engine/types';
import type { MailproofConfig } from '../engine/config';
import { fileResources } from '../node/fileResources';
import { LintPool } from '../node/lintPool';
import type { LintRequest } from '../node/lintProtocol';
import { hostWorkDone } from './loopProbe';
import type { Settings } from './settings';
import { FileGate } from './fileGate';
import { type FileDecision, IGNORE_FILE } from '../node/fileFilter';

// Lint after typing pauses, as vscode-eslint and markdownlint do; long enough not to lint
// on every keystroke, short enough to feel live.
export const LINT_DEBOUNCE_MS = 300;

/**
 * Drafts longer than this (UTF-16 code units, about 50 KB) are linted in a worker thread: the
 * extension host, shared by every extension, should never block for more than 50 ms (issue
 * #11), and a 100 KB newsletter blocked it for 72 ms there (`npm run bench:e2e`, 2-core
 * machine under load). Smaller drafts lint in place, which spares them the copy to the worker.
 */
export const WORKER_MIN_CHARS = 50 * 1024;

const FORCED_KEY = 'mailproof.forcedFiles';
/** File systems whose documents can be drafts: local, unsaved, remote and virtual workspaces. */
export const DRAFT_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** The last lint of an open draft: its findings and what code actions need, not the model. */
export interface DraftState {
  /** Document version the findings belong to. */
  version: number;
  run: LintSnapshot;
  locale: Locale;
  /** The configuration the draft was linted with (fix-all lints again with it). */
  config: MailproofConfig;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Keeps diagnostics of open drafts up to date: lint on open, debounced lint on change. */
export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mailproof');
  /** The engine finding behind each diagnostic, for code actions and hovers. */
  readonly findingOf = new WeakMap<vscode.Diagnostic, Finding>();
  private readonly states = new Map<string, DraftState>();
  private readonly debounced = new KeyedDebounce(LINT_DEBOUNCE_MS);
  private readonly generations = new Map<string, number>();
  private readonly linted = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a draft's diagnostics were updated (or cleared). */
  readonly onDidLint = this.linted.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly gate = new FileGate();
  // One worker for large drafts, started on the first one, idle otherwise.
  private pool: LintPool | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly memento: vscode.Memento,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const ignoreWatcher = vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE}`);
    this.disposables.push(
      this.collection,
      this.linted,
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        // Typing can turn a file into a draft (`<!-- mailproof -->`) or a web page.
        if (this.isDraft(e.document)) this.schedule(e.document);
        else if (this.states.has(e.document.uri.toString())) this.forget(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      settings.onDidChange(() => {
        this.gate.reset();
        this.refreshAll();
      }),
      ignoreWatcher,
      ...[ignoreWatcher.onDidChange, ignoreWatcher.onDidCreate, ignoreWatcher.onDidDelete].map((event) =>
        event(() => {
          this.gate.reset();
          this.refreshAll();
        }),
      ),
    );
    this.refreshAll();
  }

  /** Whether a document is an email draft Mailproof should lint. */
  isDraft(doc: vscode.TextDocument): boolean {
    return this.decision(doc).lint;
  }

  /** Whether a document is linted, and why (see FileGate). */
  decision(doc: vscode.TextDocument): FileDecision {
    if (!DRAFT_SCHEMES.includes(doc.uri.scheme)) return { lint: false, key: 'detect.notDraftType' };
    return this.gate.decide(doc, this.settings.get(doc.uri), this.forced().includes(doc.uri.toString()));
  }

  /** The last lint of a document, if any. */
  state(doc: vscode.TextDocument): DraftState | undefined {
    return this.states.get(doc.uri.toString());
  }

  /**
   * The lint of the document's current text: the last one when it is up to date, else a lint
   * run now (a save can come before the debounced lint of the last keystrokes).
   */
  async current(doc: vscode.TextDocument): Promise<DraftState | undefined> {
    const state = this.state(doc);
    if (state && state.version === doc.version) return state;
    if (!this.isDraft(doc)) return undefined;
    // The debounced lint of the same text would only repeat this one.
    this.debounced.cancel(doc.uri.toString());
    await this.lintNow(doc);
    const fresh = this.state(doc);
    return fresh && fresh.version === doc.version ? fresh : undefined;
  }

  /** Opts a file in ("Lint this file as an email") and lints it now. */
  async force(doc: vscode.TextDocument): Promise<void> {
    const list = this.forced();
    const key = doc.uri.toString();
    if (!list.includes(key)) await this.memento.update(FORCED_KEY, [...list, key]);
    await this.lintNow(doc);
  }

  /** Opts a file out again. */
  async unforce(doc: vscode.TextDocument): Promise<void> {
    await this.memento.update(FORCED_KEY, this.forced().filter((k) => k !== doc.uri.toString()));
    this.refresh(doc);
  }

  private forced(): string[] {
    return this.memento.get<string[]>(FORCED_KEY, []);
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.refresh(doc);
  }

  private refresh(doc: vscode.TextDocument): void {
    if (this.isDraft(doc)) void this.lintNow(doc);
    else if (this.states.has(doc.uri.toString()) || this.collection.has(doc.uri)) this.forget(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    // Results of a lint started before this change are stale from now on.
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.debounced.schedule(key, () => void this.lintNow(doc));
  }

  private forget(doc: vscode.TextDocument): void {
    this.gate.forget(doc);
    const key = doc.uri.toString();
    this.debounced.cancel(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.states.delete(key);
    this.collection.delete(doc.uri);
    this.linted.fire(doc);
  }

  /** Lints a document now; results that arrive after a newer change are dropped. */
  async lintNow(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    try {
      const config = await this.settings.configFor(doc.uri);
      let since = performance.now();
      if (this.generations.get(key) !== generation || doc.isClosed) return;
      const locale = toLocale(vscode.env.language);
      const version = doc.version;
      const text = doc.getText();
      const { maxFileSizeBytes } = this.settings.get(doc.uri);
      if (text.length > maxFileSizeBytes) {
        this.showTooLarge(doc, text.length, maxFileSizeBytes);
        return;
      }
      const linting = this.lintText(doc, text, config, locale);
      hostWorkDone(since);
      const run = await linting;
      since = performance.now();
      // A newer change or lint, or closing the draft, made this result stale.
      if (!run || this.generations.get(key) !== generation || doc.isClosed) return;
      this.states.set(key, { version, run, locale, config });
      this.collection.set(doc.uri, run.findings.map((f) => this.toDiagnostic(doc, f)));
      this.linted.fire(doc);
      hostWorkDone(since);
    } catch (e) {
      // A bug in a rule must not leave stale squiggles or surface as an error toast while typing.
      this.log.error(`lint failed for ${doc.uri.toString()}: ${(e as Error)?.stack ?? e}`);
      this.collection.delete(doc.uri);
      this.states.delete(key);
      this.linted.fire(doc);
    }
  }

  /**
   * Replaces one rule's findings in a draft's last lint with findings computed elsewhere (the
   * spelling worker), if the document has not changed since. The score stays the lint's (info findings add nothing).
   */
  mergeFindings(doc: vscode.TextDocument, version: number, ruleId: string, findings: Finding[]): void {
    const state = this.state(doc);
    if (!state || state.version !== version || doc.version !== version) return;
    const run = state.run;
    run.findings = [...run.findings.filter((f) => f.ruleId !== ruleId), ...findings].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    this.collection.set(doc.uri, run.findings.map((f) => this.toDiagnostic(doc, f)));
    this.linted.fire(doc);
  }

  /**
   * Lints a text of the document: in this thread when it is small, else in the lint worker.
   * Undefined when a newer lint of the same document replaced this one before it started.
   */
  lintText(doc: vscode.TextDocument, text: string, config: MailproofConfig, locale: Locale): Promise<LintSnapshot | undefined> {
    if (text.length < WORKER_MIN_CHARS) return Promise.resolve(snapshotOf(lintDocument(doc, text, config, locale)));
    return this.workers()
      .lint(workerRequest(doc, text, config, locale), doc.uri.toString())
      .then((r) => r?.snapshot);
  }

  /**
   * Applies every preferred fix to the text, pass after pass, as `mailproof lint --fix` does;
   * large drafts in the lint worker. Undefined when a newer request replaced this one.
   */
  async fixAllText(doc: vscode.TextDocument, text: string, state: DraftState): Promise<string | undefined> {
    if (text.length < WORKER_MIN_CHARS) {
      return fixAllText(text, state.run, (t) => snapshotOf(lintDocument(doc, t, state.config, state.locale))).text;
    }
    const r = await this.workers().lint({ ...workerRequest(doc, text, state.config, state.locale), fix: { write: true } }, `fix:${doc.uri.toString()}`);
    return r && (r.fixed?.text ?? text);
  }

  private workers(): LintPool {
    // The worker is a bundle of its own beside dist/extension.js.
    this.pool ??= new LintPool(join(__dirname, 'lintWorker.js'), 1, true);
    return this.pool;
  }

  private showTooLarge(doc: vscode.TextDocument, size: number, limit: number): void {
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      vscode.l10n.t('Draft too large to lint while typing ({0} KB; limit {1} KB): run "mailproof lint" on it', Math.round(size / 1024), Math.round(limit / 1024)),
      vscode.DiagnosticSeverity.Information,
    );
    d.source = 'mailproof';
    this.collection.set(doc.uri, [d]);
    this.states.delete(doc.uri.toString());
    this.linted.fire(doc);
  }

  private toDiagnostic(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
    const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
    d.source = 'mailproof';
    d.code = { value: f.ruleId, target: this.docsUri(f.ruleId) };
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end))), r.message));
    }
    this.findingOf.set(d, f);
    return d;
  }

  dispose(): void {
    this.debounced.dispose();
    for (const d of this.disposables) d.dispose();
    void this.pool?.close();
  }
}

/**
 * Lints a document's text. Local drafts get their file name and local file sizes (for image
 * sizes); drafts on other file systems are linted without touching files.
 */
export function lintDocument(doc: vscode.TextDocument, text: string, config: MailproofConfig, locale: Locale): LintRun {
  const local = doc.uri.scheme === 'file';
  return lint(text, { kind: kindOf(doc, text), fileName: local ? doc.uri.fsPath : doc.uri.path, config, locale, resources: local ? fileResources : undefined });
}

function workerRequest(doc: vscode.TextDocument, text: string, config: MailproofConfig, locale: Locale): LintRequest {
  const local = doc.uri.scheme === 'file';
  return { text, options: { kind: kindOf(doc, text), fileName: local ? doc.uri.fsPath : doc.uri.path, config, locale, localFiles: local } };
}

/** The engine's kind for a document: the `eml` language wins, else the file name and content decide. */
export function kindOf(doc: vscode.TextDocument, text: string): DraftKind {
  if (doc.languageId === 'eml') return 'eml';
  if (doc.languageId === 'html') return 'html';
  return detectKind(doc.uri.path, text);
}
