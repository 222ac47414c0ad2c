/**
 * Save the picture as a PNG (for slides and mail): the page draws it on a canvas and sends the
 * bytes; they are written only if they are a PNG image (its signature and header chunk), through
 * a save dialog and workspace.fs, like the SVG export.
 */
import * as vscode from 'vscode';
import { fromBase64, pngSize } from '../../shared/png';
import { saveExport } from './exportSvg';

/** Resolves to where the PNG was written, or undefined (cancelled, or not a PNG). */
export async function exportPng(
  base64: string,
  planUri: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri | undefined> {
  const bytes = fromBase64(base64);
  const size = pngSize(bytes);
  if (!size) {
    log.warn('timeline: the page sent an export that is not a PNG image; nothing written');
    return undefined;
  }
  log.info(`timeline: a PNG of ${size.width} x ${size.height} pixels to export`);
  return saveExport(bytes, 'png', planUri, log);
}
