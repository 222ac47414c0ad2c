/**
 * Checks made before any YAML parser sees the text: a size cap and a non-recursive
 * nesting estimate. Deeply nested input is refused here because a parser's own guard
 * can leave V8 in a bad state (RELIABILITY.md).
 */
import type { RawDiagnostic } from '../diagnostic';

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;
/** Far deeper than any plan (a follow-up's field sits at depth 7). */
export const MAX_DEPTH = 64;

export function checkSize(text: string, maxSize: number): RawDiagnostic | undefined {
  if (text.length <= maxSize) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    code: 'file-too-large',
    severity: 'error',
    message: `The file is ${mb(text.length)}, over the ${mb(maxSize)} limit; it is not parsed. Split the plan, or raise the limit (workback.maxFileSize, --max-size).`,
    span: { start: 0, end: 0 },
  };
}

/**
 * Estimates nesting depth in one pass: open flow brackets, plus block levels
 * (indentation steps and `- ` / `? ` / `key: ` markers that open a level on one line).
 * Quoted text, comments and block scalar bodies are skipped. Returns the offset where the
 * limit is passed, or -1.
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  let blockScalarIndent = -1; // inside a block scalar whose parent line had this indent
  while (i < n) {
    // start of a line
    let col = 0;
    while (i < n && text.charCodeAt(i) === 32) { i++; col++; }
    const lineEnd = nextLineEnd(text, i);
    const blank = i >= lineEnd || text.charCodeAt(i) === 35 /* # */;
    if (blockScalarIndent >= 0) {
      if (blank || col > blockScalarIndent) { i = skipEol(text, lineEnd); continue; }
      blockScalarIndent = -1;
    }
    if (blank) { i = skipEol(text, lineEnd); continue; }
    let depth = 0;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
      depth = indents.length;
    }
    let quote = 0;
    let lastNonSpace = 0;
    let sawComment = false;
    let sawHeaderChar = false; // a `|` or `>` before any comment: only then can the line end in a block scalar header
    for (let j = i; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (c === 124 || c === 62) sawHeaderChar = true;
      if (quote) {
        if (c === quote) {
          if (quote === 39 && text.charCodeAt(j + 1) === 39) j++;
          else quote = 0;
        } else if (c === 92 && quote === 34) j++;
        continue;
      }
      if (c === 35 && (j === i || text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) { sawComment = true; break; }
      if (c === 34 || c === 39) { quote = c; continue; }
      if (c === 91 || c === 123) {
        flow++;
        if (flow + depth > maxDepth) return j;
      } else if (c === 93 || c === 125) {
        if (flow > 0) flow--;
      } else if (flow === 0 && (c === 45 || c === 63 || c === 58) && isSpaceOrEnd(text, j + 1, lineEnd)) {
        depth++; // `- `, `? `, `: ` open a nested level on the same line
        if (depth > maxDepth) return j;
      }
      if (c !== 32 && c !== 9) lastNonSpace = c;
    }
    if (depth > maxDepth) return i;
    if (flow === 0 && quote === 0 && sawHeaderChar && (lastNonSpace === 124 || lastNonSpace === 62 || ((MAY_END_HEADER[lastNonSpace] ?? true) && isBlockHeaderEnd(text, i, lineEnd)) || (sawComment && isBlockHeaderEnd(text, i, lineEnd)))) {
      blockScalarIndent = col;
    }
    i = skipEol(text, lineEnd);
  }
  return -1;
}

/** Last characters of a block scalar header with indicators (`|-`, `>+`, `|2`) or a comment after it. */
const MAY_END_HEADER: boolean[] = (() => {
  const t: boolean[] = [];
  for (const c of '+-0123456789') t[c.charCodeAt(0)] = true;
  for (let c = 0; c < 128; c++) if (!t[c]) t[c] = false;
  return t;
})();

function nextLineEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) break;
    j++;
  }
  return j;
}

function skipEol(text: string, j: number): number {
  if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) return j + 2;
  return j + 1;
}

function isSpaceOrEnd(text: string, j: number, lineEnd: number): boolean {
  if (j >= lineEnd) return true;
  const c = text.charCodeAt(j);
  return c === 32 || c === 9;
}

/** `key: |-`, `- >2` and the like, with a comment after the header. */
function isBlockHeaderEnd(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end).replace(/\s+#.*$/, '').trimEnd();
  return /(?:^|[\s:])[|>][-+0-9]*$/.test(line);
}

export function tooDeep(offset: number): RawDiagnostic {
  return {
    code: 'too-deep',
    severity: 'error',
    message: `Nesting is deeper than ${MAX_DEPTH} levels here; a plan never needs that much. The file is not parsed.`,
    span: { start: offset, end: offset + 1 },
  };
}
