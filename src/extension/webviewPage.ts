import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { toLocale } from '../engine/i18n';

/**
 * The page of a Mailproof webview panel: one script from dist/ with a fresh nonce and the given
 * stylesheets from media/, under a strict CSP (`default-src 'none'`, scripts by nonce only).
 * The script fills `<main id="root">` with text only.
 */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, styles: readonly string[]): string {
  // A fresh unguessable nonce per page load (never Math.random).
  const nonce = randomBytes(16).toString('base64');
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', script));
  const links = styles.map((s) => `<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', s))}">`).join('\n');
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="${toLocale(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>Mailproof</title>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

/** A Mailproof panel beside the editor: scripts on, local resources from dist/ and media/ only. */
export function createPanel(extensionUri: vscode.Uri, viewType: string, title: string, show: vscode.ViewColumn | { viewColumn: vscode.ViewColumn; preserveFocus: boolean }): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, show, {
    enableScripts: true,
    // The page is discarded while hidden; PanelChannel replays the state to the next one.
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  });
}

/**
 * What a sent message means for the next page load: `reset` starts the state over with it,
 * `keep` adds it to the state, `transient` is only for the page showing now.
 */
export type ReplayRule<T> = (message: T) => 'reset' | 'keep' | 'transient';

/**
 * Messages from the extension to a panel's page. The page is discarded while the panel is hidden
 * and loads again when shown, and a page hears nothing before its script says `ready`: so every
 * `ready` gets the whole current state, not only what was sent while it was away.
 */
export class PanelChannel<T> {
  private ready = false;
  private disposed = false;
  private state: T[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly rule: ReplayRule<T>,
  ) {
    panel.onDidDispose(() => (this.disposed = true));
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
  }

  post(message: T): void {
    // A closed panel throws when used; a run that ends after the close has nobody to tell.
    if (this.disposed) return;
    const kind = this.rule(message);
    if (kind === 'reset') this.state = [message];
    else if (kind === 'keep') this.state.push(message);
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** The page's script is listening. */
  pageReady(): void {
    this.ready = true;
    for (const m of this.state) void this.panel.webview.postMessage(m);
  }
}
