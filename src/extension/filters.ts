// "Test with SpamAssassin", "Test with Rspamd", "Send Test Message" and "Generate Text Version":
// the draft built into the message that would be sent, scored by the user's real filters and
// sent through the user's SMTP server. The Node engine (dist/filters.js) loads on first use.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { toLocale } from '../engine/i18n';
import type { Locale } from '../engine/types';
import type { FilterName, FilterOutcome } from '../filters/run';
import type { BuiltMessage } from '../message/build';
import type { Linter } from './linter';
import { TestResultsPanel } from './testResultsPanel';
import type { PanelFilter, TestResultsState } from '../webview/testResultsProtocol';
import { smtpSecretKey, trustedValue } from './settings';

type FiltersModule = typeof import('../filters/index');

const DEFAULT_TIMEOUT_MS = 20_000;
const LAST_RECIPIENTS_KEY = 'mailproof.testRecipients';
const EMAIL_RE = /^[^\s@<>(),;:"]{1,64}@[A-Za-z0-9.-]{1,253}$/;

function isEml(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'eml' || /\.eml$/i.test(doc.uri.path);
}

interface LastRun {
  uri: string;
  version: number;
  outcomes: Map<FilterName, Extract<FilterOutcome, { ok: true }>>;
}

/** Registers the commands, the diagnostics collection and the panel; one call from activate. */
export function registerFilters(context: vscode.ExtensionContext, linter: Linter, log: vscode.LogOutputChannel): vscode.Disposable {
  const controller = new FiltersController(context, linter, log);
  return vscode.Disposable.from(
    controller,
    vscode.commands.registerCommand('mailproof.testSpamAssassin', () => controller.test(['spamassassin'])),
    vscode.commands.registerCommand('mailproof.testRspamd', () => controller.test(['rspamd'])),
    vscode.commands.registerCommand('mailproof.sendTestMessage', () => controller.send()),
    vscode.commands.registerCommand('mailproof.generateTextVersion', () => controller.generateText()),
  );
}

class FiltersController implements vscode.Disposable {
  private module: FiltersModule | undefined;
  /** Findings of the real filters, cleared as soon as their draft changes. */
  readonly diagnostics = vscode.languages.createDiagnosticCollection('mailproof-filters');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private last: LastRun | undefined;
  private state: TestResultsState | undefined;
  private running = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly linter: Linter,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.diagnostics.has(e.document.uri)) this.diagnostics.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.diagnostics.delete(d.uri)),
    );
  }

  private load(): FiltersModule {
    // A plain require of a file next to the extension bundle: esbuild leaves it alone.
    this.module ??= require(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'filters.js').fsPath) as FiltersModule;
    return this.module;
  }

  private locale(): Locale {
    return toLocale(vscode.env.language);
  }

  private draft(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an email draft first.'));
      return undefined;
    }
    if (/\.mjml$/i.test(doc.uri.path) || doc.languageId === 'mjml') {
      void vscode.window.showInformationMessage(vscode.l10n.t('MJML drafts are compiled to HTML before sending: test the compiled HTML.'));
      return undefined;
    }
    return doc;
  }

  /** Builds the message of a draft with the settings of its resource; explains a refusal. */
  private async build(doc: vscode.TextDocument, to?: string): Promise<BuiltMessage | undefined> {
    const mod = this.load();
    const cfg = vscode.workspace.getConfiguration('mailproof', doc.uri);
    const locale = this.locale();
    const options: Parameters<FiltersModule['buildMessage']>[1] = {
      fileName: doc.uri.path,
      kind: isEml(doc) ? 'eml' : undefined,
      defaults: { from: cfg.get<string>('sender', '').trim() || undefined, to },
      mailType: cfg.get<'bulk' | 'transactional'>('mailType', 'bulk'),
    };
    const keyFile = trustedValue(cfg, 'message.dkim.keyFile', '').trim();
    const selector = trustedValue(cfg, 'message.dkim.selector', '').trim();
    try {
      if (keyFile && selector) {
        const privateKey = await readFile(keyFile, 'utf8');
        const probe = await mod.buildMessage(doc.getText(), options);
        const domain = trustedValue(cfg, 'message.dkim.domain', '').trim() || (mod.addressesOf(probe.from)[0] ?? '').split('@')[1] || '';
        options.dkim = { privateKey, keySelector: selector, domainName: domain };
      }
      return await mod.buildMessage(doc.getText(), options);
    } catch (e) {
      if (e instanceof mod.BuildError) {
        const open = vscode.l10n.t('Open settings');
        const choice = await vscode.window.showWarningMessage(mod.filterText(locale, `build.${e.code}`, { detail: e.message }), open);
        if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', e.code === 'noSender' ? 'mailproof.sender' : 'mailproof.message');
        return undefined;
      }
      const detail = (e as NodeJS.ErrnoException).code ?? (e as Error).message ?? String(e);
      this.log.error(`building the message failed: ${(e as Error)?.stack ?? e}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The message could not be built: {0}', detail));
      return undefined;
    }
  }

  /** "Test with SpamAssassin" / "Test with Rspamd". */
  async test(filters: FilterName[]): Promise<void> {
    const doc = this.draft();
    if (!doc) return;
    const version = doc.version;
    const locale = this.locale();
    const message = await this.build(doc);
    if (!message) return;
    const mod = this.load();
    const cfg = vscode.workspace.getConfiguration('mailproof', doc.uri);
    const target = {
      spamassassin: { host: trustedValue(cfg, 'filters.spamassassin.host', 'localhost').trim() || 'localhost', port: trustedValue(cfg, 'filters.spamassassin.port', 783) },
      rspamd: { url: trustedValue(cfg, 'filters.rspamd.url', 'http://localhost:11333').trim() || 'http://localhost:11333' },
      timeoutMs: cfg.get<number>('filters.timeoutMs', DEFAULT_TIMEOUT_MS),
    };
    const name = doc.uri.path.split('/').pop() ?? doc.uri.path;
    const labels = filters.map((f) => mod.FILTER_LABEL[f]).join(', ');
    const panel = this.showPanel(name, doc.uri);
    const runId = ++this.running;
    this.update(panel, { ...this.base(name, message), running: vscode.l10n.t('Scoring with {0}…', labels) });
    const text = doc.getText();
    const model = mod.buildModel(text, isEml(doc) ? 'eml' : mod.detectKind(doc.uri.path, text));
    const outcomes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scoring with {0}…', labels) }, () =>
      Promise.all(filters.map((f) => mod.runFilter(f, message.raw, model, target, locale, { from: mod.addressesOf(message.from)[0], rcpt: message.draftRecipients }))),
    );
    if (runId !== this.running) return;
    const mailproof = await this.linter.current(doc).catch(() => undefined);
    const previous = this.base(name, message);
    // A test with one filter keeps the other filter's last result for this draft.
    const fresh = outcomes.map((o) => this.panelFilter(o, locale));
    const state: TestResultsState = { ...previous, filters: [...previous.filters.filter((f) => !filters.includes(f.filter)), ...fresh] };
    if (mailproof) state.mailproofScore = mod.filterText(locale, 'result.mailproofScore', { score: mod.fmt(mailproof.run.score) });
    this.update(panel, state);
    const ok = new Map<FilterName, Extract<FilterOutcome, { ok: true }>>();
    for (const o of outcomes) if (o.ok) ok.set(o.filter, o);
    this.last = { uri: doc.uri.toString(), version, outcomes: ok };
    // Findings belong to the text that was scored: none when the draft changed meanwhile.
    if (doc.version === version) this.setDiagnostics(doc, [...ok.values()]);
    for (const o of outcomes) {
      if (o.ok) continue;
      this.log.warn(`${o.filter}: ${o.message}`);
      if (o.code === 'unreachable') void vscode.window.showWarningMessage(`${o.message}. ${o.help ?? ''}`);
    }
  }

  private base(name: string, message: BuiltMessage): TestResultsState {
    const mod = this.load();
    const locale = this.locale();
    return {
      strings: {
        title: vscode.l10n.t('Test results'),
        running: vscode.l10n.t('Scoring…'),
        mailproofScore: vscode.l10n.t('Mailproof score'),
        points: vscode.l10n.t('Points'),
        rule: vscode.l10n.t('Rule'),
        description: vscode.l10n.t('Description'),
        place: vscode.l10n.t('In the draft'),
        located: vscode.l10n.t('Show'),
        unlocated: mod.filterText(locale, 'result.unlocated'),
        noHits: mod.filterText(locale, 'result.noHits'),
        sendTitle: vscode.l10n.t('Test send'),
        notesTitle: vscode.l10n.t('Built message'),
        spam: mod.filterText(locale, 'result.spam'),
        notSpam: mod.filterText(locale, 'result.notSpam'),
      },
      draft: name,
      notes: message.notes.map((n) => mod.filterText(locale, `note.${n.code}`, { detail: n.detail ?? '' })),
      filters: this.state?.draft === name ? this.state.filters : [],
      send: this.state?.draft === name ? this.state.send : undefined,
    };
  }

  private panelFilter(o: FilterOutcome, locale: Locale): PanelFilter {
    const mod = this.load();
    const label = mod.FILTER_LABEL[o.filter];
    if (!o.ok) return { filter: o.filter, label, ok: false, headline: o.message, detail: o.help, hits: [] };
    return {
      filter: o.filter,
      label,
      ok: true,
      isSpam: o.result.isSpam,
      headline: mod.verdictLine(o, locale),
      detail: o.note,
      hits: o.result.hits.slice(0, 500).map((h) => ({ name: h.name, score: h.score, description: h.description, located: !!h.range })),
    };
  }

  private setDiagnostics(doc: vscode.TextDocument, outcomes: Array<Extract<FilterOutcome, { ok: true }>>): void {
    const diags: vscode.Diagnostic[] = [];
    for (const o of outcomes) {
      for (const h of o.result.hits) {
        if (!h.range) continue;
        const range = new vscode.Range(doc.positionAt(h.range.start), doc.positionAt(h.range.end));
        const points = this.load().fmt(h.score);
        const d = new vscode.Diagnostic(range, `${h.name} (${points}): ${h.description}`, h.score >= 1 ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
        d.source = o.filter;
        d.code = h.name;
        diags.push(d);
      }
    }
    this.diagnostics.set(doc.uri, diags);
  }

  private panel: TestResultsPanel | undefined;

  private showPanel(name: string, uri: vscode.Uri): TestResultsPanel {
    this.panel = TestResultsPanel.show(this.context.extensionUri, name, this.log, (filter, index) => void this.reveal(uri, filter, index));
    return this.panel;
  }

  private update(panel: TestResultsPanel, state: TestResultsState): void {
    this.state = state;
    panel.setState(state);
  }

  private async reveal(uri: vscode.Uri, filter: FilterName, index: number): Promise<void> {
    const last = this.last;
    const hit = last?.uri === uri.toString() ? last.outcomes.get(filter)?.result.hits[index] : undefined;
    if (!hit?.range) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.version !== last!.version) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The draft changed since it was scored: test it again.'));
      return;
    }
    const range = new vscode.Range(doc.positionAt(hit.range.start), doc.positionAt(hit.range.end));
    await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.One });
  }

  /** "Send Test Message": typed recipients only, after confirmation, through the user's server. */
  async send(): Promise<void> {
    const doc = this.draft();
    if (!doc) return;
    const locale = this.locale();
    const cfg = vscode.workspace.getConfiguration('mailproof', doc.uri);
    const host = trustedValue(cfg, 'check.smtp.host', '').trim();
    const user = trustedValue(cfg, 'check.smtp.user', '').trim();
    const port = trustedValue(cfg, 'check.smtp.port', 587);
    const security = trustedValue<'ssl' | 'starttls' | 'none'>(cfg, 'check.smtp.security', 'starttls');
    if (!host) {
      const open = vscode.l10n.t('Open settings');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Set mailproof.check.smtp.host (and .port, .security, .user) to send test messages.'), open);
      if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'mailproof.check.smtp');
      return;
    }
    let pass: string | undefined;
    if (user) {
      pass = await this.context.secrets.get(smtpSecretKey(host, user));
      if (!pass) {
        const set = vscode.l10n.t('Set password');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('No password stored for {0} on {1}.', user, host), set);
        if (choice === set) await vscode.commands.executeCommand('mailproof.setSmtpPassword');
        pass = await this.context.secrets.get(smtpSecretKey(host, user));
        if (!pass) return;
      }
    }
    // Never the draft's own To: the user types where the test goes.
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Send test message'),
      prompt: vscode.l10n.t('Recipients of the test, separated by commas (at most {0})', 10),
      placeHolder: 'me@example.com',
      value: this.context.globalState.get<string>(LAST_RECIPIENTS_KEY, ''),
      ignoreFocusOut: true,
      validateInput: (v) => {
        const list = v.split(',').map((s) => s.trim()).filter(Boolean);
        if (!list.length) return vscode.l10n.t('Enter at least one address');
        const bad = list.find((a) => !EMAIL_RE.test(a));
        if (bad) return vscode.l10n.t('“{0}” is not an email address', bad);
        return list.length > 10 ? vscode.l10n.t('At most {0} recipients', 10) : undefined;
      },
    });
    if (!typed) return;
    const to = typed.split(',').map((s) => s.trim()).filter(Boolean);
    await this.context.globalState.update(LAST_RECIPIENTS_KEY, to.join(', '));
    const message = await this.build(doc, to.join(', '));
    if (!message) return;
    const mod = this.load();
    const sendLabel = vscode.l10n.t('Send');
    const confirm = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send “{0}” to {1} through {2}?', message.subject, to.join(', '), `${host}:${port}`),
      { modal: true, detail: message.draftRecipients.length ? vscode.l10n.t('The message keeps its To header ({0}); it is delivered only to the addresses you typed.', message.draftRecipients.join(', ')) : undefined },
      sendLabel,
    );
    if (confirm !== sendLabel) return;
    const name = doc.uri.path.split('/').pop() ?? doc.uri.path;
    const panel = this.showPanel(name, doc.uri);
    const where = `${host}:${port}`;
    let send: TestResultsState['send'];
    try {
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending the test message…') }, () =>
        mod.sendMessage(message.raw, { host, port, security, user: user || undefined, pass, from: mod.addressesOf(message.from)[0] ?? message.from, to }),
      );
      const lines = [mod.filterText(locale, 'send.ok', { to: result.accepted.join(', '), response: result.response })];
      if (result.queueId) lines.push(mod.filterText(locale, 'send.queueId', { id: result.queueId }));
      if (result.rejected.length) lines.push(mod.filterText(locale, 'send.rejectedSome', { to: result.rejected.join(', ') }));
      send = { ok: result.rejected.length === 0, lines };
      void vscode.window.showInformationMessage(lines.join(' '));
    } catch (e) {
      if (!(e instanceof mod.SendError)) throw e;
      const line = mod.filterText(locale, `send.${e.code}`, { where, detail: e.response ?? e.message });
      send = { ok: false, lines: [line] };
      this.log.warn(`test send: ${e.message}`);
      void vscode.window.showErrorMessage(line);
    }
    this.update(panel, { ...this.base(name, message), send });
  }

  /** "Generate Text Version": the .eml's text part from its HTML; for HTML drafts, the text in a new editor. */
  async generateText(): Promise<void> {
    const doc = this.draft();
    if (!doc) return;
    const mod = this.load();
    const text = doc.getText();
    if (!isEml(doc)) {
      const shown = await vscode.workspace.openTextDocument({ content: mod.htmlToText(text.slice(mod.buildModel(text, 'html').parts[0]?.start ?? 0)), language: 'plaintext' });
      await vscode.window.showTextDocument(shown, vscode.ViewColumn.Beside);
      return;
    }
    const version = doc.version;
    const edit = mod.textPartEdit(text);
    if ('problem' in edit) {
      void vscode.window.showInformationMessage(edit.problem === 'noHtml' ? vscode.l10n.t('This message has no HTML part to make a text version from.') : vscode.l10n.t('Mailproof cannot add a text part to this message structure; rebuild it with "mailproof build".'));
      return;
    }
    if (doc.version !== version) return;
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.newText);
    await vscode.workspace.applyEdit(we);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
