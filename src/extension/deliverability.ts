import * as vscode from 'vscode';
import { domainOf } from '../engine/data/freemail';
import type { CheckResult, DeliverabilityReport, RunOptions, SmtpSecurity, SmtpTarget } from '../deliverability/types';
import type { Linter } from './linter';
import { ReportPanel } from './reportPanel';

/** The API of dist/deliverability.js, loaded on the first check and never at activation. */
type DeliverabilityModule = typeof import('../deliverability/index');

// DNS answers change slowly; re-opening the panel within a minute shows the same results.
const RESULT_CACHE_MS = 60_000;
const LAST_SENDER_KEY = 'mailproof.lastSender';
// Domains linked from the draft are checked against domain blocklists; a newsletter can have
// hundreds of links, so only the first distinct ones are queried.
const MAX_LINKED_DOMAINS = 20;

/** "Mailproof: Check deliverability": target, options, lazy engine, progress and the panel. */
/** Options read from settings and the draft; `fresh` skips the result cache. */
type CheckOptions = Omit<RunOptions, 'target' | 'locale' | 'signal' | 'onProgress' | 'resolver'> & { fresh?: boolean };

export class DeliverabilityController {
  private module: DeliverabilityModule | undefined;
  private running: AbortController | undefined;
  private cache = new Map<string, { at: number; report: DeliverabilityReport }>();
  private last: { target: string; options: CheckOptions } | undefined;
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
    await this.run(target, await this.options(false));
  }

  private locale(): 'en' | 'fr' {
    return vscode.env.language.startsWith('fr') ? 'fr' : 'en';
  }

  /** The sender: the active .eml's From, else the setting, else asked (remembered per workspace). */
  private async target(): Promise<string | undefined> {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc && this.linter.state(doc);
    const from = state?.run.model.header('from')?.value;
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

  /** Options from settings; in untrusted workspaces the network targets come from user settings only. */
  private async options(withLogin: boolean): Promise<CheckOptions> {
    const doc = vscode.window.activeTextEditor?.document;
    const cfg = vscode.workspace.getConfiguration('mailproof', doc?.uri);
    const trusted = <T>(key: string, fallback: T): T => {
      if (vscode.workspace.isTrusted) return cfg.get<T>(key, fallback);
      const info = cfg.inspect<T>(key);
      return info?.globalValue ?? info?.defaultValue ?? fallback;
    };
    const host = trusted<string>('check.smtp.host', '').trim();
    let smtp: SmtpTarget | undefined;
    if (host) {
      smtp = { host, port: trusted<number>('check.smtp.port', 587), security: trusted<SmtpSecurity>('check.smtp.security', 'starttls') };
      const user = trusted<string>('check.smtp.user', '').trim();
      if (withLogin && user) {
        const pass = await this.context.secrets.get(secretKey(host, user));
        if (pass) smtp.auth = { user, pass };
      }
    }
    const list = (key: string, restricted: boolean) => (restricted ? trusted<string[]>(key, []) : cfg.get<string[]>(key, [])).map((s) => s.trim()).filter(Boolean);
    const options: CheckOptions = {
      ips: list('check.ips', false),
      selectors: list('check.dkimSelectors', false),
      dns: list('check.dnsServers', true),
      timeoutMs: cfg.get<number>('check.timeoutMs', 8000),
      linkedDomains: doc ? this.linkedDomains(doc) : [],
    };
    const ipBlocklists = list('check.ipBlocklists', true);
    const domainBlocklists = list('check.domainBlocklists', true);
    if (ipBlocklists.length) options.ipBlocklists = ipBlocklists;
    if (domainBlocklists.length) options.domainBlocklists = domainBlocklists;
    if (smtp) options.smtp = smtp;
    return options;
  }

  private linkedDomains(doc: vscode.TextDocument): string[] {
    const state = this.linter.state(doc);
    const out = new Set<string>();
    for (const part of state?.run.model.parts ?? []) {
      for (const a of part.html?.byName('a') ?? []) {
        const href = a.attrs.find((x) => x.name === 'href')?.value ?? '';
        const m = /^https?:\/\/([^/:?#\s]+)/i.exec(href.trim());
        if (m) out.add(m[1].toLowerCase());
        if (out.size >= MAX_LINKED_DOMAINS) return [...out];
      }
    }
    return [...out];
  }

  private async run(target: string, options: CheckOptions): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.last = { target, options };
    const domain = domainOf(target) ?? target;
    const locale = this.locale();
    const host = {
      rerun: () => void this.run(target, { ...options, fresh: true }),
      cancel: () => controller.abort(),
      exportMarkdown: () => void this.exportMarkdown(),
      loginTest: () => void this.loginTest(),
    };
    const panel = ReportPanel.show(this.context.extensionUri, domain, host, this.log);
    const smtp = options.smtp;
    panel.init(domain, !!(smtp && vscode.workspace.getConfiguration('mailproof').get<string>('check.smtp.user')));
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
              progress.report({ message: check.id });
              panel.progress(check);
            },
          });
        },
      );
      if (controller.signal.aborted) {
        panel.cancelled();
        return;
      }
      if (!smtp?.auth) this.cache.set(key, { at: Date.now(), report });
      this.lastReport = report;
      panel.report(report, mod.bulkSenderChecklist(report, locale));
    } catch (e) {
      if (controller.signal.aborted) {
        panel.cancelled();
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

  private async loginTest(): Promise<void> {
    if (!this.last) return;
    await this.run(this.last.target, { ...(await this.options(true)), fresh: true });
  }

  /** "Set SMTP password": stored in VS Code's SecretStorage only, never in settings. */
  async setPassword(): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('mailproof');
    const host = cfg.get<string>('check.smtp.host', '').trim();
    const user = cfg.get<string>('check.smtp.user', '').trim();
    if (!host || !user) {
      const open = vscode.l10n.t('Open settings');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Set mailproof.check.smtp.host and mailproof.check.smtp.user first.'), open);
      if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'mailproof.check.smtp');
      return;
    }
    const pass = await vscode.window.showInputBox({ title: vscode.l10n.t('SMTP password for {0} on {1}', user, host), password: true, ignoreFocusOut: true });
    if (!pass) return;
    await this.context.secrets.store(secretKey(host, user), pass);
    void vscode.window.showInformationMessage(vscode.l10n.t('Password stored in VS Code secret storage. Use "Test SMTP login" in the deliverability panel.'));
  }

  async clearPassword(): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('mailproof');
    await this.context.secrets.delete(secretKey(cfg.get<string>('check.smtp.host', '').trim(), cfg.get<string>('check.smtp.user', '').trim()));
  }

  dispose(): void {
    this.running?.abort();
  }
}

function secretKey(host: string, user: string): string {
  return `mailproof.smtp:${host.toLowerCase()}:${user}`;
}
