/** `file:line:col severity code message`, one diagnostic per line, 1-based positions. */
import type { Severity } from '../../core';
import { escapePathForLine, escapeTerminal } from '../escape';
import type { CliDiagnostic, FileReport, Reporter } from './report';

const COLORS: Record<Severity, string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  information: '\u001b[36m',
  hint: '\u001b[2m',
};
const RESET = '\u001b[0m';

export function textLine(file: string, d: CliDiagnostic, color = false): string {
  const severity = color ? `${COLORS[d.severity]}${d.severity}${RESET}` : d.severity;
  return `${escapePathForLine(file)}:${d.line}:${d.column} ${severity} ${escapeTerminal(d.code)} ${escapeTerminal(d.message)}\n`;
}

export function textReporter(color: boolean): Reporter {
  return {
    summaryToStderr: true,
    begin: () => '',
    file: (r: FileReport) => r.diagnostics.map((d) => textLine(r.file, d, color)).join(''),
    end: () => '',
  };
}
