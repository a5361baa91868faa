import * as vscode from 'vscode';
import type { CheckResult, DeliverabilityReport } from '../deliverability/types';
import { type ChecklistItem, type FromWebview, type PanelStrings, parseFromWebview, type ToWebview } from '../webview/protocol';
import { createPanel, PanelChannel, webviewPage } from './webviewPage';

/** What the panel asks of its owner. */
export interface PanelHost {
  rerun(): void;
  cancel(): void;
  exportMarkdown(): void;
  loginTest(): void;
}

/** The single "Deliverability — domain" webview panel, revealed again when it exists. */
export class ReportPanel {
  private static current: ReportPanel | undefined;
  /** Every message since the last `init`; the "copied" notice is for the page showing now. */
  private readonly channel: PanelChannel<ToWebview>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private host: PanelHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.channel = new PanelChannel<ToWebview>(panel, (m) => (m.type === 'init' ? 'reset' : m.type === 'copied' ? 'transient' : 'keep'));
    panel.webview.html = this.html();
    panel.onDidDispose(() => {
      if (ReportPanel.current === this) ReportPanel.current = undefined;
      this.host.cancel();
    });
    panel.webview.onDidReceiveMessage((raw) => this.receive(raw));
  }

  /** Shows the panel for a domain, creating it on first use. */
  static show(extensionUri: vscode.Uri, domain: string, host: PanelHost, log: vscode.LogOutputChannel): ReportPanel {
    const title = vscode.l10n.t('Deliverability — {0}', domain);
    let p = ReportPanel.current;
    if (p) {
      p.host = host;
      p.panel.title = title;
      p.panel.reveal(vscode.ViewColumn.Beside);
    } else {
      const panel = createPanel(extensionUri, 'mailproof.deliverability', title, vscode.ViewColumn.Beside);
      p = ReportPanel.current = new ReportPanel(panel, extensionUri, host, log);
    }
    return p;
  }

  init(domain: string, canTestLogin: boolean): void {
    this.post({ type: 'init', strings: panelStrings(domain), domain, canTestLogin });
  }

  running(): void {
    this.post({ type: 'running' });
  }

  progress(check: CheckResult): void {
    this.post({ type: 'progress', check });
  }

  report(report: DeliverabilityReport, checklist: ChecklistItem[]): void {
    this.post({ type: 'report', report, checklist });
  }

  cancelled(): void {
    this.post({ type: 'cancelled' });
  }

  private post(m: ToWebview): void {
    this.channel.post(m);
  }

  private receive(raw: unknown): void {
    const m: FromWebview | undefined = parseFromWebview(raw);
    if (!m) {
      this.log.warn('ignored an unexpected message from the deliverability panel');
      return;
    }
    switch (m.type) {
      case 'ready':
        this.channel.pageReady();
        break;
      case 'rerun':
        this.host.rerun();
        break;
      case 'cancel':
        this.host.cancel();
        break;
      case 'export':
        this.host.exportMarkdown();
        break;
      case 'loginTest':
        this.host.loginTest();
        break;
      case 'copy':
        void vscode.env.clipboard.writeText(m.text).then(() => this.post({ type: 'copied' }));
        break;
    }
  }

  private html(): string {
    return webviewPage(this.panel.webview, this.extensionUri, 'webview.js', ['panel.css']);
  }
}

function panelStrings(domain: string): PanelStrings {
  return {
    title: vscode.l10n.t('Deliverability — {0}', domain),
    running: vscode.l10n.t('Checking…'),
    cancelled: vscode.l10n.t('Check cancelled.'),
    rerun: vscode.l10n.t('Run again'),
    cancel: vscode.l10n.t('Cancel'),
    exportMarkdown: vscode.l10n.t('Export to Markdown'),
    loginTest: vscode.l10n.t('Test SMTP login'),
    copy: vscode.l10n.t('Copy'),
    copied: vscode.l10n.t('Copied to the clipboard.'),
    records: vscode.l10n.t('Records read'),
    noRecords: vscode.l10n.t('No record found.'),
    suggestion: vscode.l10n.t('Suggested record'),
    fix: vscode.l10n.t('Fix:'),
    checklist: vscode.l10n.t('Bulk-sender requirements (Gmail, Yahoo, Microsoft)'),
    groups: { authentication: vscode.l10n.t('Authentication'), infrastructure: vscode.l10n.t('Infrastructure'), reputation: vscode.l10n.t('Reputation') },
    status: { pass: vscode.l10n.t('Pass'), warn: vscode.l10n.t('Warning'), fail: vscode.l10n.t('Fail'), error: vscode.l10n.t('Could not determine'), info: vscode.l10n.t('Information'), skipped: vscode.l10n.t('Skipped') },
    states: { met: vscode.l10n.t('Met'), unmet: vscode.l10n.t('Not met'), unknown: vscode.l10n.t('Could not determine'), draft: vscode.l10n.t('Checked in the draft'), external: vscode.l10n.t('Cannot be checked from here') },
    checkNames: {
      sender: vscode.l10n.t('Sender domain'),
      mx: 'MX',
      spf: 'SPF',
      dkim: 'DKIM',
      dmarc: 'DMARC',
      ptr: vscode.l10n.t('Reverse DNS (PTR)'),
      'ip-blocklists': vscode.l10n.t('IP blocklists'),
      'domain-blocklists': vscode.l10n.t('Domain blocklists'),
      smtp: vscode.l10n.t('SMTP server'),
      'mta-sts': 'MTA-STS',
      'tls-rpt': 'TLS-RPT',
      bimi: 'BIMI',
    },
  };
}
