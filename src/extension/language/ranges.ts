/** Core spans of a checked text as vscode ranges, through the one conversion point (convert.ts). */
import type * as vscode from 'vscode';
import type { LineIndex, Span } from '../../core';
import { toRange } from '../convert';

export function spanRange(lines: LineIndex, span: Span): vscode.Range {
  return toRange(lines.range(span));
}
