/**
 * `{"today", "files": [{file, diagnostics: [...]}], "summary"}`, written as it goes: one file
 * per line, so memory stays flat however many files are checked.
 */
import { safeJson } from '../escape';
import type { FileReport, Reporter, Summary } from './report';

export function jsonReporter(): Reporter {
  let first = true;
  return {
    summaryToStderr: false,
    begin: ({ today }) => `{"today":${safeJson(today)},"files":[`,
    file: (r: FileReport) => {
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + safeJson({ file: r.file, diagnostics: r.diagnostics });
    },
    end: (s: Summary) => `${first ? '' : '\n'}],"summary":${safeJson(s)}}\n`,
  };
}
