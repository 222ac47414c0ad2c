/**
 * The one place where core positions (0-based line/character, UTF-16) become vscode types.
 * Nothing else in the extension builds a vscode.Range from core data.
 */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, LineIndex, Range as CoreRange, Severity, Span, TextEdit } from '../core';

export const DIAGNOSTIC_SOURCE = 'workback';

export function toRange(r: CoreRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** An offset span of a checked text, through that text's line index. */
export function spanRange(lines: LineIndex, span: Span): vscode.Range {
  return toRange(lines.range(span));
}

/** Core text edits (offsets into the text `lines` indexes) added to a WorkspaceEdit. */
export function addEdits(
  we: vscode.WorkspaceEdit,
  uri: vscode.Uri,
  lines: LineIndex,
  edits: readonly TextEdit[],
): vscode.WorkspaceEdit {
  for (const e of edits) we.replace(uri, spanRange(lines, e), e.text);
  return we;
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    default:
      return vscode.DiagnosticSeverity.Hint;
  }
}

/**
 * A core diagnostic for VS Code. With `docs` (docs/diagnostics.md, shipped with the extension),
 * its code is a link to the code's section there.
 */
export function toDiagnostic(d: CoreDiagnostic, uri: vscode.Uri, docs?: vscode.Uri): vscode.Diagnostic {
  const diag = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
  diag.source = DIAGNOSTIC_SOURCE;
  diag.code = docs ? { value: d.code, target: docs.with({ fragment: d.code }) } : d.code;
  if (d.related?.length) {
    diag.relatedInformation = d.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
    );
  }
  return diag;
}
