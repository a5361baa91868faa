import * as vscode from 'vscode';
import type { ListMessageKey } from '../lists/i18n';
import { type FromListWebview, type ListPanelReport, type ListPanelStrings, parseFromListWebview, type ToListWebview } from '../webview/listsProtocol';
import { createPanel, PanelChannel, webviewPage } from './webviewPage';

/** What the panel asks of its owner. */
export interface ListPanelHost {
  rerun(): void;
  cancel(): void;
}

/**
 * The single "Recipient list" webview panel, with the deliverability panel's stylesheet and
 * security rules: a strict CSP with a per-load nonce, local resources from dist/ and media/
 * only, text only, every message validated.
 */
export class ListPanel {
  private static current: ListPanel | undefined;
  /** Everything since `init`, replayed to each new page (hidden panels lose their page). */
  private readonly channel: PanelChannel<ToListWebview>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private host: ListPanelHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.channel = new PanelChannel<ToListWebview>(panel, (m) => (m.type === 'init' ? 'reset' : 'keep'));
    panel.webview.html = this.html();
    panel.onDidDispose(() => {
      if (ListPanel.current === this) ListPanel.current = undefined;
      this.host.cancel();
    });
    panel.webview.onDidReceiveMessage((raw) => this.receive(raw));
  }

  /** Shows the panel, creating it on first use. */
  static show(extensionUri: vscode.Uri, title: string, host: ListPanelHost, log: vscode.LogOutputChannel): ListPanel {
    let p = ListPanel.current;
    if (p) {
      p.host = host;
      p.panel.title = title;
      p.panel.reveal(vscode.ViewColumn.Beside);
    } else {
      const panel = createPanel(extensionUri, 'mailproof.lists', title, vscode.ViewColumn.Beside);
      p = ListPanel.current = new ListPanel(panel, extensionUri, host, log);
    }
    return p;
  }

  init(strings: ListPanelStrings): void {
    this.post({ type: 'init', strings });
  }
  running(): void {
    this.post({ type: 'running' });
  }
  cancelled(): void {
    this.post({ type: 'cancelled' });
  }
  report(report: ListPanelReport): void {
    this.post({ type: 'report', report });
  }

  private post(m: ToListWebview): void {
    this.channel.post(m);
  }

  private receive(raw: unknown): void {
    const m: FromListWebview | undefined = parseFromListWebview(raw);
    if (!m) {
      this.log.warn('ignored an unexpected message from the list panel');
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
    }
  }

  private html(): string {
    return webviewPage(this.panel.webview, this.extensionUri, 'lists-webview.js', ['panel.css']);
  }
}

/** The panel's texts in the locale, from the list catalogues. */
export function listPanelStrings(text: (key: ListMessageKey) => string): ListPanelStrings {
  return {
    title: text('panel.title'),
    running: text('panel.running'),
    cancelled: text('panel.cancelled'),
    rerun: text('panel.rerun'),
    cancel: text('panel.cancel'),
    statuses: { valid: text('status.valid'), risky: text('status.risky'), invalid: text('status.invalid'), duplicate: text('status.duplicate'), unknown: text('status.unknown') },
    statusHeading: text('panel.statusHeading'),
    reasonsHeading: text('panel.reasonsHeading'),
    problemsHeading: text('panel.problemsHeading'),
    line: text('panel.line'),
    address: text('panel.address'),
    status: text('panel.status'),
    reason: text('panel.reason'),
    more: text('panel.more'),
    privacy: text('panel.privacy'),
  };
}
