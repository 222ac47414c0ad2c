/** The plan index's check of one text, and the problems it makes of what it cannot check. */
import { checkPlan, describeFailure, LineIndex, type CheckResult, type Day, type Diagnostic } from '../../core';

export interface Checked {
  result?: CheckResult;
  diagnostics: readonly Diagnostic[];
}

/** checkPlan, except that a bug in it becomes an `internal-error` on the file (logged), never a throw. */
export function checkText(text: string, today: Day, maxSize: number, onError: (e: unknown) => void): Checked {
  try {
    const result = checkPlan(text, { today, maxSize });
    return { result, diagnostics: result.diagnostics };
  } catch (e) {
    // A bug in the checker must not leave stale problems behind, nor throw in the host.
    onError(e);
    const end = new LineIndex(text).position(Math.min(text.length, text.search(/\r|\n|$/)));
    return {
      diagnostics: [
        {
          code: 'internal-error',
          severity: 'error',
          message: `Workback could not check this plan (an internal error; see the Workback log): ${describeFailure(e)}`,
          range: { start: { line: 0, character: 0 }, end },
          span: { start: 0, end: end.character },
        },
      ],
    };
  }
}

export function tooLarge(size: number, max: number, firstLineLength: number): Diagnostic {
  return {
    code: 'file-too-large',
    severity: 'error',
    message: `This plan is ${formatBytes(size)}, more than the limit of ${formatBytes(max)} (setting workback.maxFileSizeMB): it is not checked.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } },
    span: { start: 0, end: firstLineLength },
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
