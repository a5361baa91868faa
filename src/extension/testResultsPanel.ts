import * as vscode from 'vscode';
import { parseFromTestResults, type TestResultsState, type ToTestResults } from '../webview/testResultsProtocol';
import { createPanel, PanelChannel, webviewPage } from './webviewPage';

/** The single "Test results" webview panel, beside the editor, revealed again when it exists. */
export class TestResultsPanel {
  private static current: TestResultsPanel | undefined;
  /** Each state replaces the one before. */
  private readonly channel: PanelChannel<ToTestResults>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private onReveal: (filter: 'spamassassin' | 'rspamd', index: number) => void,
  ) {
    this.channel = new PanelChannel<ToTestResults>(panel, () => 'reset');
    panel.webview.html = this.html();
    panel.onDidDispose(() => {
      if (TestResultsPanel.current === this) TestResultsPanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage((raw) => this.receive(raw));
  }

  static show(extensionUri: vscode.Uri, draft: string, log: vscode.LogOutputChannel, onReveal: (filter: 'spamassassin' | 'rspamd', index: number) => void): TestResultsPanel {
    const title = vscode.l10n.t('Test results — {0}', draft);
    let p = TestResultsPanel.current;
    if (p) {
      p.onReveal = onReveal;
      p.panel.title = title;
      p.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = createPanel(extensionUri, 'mailproof.testResults', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      p = TestResultsPanel.current = new TestResultsPanel(panel, extensionUri, log, onReveal);
    }
    return p;
  }

  setState(state: TestResultsState): void {
    this.channel.post({ type: 'state', state });
  }

  private receive(raw: unknown): void {
    const m = parseFromTestResults(raw);
    if (!m) {
      this.log.warn('ignored an unexpected message from the test results panel');
      return;
    }
    if (m.type === 'ready') {
      this.channel.pageReady();
    } else this.onReveal(m.filter, m.index);
  }

  private html(): string {
    return webviewPage(this.panel.webview, this.extensionUri, 'testResults.js', ['panel.css', 'test-results.css']);
  }
}
