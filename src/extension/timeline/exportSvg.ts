/**
 * Save the picture the webview drew: a save dialog, then workspace.fs (never Node fs). The page
 * is not trusted: the SVG is written as the shared sanitizer makes it (the rules the page itself
 * applies to Mermaid's picture), never as the message carries it.
 */
import * as vscode from 'vscode';
import { onDemand } from '../onDemand/load';

export function defaultExportUri(planUri: vscode.Uri, extension: 'svg' | 'png' = 'svg'): vscode.Uri {
  const name = planUri.path.slice(planUri.path.lastIndexOf('/') + 1).replace(/\.workback\.ya?ml$/i, '') || 'timeline';
  const folder =
    planUri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(planUri, '..');
  const file = `${name}.timeline.${extension}`;
  return folder ? vscode.Uri.joinPath(folder, file) : vscode.Uri.file(file);
}

/**
 * The save dialog, then the bytes written with workspace.fs; resolves to where they went, or
 * undefined (cancelled, or the write failed: the user is told).
 */
export async function saveExport(
  bytes: Uint8Array,
  kind: 'svg' | 'png',
  planUri: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({
    title: `Export the timeline as ${kind.toUpperCase()}`,
    saveLabel: 'Export',
    filters: kind === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    ...(planUri ? { defaultUri: defaultExportUri(planUri, kind) } : {}),
  });
  if (!target) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log.error(`exporting the timeline to ${target.toString()} failed: ${why}`);
    void vscode.window.showErrorMessage(`Workback: could not write ${vscode.workspace.asRelativePath(target)}: ${why}`);
    return undefined;
  }
  log.info(`timeline exported to ${target.toString()}`);
  return target;
}

/** Resolves to where the SVG was written, or undefined when the user cancelled. */
export async function exportSvg(
  svg: string,
  planUri: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const clean = onDemand().sanitizeSvg(svg);
  if (clean === undefined) {
    log.warn('timeline: the page sent an export that is not an SVG picture; nothing written');
    return undefined;
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${onDemand().asXmlFile(clean)}`;
  return saveExport(new TextEncoder().encode(text), 'svg', planUri, log);
}
