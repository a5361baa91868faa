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
