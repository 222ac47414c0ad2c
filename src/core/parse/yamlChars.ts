/** Character codes and character classes of the block engine's YAML subset. */

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const DOUBLE_QUOTE = 34;
export const HASH = 35;
export const SINGLE_QUOTE = 39;
export const COMMA = 44;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const GREATER = 62;
export const QUESTION = 63;
export const LEFT_BRACKET = 91;
export const BACKSLASH = 92;
export const RIGHT_BRACKET = 93;
export const LEFT_BRACE = 123;
export const PIPE = 124;
export const RIGHT_BRACE = 125;

/**
 * Characters the block engine leaves to the `yaml` engine wherever they appear: C0 and C1
 * controls (tab and line feed aside), a CR that is not part of CRLF, DEL, U+2028/2029, a BOM
 * inside the text, U+FFFE/FFFF and unpaired surrogates. The parsers differ on them, or reject them.
 */
export const OUTSIDE_SUBSET =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `c-indicator`: characters that cannot start a plain scalar (`-`, `?`, `:` can, before a non-space). */
export const INDICATOR: boolean[] = table('-?:,[]{}#&*!|>\'"%@`');

/** `c-flow-indicator`: characters that end a plain scalar inside `[...]` and `{...}`. */
export const FLOW_INDICATOR: boolean[] = table(',[]{}');

function table(chars: string): boolean[] {
  const t: boolean[] = [];
  for (let c = 0; c < 128; c++) t[c] = false;
  for (const ch of chars) t[ch.charCodeAt(0)] = true;
  return t;
}

/** A line break or the end of the text (`charCodeAt` past the end is NaN). */
export function isBreakOrEnd(c: number): boolean {
  return c === LF || c === CR || c !== c;
}

/** A space or tab. */
export function isWhite(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** White space, a line break or the end of the text: what may follow `-` or `:` as an indicator. */
export function isBlankOrEnd(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c !== c;
}

/** `---` or `...` at `p` (a line start), followed by white space or a line break. */
export function isDocumentMarker(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if ((c !== DASH && c !== DOT) || text.charCodeAt(p + 1) !== c || text.charCodeAt(p + 2) !== c) return false;
  return isBlankOrEnd(text.charCodeAt(p + 3));
}

/** The offset of the line break that ends the line holding `p` (or the text's length). */
export function lineEnd(text: string, p: number): number {
  const i = text.indexOf('\n', p);
  if (i < 0) return text.length;
  return i > p && text.charCodeAt(i - 1) === CR ? i - 1 : i;
}

/** The offset after the line break at `p` (CRLF or LF), or `p` at the end of the text. */
export function afterBreak(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === CR) return p + 2; // a CR is always followed by LF here (OUTSIDE_SUBSET)
  return c === LF ? p + 1 : p;
}
