/**
 * GitHub Actions workflow commands, one per diagnostic:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=workback CODE::MESSAGE`.
 * Columns are given only for single-line ranges (GitHub ignores them otherwise).
 */
import type { Severity } from '../../core';
import { escapeGithubData, escapeGithubProperty } from '../escape';
import type { CliDiagnostic, FileReport, Reporter } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function githubLine(file: string, d: CliDiagnostic): string {
  const props = [`file=${escapeGithubProperty(file)}`, `line=${d.line}`];
  if (d.endLine === d.line) props.push(`col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`);
  else props.push(`endLine=${d.endLine}`);
  props.push(`title=${escapeGithubProperty(`workback ${d.code}`)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeGithubData(d.message)}\n`;
}

export function githubReporter(): Reporter {
  return {
    summaryToStderr: true,
    begin: () => '',
    file: (r: FileReport) => r.diagnostics.map((d) => githubLine(r.file, d)).join(''),
    end: () => '',
  };
}
