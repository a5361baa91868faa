import * as vscode from 'vscode';
import { parseFromTestResults, type TestResultsState, type ToTestResults } from '../webview/testResultsProtocol';
import { webviewPage } from './webviewPage';

/** The single "Test results" webview panel, beside the editor, revealed again when it exists. */
export class TestResultsPanel {
  private static current: TestResultsPanel | undefined;
  private ready = false;
  private disposed = false;
  private last: ToTestResults | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private onReveal: (filter: 'spamassassin' | 'rspamd', index: number) => void,
  ) {
    panel.webview.html = this.html();
    panel.onDidDispose(() => {
      this.disposed = true;
      if (TestResultsPanel.current === this) TestResultsPanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage((raw) => this.receive(raw));
    panel.onDidChangeViewState(() => {
      // Hidden: the page is gone; the state waits for the next page's `ready`.
      if (!panel.visible) this.ready = false;
    });
  }

  static show(extensionUri: vscode.Uri, draft: string, log: vscode.LogOutputChannel, onReveal: (filter: 'spamassassin' | 'rspamd', index: number) => void): TestResultsPanel {
    const title = vscode.l10n.t('Test results — {0}', draft);
    let p = TestResultsPanel.current;
    if (p) {
      p.onReveal = onReveal;
      p.panel.title = title;
      p.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel('mailproof.testResults', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
      });
      p = TestResultsPanel.current = new TestResultsPanel(panel, extensionUri, log, onReveal);
    }
    return p;
  }

  setState(state: TestResultsState): void {
    if (this.disposed) return;
    this.last = { type: 'state', state };
    if (this.ready) void this.panel.webview.postMessage(this.last);
  }

  private receive(raw: unknown): void {
    const m = parseFromTestResults(raw);
    if (!m) {
      this.log.warn('ignored an unexpected message from the test results panel');
      return;
    }
    if (m.type === 'ready') {
      this.ready = true;
      if (this.last) void this.panel.webview.postMessage(this.last);
    } else this.onReveal(m.filter, m.index);
  }

  private html(): string {
    return webviewPage(this.panel.webview, this.extensionUri, 'testResults.js', ['panel.css', 'test-results.css']);
  }
}
