/** Core spans of a checked text as vscode ranges, through the one conversion point (convert.ts). */
import type * as vscode from 'vscode';
import type { LineIndex, Span, TextEdit } from '../../core';
import { toRange } from '../convert';

export function spanRange(lines: LineIndex, span: Span): vscode.Range {
  return toRange(lines.range(span));
}

/** Core text edits (offsets into the checked text) added to a WorkspaceEdit. */
export function addEdits(we: vscode.WorkspaceEdit, uri: vscode.Uri, lines: LineIndex, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  for (const e of edits) we.replace(uri, spanRange(lines, e), e.text);
  return we;
}
