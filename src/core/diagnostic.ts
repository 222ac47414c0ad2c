/** Diagnostics are data: a stable code, a severity, a message and a precise range. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** 0-based line and character (UTF-16 code units), as editors count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets into the text, 0-based, end-exclusive: what the parsers give; converted to a Range once. */
export interface Span {
  start: number;
  end: number;
}

export interface RelatedInformation {
  message: string;
  range: Range;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets of the same range, for edits and quick fixes. */
  span: Span;
  related?: RelatedInformation[];
  /** Machine-readable facts for quick fixes (the unknown id, the cycle, the key to fix...). */
  data?: Record<string, unknown>;
}

/** A diagnostic before its offsets are turned into lines and characters. */
export interface RawDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: { message: string; span: Span }[];
  data?: Record<string, unknown>;
  /**
   * The message and data, when working them out costs more than finding the place (wording a
   * schema error, a "did you mean" search): called only for the diagnostics that are reported,
   * so problems past the cap cost no more than their position.
   */
  details?: () => { message: string; data?: Record<string, unknown> };
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
