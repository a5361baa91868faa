import * as vscode from 'vscode';
import { domainOf } from '../engine/data/freemail';
import { factHeader } from '../engine/snapshot';
import { toLocale } from '../engine/i18n';
import type { CheckResult, DeliverabilityReport, RunOptions, SmtpSecurity } from '../deliverability/types';
import type { Linter } from './linter';
import { ReportPanel } from './reportPanel';
import { smtpSecretKey, trustedValue } from './settings';

/** The API of dist/deliverability.js, loaded on the first check and never at activation. */
type DeliverabilityModule = typeof import('../deliverability/index');

// The default of mailproof.check.timeoutMs in package.json.
const DEFAULT_TIMEOUT_MS = 8000;
// DNS answers change slowly; re-opening the panel within a minute shows the same results.
const RESULT_CACHE_MS = 60_000;
const LAST_SENDER_KEY = 'mailproof.lastSender';
// Domains linked from the draft are checked against domain blocklists; a newsletter can have
// hundreds of links, so only the first distinct ones are queried.
const MAX_LINKED_DOMAINS = 20;

/** Options read from settings and the draft; `fresh` skips the result cache. */
type CheckOptions = Omit<RunOptions, 'target' | 'locale' | 'signal' | 'onProgress' | 'resolver'> & { fresh?: boolean };

/** "Mailproof: Check deliverability": target, options, lazy engine, progress and the panel. */
export class DeliverabilityController {
  private module: DeliverabilityModule | undefined;
  private running: AbortController | undefined;
  private cache = new Map<string, { at: number; report: DeliverabilityReport }>();
  private last: { target: string; options: CheckOptions; resource?: vscode.Uri } | undefined;
  private lastReport: DeliverabilityReport | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly linter: Linter,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private load(): DeliverabilityModule {
    // A plain require of a file next to the extension bundle: esbuild leaves it alone.
    this.module ??= require(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'deliverability.js').fsPath) as DeliverabilityModule;
    return this.module;
  }

  /** The command: asks for what is missing, then runs the checks. */
  async command(): Promise<void> {
    const target = await this.target();
    if (!target) return;
    const doc = vscode.window.activeTextEditor?.document;
    await this.run(target, this.options(doc), doc?.uri);
  }

  private locale(): 'en' | 'fr' {
    return toLocale(vscode.env.language);
  }

  /** The sender: the active .eml's From, else the setting, else asked (remembered per workspace). */
  private async target(): Promise<string | undefined> {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc && this.linter.state(doc);
    const from = state && factHeader(state.run.facts, 'from')?.value;
    if (from && domainOf(from)) return from;
    const sender = vscode.workspace.getConfiguration('mailproof', doc?.uri).get<string>('sender', '').trim();
    if (sender && domainOf(sender)) return sender;
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Check deliverability'),
      prompt: vscode.l10n.t('Sender address or domain to check'),
      placeHolder: 'news@example.com',
      value: this.context.workspaceState.get<string>(LAST_SENDER_KEY, ''),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() && domainOf(v.trim()) ? undefined : vscode.l10n.t('Enter an address such as news@example.com or a domain such as example.com')),
    });
    if (!value) return undefined;
    await this.context.workspaceState.update(LAST_SENDER_KEY, value.trim());
    return value.trim();
  }

  /** Options from the settings of the draft (or the workspace) and the draft's links. */
  private options(doc: vscode.TextDocument | undefined): CheckOptions {
    const cfg = vscode.workspace.getConfiguration('mailproof', doc?.uri);
    const { host } = this.smtpAccount(doc?.uri);
    const list = (key: string) => trustedValue<string[]>(cfg, key, []).map((s) => s.trim()).filter(Boolean);
    const options: CheckOptions = {
      ips: list('check.ips'),
      selectors: list('check.dkimSelectors'),
      dns: list('check.dnsServers'),
      timeoutMs: cfg.get<number>('check.timeoutMs', DEFAULT_TIMEOUT_MS),
      linkedDomains: doc ? this.linkedDomains(doc) : [],
    };
    const ipBlocklists = list('check.ipBlocklists');
    const domainBlocklists = list('check.domainBlocklists');
    if (ipBlocklists.length) options.ipBlocklists = ipBlocklists;
    if (domainBlocklists.length) options.domainBlocklists = domainBlocklists;
    if (host) options.smtp = { host, port: trustedValue<number>(cfg, 'check.smtp.port', 587), security: trustedValue<SmtpSecurity>(cfg, 'check.smtp.security', 'starttls') };
    return options;
  }

  // Hosts the draft links to, as the link rules read them (HTML, MJML and Inky links, URLs in
  // text parts); placeholders and raw IPs are not domains to look up.
  private linkedDomains(doc: vscode.TextDocument): string[] {
    return (this.linter.state(doc)?.run.facts.linkedHosts ?? []).slice(0, MAX_LINKED_DOMAINS);
  }

  private async run(target: string, options: CheckOptions, resource: vscode.Uri | undefined): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.last = { target, options, resource };
    const domain = domainOf(target) ?? target;
    const locale = this.locale();
    const host = {
      rerun: () => void this.run(target, { ...options, fresh: true }, resource),
      cancel: () => controller.abort(),
      exportMarkdown: () => void this.exportMarkdown(),
      loginTest: () => void this.loginTest(),
    };
    const panel = ReportPanel.show(this.context.extensionUri, domain, host, this.log);
    // A newer run (or a closed panel) owns the panel from now on: this one stops writing to it.
    const current = () => this.running === controller && !controller.signal.aborted;
    const smtp = options.smtp;
    panel.init(domain, !!(smtp && this.smtpAccount(resource).user));
    const key = JSON.stringify({ target, ...options, smtp: smtp && { ...smtp, auth: smtp.auth ? smtp.auth.user : undefined }, fresh: undefined });
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < RESULT_CACHE_MS && !options.fresh) {
      this.lastReport = cached.report;
      panel.report(cached.report, this.load().bulkSenderChecklist(cached.report, locale));
      return;
    }
    panel.running();
    try {
      const mod = this.load();
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the deliverability of {0}…', domain), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          const { fresh: _fresh, ...runOptions } = options;
          return mod.runChecks({
            target,
            ...runOptions,
            locale,
            signal: controller.signal,
            onProgress: (check: CheckResult) => {
              if (!current()) return;
              progress.report({ message: check.id });
              panel.progress(check);
            },
          });
        },
      );
      if (controller.signal.aborted) {
        if (this.running === controller) panel.cancelled();
        return;
      }
      if (!smtp?.auth) this.remember(key, report);
      this.lastReport = report;
      panel.report(report, mod.bulkSenderChecklist(report, locale));
    } catch (e) {
      if (controller.signal.aborted) {
        if (this.running === controller) panel.cancelled();
        return;
      }
      this.log.error(`deliverability check failed: ${(e as Error)?.stack ?? e}`);
      panel.cancelled();
      const show = vscode.l10n.t('Show output');
      const choice = await vscode.window.showErrorMessage(vscode.l10n.t('The deliverability check could not run: {0}', (e as Error)?.message ?? String(e)), show);
      if (choice === show) this.log.show();
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  private async exportMarkdown(): Promise<void> {
    if (!this.lastReport) return;
    const md = this.load().formatReport(this.lastReport, 'markdown', this.locale());
    const doc = await vscode.workspace.openTextDocument({ content: md, language: 'markdown' });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.Active);
  }

  // The same options as the last run (read from the draft that was active then: the button is
  // pressed in the panel, where no editor has focus), plus the stored credentials.
  private async loginTest(): Promise<void> {
    const last = this.last;
    if (!last?.options.smtp) return;
    const { host, user } = this.smtpAccount(last.resource);
    const pass = host && user ? await this.context.secrets.get(smtpSecretKey(host, user)) : undefined;
    const smtp = pass && user ? { ...last.options.smtp, auth: { user, pass } } : last.options.smtp;
    await this.run(last.target, { ...last.options, smtp, fresh: true }, last.resource);
  }

  // Results are kept RESULT_CACHE_MS; older ones are dropped when a new one comes in.
  private remember(key: string, report: DeliverabilityReport): void {
    const now = Date.now();
    for (const [k, v] of this.cache) if (now - v.at >= RESULT_CACHE_MS) this.cache.delete(k);
    this.cache.set(key, { at: now, report });
  }

  /** The SMTP host and user of a resource's settings (user settings only in untrusted workspaces). */
  private smtpAccount(resource: vscode.Uri | undefined): { host: string; user: string } {
    const cfg = vscode.workspace.getConfiguration('mailproof', resource);
    return { host: trustedValue(cfg, 'check.smtp.host', '').trim(), user: trustedValue(cfg, 'check.smtp.user', '').trim() };
  }

  /** "Set SMTP password": stored in VS Code's SecretStorage only, never in settings. */
  async setPassword(): Promise<void> {
    const { host, user } = this.smtpAccount(vscode.window.activeTextEditor?.document.uri);
    if (!host || !user) {
      const open = vscode.l10n.t('Open settings');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Set mailproof.check.smtp.host and mailproof.check.smtp.user first.'), open);
      if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'mailproof.check.smtp');
      return;
    }
    const pass = await vscode.window.showInputBox({ title: vscode.l10n.t('SMTP password for {0} on {1}', user, host), password: true, ignoreFocusOut: true });
    if (!pass) return;
    await this.context.secrets.store(smtpSecretKey(host, user), pass);
    void vscode.window.showInformationMessage(vscode.l10n.t('Password stored in VS Code secret storage. Use "Test SMTP login" in the deliverability panel.'));
  }

  async clearPassword(): Promise<void> {
    const { host, user } = this.smtpAccount(vscode.window.activeTextEditor?.document.uri);
    if (host && user) await this.context.secrets.delete(smtpSecretKey(host, user));
  }

  dispose(): void {
    this.running?.abort();
  }
}
