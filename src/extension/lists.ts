// Recipient lists in the editor: CSV and text files matched by `mailproof.lists` get one
// diagnostic per row problem as they are typed (offline checks only), a quick fix for typo
// domains, and "Mailproof: Check Recipient List", which looks the domains up in DNS (only on
// that command, never while typing) and shows the summary in a panel. The checks are
// dist/lists.js, loaded on the first list.
import * as vscode from 'vscode';
import { KeyedDebounce } from './debounce';
import { toLocale } from '../engine/i18n';
import type { Locale } from '../engine/types';
import type { ListMessageKey, Params } from '../lists/i18n';
import type { ListPanelReport } from '../webview/listsProtocol';
import { MAX_PANEL_PROBLEMS } from '../webview/listsProtocol';
import { ListPanel, listPanelStrings } from './listPanel';

type ListsModule = typeof import('../lists/index');
type DomainMail = import('../lists/index').DomainMail;
type RowResult = import('../lists/index').RowResult;
type ListSummary = import('../lists/index').ListSummary;

/** The command that looks domains up and shows the report. */
export const CHECK_LIST_COMMAND = 'mailproof.checkList';
// Typing pauses before the list is checked again, as for drafts.
const LIST_DEBOUNCE_MS = 300;
// Live checks run in the extension host: past this size (about 40,000 rows, some 100 ms of
// checks), one information diagnostic instead; the command checks any size.
const MAX_LIVE_CHARS = 2 * 1024 * 1024;
// The Problems view is not a report: past this many, one diagnostic says how many more.
const MAX_DIAGNOSTICS = 1000;
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  invalid: vscode.DiagnosticSeverity.Error,
  duplicate: vscode.DiagnosticSeverity.Warning,
  risky: vscode.DiagnosticSeverity.Warning,
  unknown: vscode.DiagnosticSeverity.Information,
};

/** A typo-domain quick fix: the domain's range in the document version it was computed for. */
interface DomainFix {
  version: number;
  range: vscode.Range;
  domain: string;
}

class ListController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mailproof-lists');
  readonly fixOf = new WeakMap<vscode.Diagnostic, DomainFix>();
  private module: ListsModule | undefined;
  private cache: InstanceType<ListsModule['DomainCache']> | undefined;
  /** DNS answers from the last command run per document, reused while typing (no new queries). */
  private readonly dnsOf = new Map<string, Map<string, DomainMail>>();
  private readonly debounced = new KeyedDebounce(LIST_DEBOUNCE_MS);
  private readonly disposables: vscode.Disposable[] = [];
  private running: vscode.CancellationTokenSource | undefined;
  private lastUri: vscode.Uri | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isList(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mailproof')) for (const d of vscode.workspace.textDocuments) this.refresh(d);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.refresh(d);
  }

  private locale(): Locale {
    return toLocale(vscode.env.language);
  }

  private text(key: ListMessageKey, params: Params = {}): string {
    return this.load().listText(this.locale(), key, params);
  }

  private load(): ListsModule {
    // A plain require of a file next to the extension bundle: esbuild leaves it alone.
    this.module ??= require(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'lists.js').fsPath) as ListsModule;
    return this.module;
  }

  /** Whether a document is a recipient list by the `mailproof.lists` globs. */
  isList(doc: vscode.TextDocument): boolean {
    if (!SCHEMES.includes(doc.uri.scheme)) return false;
    const config = vscode.workspace.getConfiguration('mailproof', doc.uri);
    if (!config.get<boolean>('enable', true)) return false;
    const patterns = config.get<string[]>('lists', []);
    return Array.isArray(patterns) && patterns.some((pattern) => typeof pattern === 'string' && vscode.languages.match({ pattern }, doc) > 0);
  }

  private refresh(doc: vscode.TextDocument): void {
    if (this.isList(doc)) this.check(doc);
    else this.collection.delete(doc.uri);
  }

  private schedule(doc: vscode.TextDocument): void {
    this.debounced.schedule(doc.uri.toString(), () => this.check(doc));
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.debounced.cancel(key);
    this.dnsOf.delete(key);
    this.collection.delete(doc.uri);
  }

  /** Offline checks of the document as it is now (plus DNS answers a command already got). */
  private check(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    try {
      const text = doc.getText();
      if (text.length > MAX_LIVE_CHARS) {
        const m = this.load();
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), this.text('editor.tooLarge', { size: m.formatBytes(text.length), max: m.formatBytes(MAX_LIVE_CHARS) }), vscode.DiagnosticSeverity.Information);
        d.source = 'mailproof';
        this.collection.set(doc.uri, [d]);
        return;
      }
      this.analyze(doc, text, this.dnsOf.get(doc.uri.toString()));
    } catch (e) {
      this.log.error(`list check of ${doc.uri.toString(true)} failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  /** Analyses a document's text, sets its diagnostics, and returns the summary and rows. */
  private analyze(doc: vscode.TextDocument, text: string, dns: Map<string, DomainMail> | undefined): { summary?: ListSummary; problems: RowResult[] } {
    const m = this.load();
    const locale = this.locale();
    const diagnostics: vscode.Diagnostic[] = [];
    const problems: RowResult[] = [];
    let hidden = 0;
    const version = doc.version;
    try {
      const { summary } = m.ListAnalyzer.text(text, {
        file: vscode.workspace.asRelativePath(doc.uri),
        spans: true,
        dns,
        onRow: (row) => {
          if (row.status === 'valid') return;
          problems.push(row);
          if (diagnostics.length >= MAX_DIAGNOSTICS) {
            hidden++;
            return;
          }
          const line = row.span?.line ?? row.line - 1;
          const range = row.span ? new vscode.Range(line, row.span.start, line, Math.max(row.span.end, row.span.start)) : doc.lineAt(Math.min(line, doc.lineCount - 1)).range;
          for (const reason of row.reasons) {
            const d = new vscode.Diagnostic(range, m.reasonMessage(locale, reason), SEVERITY[m.REASON_STATUS[reason.code]]);
            d.source = 'mailproof';
            d.code = reason.code;
            if (reason.code === 'typo-domain' && row.span?.domainStart !== undefined) {
              this.fixOf.set(d, { version, range: new vscode.Range(line, row.span.domainStart, line, row.span.end), domain: String(reason.params.suggestion) });
            }
            diagnostics.push(d);
          }
        },
      });
      if (hidden) {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), this.text('editor.more', { count: hidden }), vscode.DiagnosticSeverity.Information);
        d.source = 'mailproof';
        diagnostics.push(d);
      }
      for (const w of summary.warnings) {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), m.listText(locale, w.key, w.params), vscode.DiagnosticSeverity.Warning);
        d.source = 'mailproof';
        diagnostics.push(d);
      }
      this.collection.set(doc.uri, diagnostics);
      return { summary, problems };
    } catch (e) {
      if (!(e instanceof m.ListInputError)) throw e;
      const line = Number(e.params.line ?? 1) - 1;
      const d = new vscode.Diagnostic(doc.lineAt(Math.max(0, Math.min(line, doc.lineCount - 1))).range, m.listText(locale, e.key, e.params), vscode.DiagnosticSeverity.Error);
      d.source = 'mailproof';
      this.collection.set(doc.uri, [d]);
      return { problems: [] };
    }
  }

  /** "Mailproof: Check Recipient List": DNS lookups of the list's domains, then the report panel. */
  async command(uri?: vscode.Uri): Promise<void> {
    const target = uri instanceof vscode.Uri ? uri : (vscode.window.activeTextEditor?.document.uri ?? this.lastUri);
    if (!target) {
      void vscode.window.showInformationMessage(this.text('editor.noList'));
      return;
    }
    this.lastUri = target;
    const doc = await vscode.workspace.openTextDocument(target);
    this.running?.cancel();
    const cts = (this.running = new vscode.CancellationTokenSource());
    const m = this.load();
    const locale = this.locale();
    const panel = ListPanel.show(this.context.extensionUri, `${this.text('panel.title')} — ${vscode.workspace.asRelativePath(doc.uri)}`, { rerun: () => void this.command(target), cancel: () => cts.cancel() }, this.log);
    panel.init(listPanelStrings((k) => this.text(k)));
    panel.running();
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: this.text('editor.progress', { file: vscode.workspace.asRelativePath(doc.uri) }), cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          const stop = () => abort.abort();
          token.onCancellationRequested(stop);
          cts.token.onCancellationRequested(stop);
          const text = doc.getText();
          const { analyzer } = m.ListAnalyzer.text(text, { file: doc.uri.fsPath, collectDomains: true });
          progress.report({ message: this.text('editor.progressDns', { count: analyzer.domains.size }) });
          // In an untrusted workspace VS Code ignores the workspace's value of this restricted
          // setting, so a cloned repository cannot send the lookups elsewhere.
          const servers = vscode.workspace.getConfiguration('mailproof.check', doc.uri).get<string[]>('dnsServers', []);
          const resolver = await m.listResolver(Array.isArray(servers) ? servers.filter((s) => typeof s === 'string') : []);
          abort.signal.addEventListener('abort', () => resolver.cancel?.(), { once: true });
          this.cache ??= new m.DomainCache();
          const dns = await m.lookupDomains(analyzer.domains, resolver, { cache: this.cache, signal: abort.signal });
          if (abort.signal.aborted) {
            panel.cancelled();
            return;
          }
          this.dnsOf.set(doc.uri.toString(), dns);
          const { summary, problems } = this.analyze(doc, doc.getText(), dns);
          if (summary) panel.report(this.panelReport(doc, summary, problems, locale));
        },
      );
    } catch (e) {
      const reason = e instanceof m.DnsServerError ? m.listText(locale, 'cli.badDns', { value: e.value }) : ((e as Error)?.message ?? String(e));
      this.log.error(`list check of ${doc.uri.toString(true)} failed: ${(e as Error)?.stack ?? e}`);
      panel.cancelled();
      const show = this.text('editor.showOutput');
      void vscode.window.showErrorMessage(this.text('editor.failed', { reason }), show).then((a) => {
        if (a === show) this.log.show();
      });
    } finally {
      if (this.running === cts) this.running = undefined;
      cts.dispose();
    }
  }

  private panelReport(doc: vscode.TextDocument, s: ListSummary, problems: RowResult[], locale: Locale): ListPanelReport {
    const m = this.load();
    const t = (key: ListMessageKey, params: Params = {}) => m.listText(locale, key, params);
    const lines = [t(`summary.rate.${s.invalidLevel}`, { rate: m.percent(s.invalidRate, locale), warn: m.percent(m.INVALID_RATE_WARNING, locale), danger: m.percent(m.INVALID_RATE_DANGER, locale) })];
    if (s.duplicateGroups) lines.push(t('summary.duplicates', { groups: s.duplicateGroups, rows: s.reasons.duplicate ?? 0 }));
    lines.push(s.dns.failed ? t('summary.dns.failed', { domains: s.dns.domains, failed: s.dns.failed }) : t('summary.dns.done', { domains: s.dns.domains }));
    for (const w of s.warnings) lines.push(t(w.key, w.params));
    return {
      file: vscode.workspace.asRelativePath(doc.uri),
      rows: s.rows,
      statuses: s.statuses,
      level: s.invalidLevel,
      lines,
      reasons: Object.entries(s.reasons).map(([code, count]) => ({ code, count: count ?? 0 })),
      problems: problems.slice(0, MAX_PANEL_PROBLEMS).map((r) => ({ line: r.line, address: r.address.slice(0, 500), status: r.status, message: r.reasons.map((x) => m.reasonMessage(locale, x)).join(m.reasonSeparator(locale)).slice(0, 1000) })),
      more: Math.max(0, problems.length - MAX_PANEL_PROBLEMS),
    };
  }

  dispose(): void {
    this.debounced.dispose();
    this.running?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

/** Quick fixes for typo domains: one suggestion per diagnostic, never applied in bulk. */
class ListCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  constructor(
    private readonly controller: ListController,
    private readonly title: (domain: string) => string,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const fix = this.controller.fixOf.get(d);
      // A fix computed for another version of the text could replace the wrong characters.
      if (!fix || fix.version !== doc.version) continue;
      const action = new vscode.CodeAction(this.title(fix.domain), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, fix.range, fix.domain);
      actions.push(action);
    }
    return actions;
  }
}

/** Registers the list diagnostics, quick fixes and command; called once from `activate`. */
export function registerLists(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const controller = new ListController(context, log);
  const title = (domain: string) => (require(vscode.Uri.joinPath(context.extensionUri, 'dist', 'lists.js').fsPath) as ListsModule).listText(toLocale(vscode.env.language), 'editor.fix', { domain });
  return vscode.Disposable.from(
    controller,
    vscode.languages.registerCodeActionsProvider(
      SCHEMES.map((scheme) => ({ scheme })),
      new ListCodeActions(controller, title),
      ListCodeActions.metadata,
    ),
    vscode.commands.registerCommand(CHECK_LIST_COMMAND, (uri?: vscode.Uri) => controller.command(uri)),
  );
}
