/**
 * The timeline webview's options and its one HTML page: a strict CSP with a fresh nonce, the
 * script and the stylesheet from the extension's own folders, and the first render message as
 * an inert JSON data block (plan text only there, escaped: firstRender.ts). The page is set once
 * per panel; updates are messages.
 */
import * as vscode from 'vscode';
import type { RenderMessage } from '../../shared/protocol';
import { FIRST_RENDER_ID, jsonForHtml } from './firstRender';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

/** 18 random bytes in base64's letters and digits (Web Crypto: the Node host and the web worker host alike). */
export function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return (
    [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${cspSource} 'unsafe-inline'`,
      `img-src ${cspSource} data:`,
      `font-src ${cspSource}`,
    ].join('; ') + ';'
  );
}

export function timelineHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  first?: RenderMessage,
  nonce = newNonce(),
): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'timeline.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Workback Timeline</title>
</head>
<body>
<p id="boot">Loading the timeline…</p>
${first ? `<script type="application/json" id="${FIRST_RENDER_ID}" nonce="${nonce}">${jsonForHtml(first)}</script>\n` : ''}<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
