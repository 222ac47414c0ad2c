/**
 * Save the picture the webview drew: a save dialog, then workspace.fs (never Node fs). The page
 * is not trusted: the SVG is written as the shared sanitizer makes it (the rules the page itself
 * applies to Mermaid's picture), never as the message carries it.
 */
import * as vscode from 'vscode';
import { asXmlFile, sanitizeSvg } from '../../shared/svgSanitize';

export function defaultExportUri(planUri: vscode.Uri, extension: 'svg' | 'png' = 'svg'): vscode.Uri {
  const name = planUri.path.slice(planUri.path.lastIndexOf('/') + 1).replace(/\.workback\.ya?ml$/i, '') || 'timeline';
  const folder =
    planUri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(planUri, '..');
  const file = `${name}.timeline.${extension}`;
  return folder ? vscode.Uri.joinPath(folder, file) : vscode.Uri.file(file);
}

/** Resolves to where the SVG was written, or undefined when the user cancelled. */
export async function exportSvg(
  svg: string,
  planUri: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const clean = sanitizeSvg(svg);
  if (clean === undefined) {
    log.warn('timeline: the page sent an export that is not an SVG picture; nothing written');
    return undefined;
  }
  const target = await vscode.window.showSaveDialog({
    title: 'Export the timeline as SVG',
    saveLabel: 'Export',
    filters: { 'SVG image': ['svg'] },
    ...(planUri ? { defaultUri: defaultExportUri(planUri) } : {}),
  });
  if (!target) return undefined;
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${asXmlFile(clean)}`;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    log.error(`exporting the timeline to ${target.toString()} failed: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(
      `Workback: could not write ${vscode.workspace.asRelativePath(target)}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
  log.info(`timeline exported to ${target.toString()}`);
  return target;
}
