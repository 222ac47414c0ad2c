/** What `workback check` reports, independent of the output format. */
import type { CheckResult, Diagnostic, Severity } from '../../core';
import { plural } from './table';

/** A diagnostic with 1-based positions; the end is exclusive (the column after the last character). */
export interface CliDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileReport {
  /** Relative to the working directory, `/`-separated, not yet escaped. */
  file: string;
  diagnostics: CliDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

/** Writes a run's reports in one format; each method returns the text for stdout. */
export interface Reporter {
  begin(context: { today: string }): string;
  /** `result` is the checker's, when the file was read and checked. */
  file(report: FileReport, result?: CheckResult): string;
  end(summary: Summary): string;
  /** Whether a one-line summary goes to stderr after the run (text and github formats). */
  summaryToStderr: boolean;
}

export function toCliDiagnostic(d: Diagnostic): CliDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

/** A diagnostic the CLI makes itself (unreadable file, internal error): at the file's start. */
export function fileLevelDiagnostic(code: string, severity: Severity, message: string): CliDiagnostic {
  return { code, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function emptySummary(): Summary {
  return { files: 0, errors: 0, warnings: 0, information: 0, hints: 0 };
}

export function countInto(summary: Summary, report: FileReport): void {
  summary.files++;
  for (const d of report.diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else if (d.severity === 'information') summary.information++;
    else summary.hints++;
  }
}

/** `3 files checked: 2 errors, 1 warning` (information and hints only when there are some). */
export function summaryLine(s: Summary): string {
  const parts = [plural(s.errors, 'error', 'errors'), plural(s.warnings, 'warning', 'warnings')];
  if (s.information) parts.push(`${s.information} information`);
  if (s.hints) parts.push(plural(s.hints, 'hint', 'hints'));
  return `${plural(s.files, 'file', 'files')} checked: ${parts.join(', ')}`;
}

/** Sort by position, then severity and code: a stable, readable order. */
export function sortDiagnostics(list: CliDiagnostic[]): CliDiagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
  return list.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      rank[a.severity] - rank[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
