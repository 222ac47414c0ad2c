/**
 * Read one plan file and check it. Never throws: an unreadable file (code `read-error`), a
 * file over the size limit (`file-too-large`, refused before reading) or an internal error
 * (`internal-error`) becomes a diagnostic on that file, and so do bytes that are not UTF-8 or
 * UTF-16 text (`invalid-encoding`, at the first bad byte), so a run over thousands of files
 * reports every one of them.
 */
import { checkPlan, decodePlanBytes, describeFailure, type CheckResult, type Day } from '../core';
import type { FoundFile } from './files';
import { errorCode, type CliIO } from './io';
import { fileLevelDiagnostic, sortDiagnostics, toCliDiagnostic, type FileReport } from './format/report';

/** The size limit when `--max-size` is absent (the checker's own default). */
export { DEFAULT_MAX_SIZE } from '../core';

export interface LoadOptions {
  today: Day;
  /** Bytes; the file is refused unread past it. */
  maxSize: number;
}

export interface Loaded {
  report: FileReport;
  /** The checker's result, when the file was read and checked. */
  result?: CheckResult;
  /** The file could not be read at all: exit code 2. */
  unreadable: boolean;
}

export async function loadPlan(io: CliIO, file: FoundFile, options: LoadOptions): Promise<Loaded> {
  const report: FileReport = { file: file.display, diagnostics: [] };
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file.readPath, { maxBytes: options.maxSize });
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EFBIG') {
      report.diagnostics.push(
        fileLevelDiagnostic(
          'file-too-large',
          'error',
          `The file is larger than ${options.maxSize} bytes; it is not parsed. Split the plan, or raise the limit (--max-size).`,
        ),
      );
      return { report, unreadable: false };
    }
    const why =
      code === 'ENOTFILE'
        ? 'not a regular file'
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (code ?? 'read failed');
    report.diagnostics.push(fileLevelDiagnostic('read-error', 'error', `Cannot read the file: ${why}.`));
    return { report, unreadable: true };
  }
  try {
    const decoded = decodePlanBytes(bytes);
    if (!decoded.ok) {
      report.diagnostics.push(toCliDiagnostic(decoded.diagnostic));
      return { report, unreadable: false };
    }
    const result = checkPlan(decoded.text, { today: options.today, maxSize: options.maxSize });
    report.diagnostics = sortDiagnostics(result.diagnostics.map(toCliDiagnostic));
    return { report, result, unreadable: false };
  } catch (err) {
    report.diagnostics.push(
      fileLevelDiagnostic(
        'internal-error',
        'error',
        `Internal error while checking this file (please report it): ${describeFailure(err)}`,
      ),
    );
    return { report, unreadable: false };
  }
}
