/**
 * Literal (`|`) and folded (`>`) block scalars for the block engine: chomping (`-`, `+`), an
 * explicit indentation indicator, a comment after the header, more-indented lines, tabs in the
 * content. Returns false for what the subset leaves to the `yaml` engine: a tab where the
 * indentation is, more-indented leading empty lines (an error), and white space past the last
 * text where the parsers disagree.
 */
import { trimBlockEnd } from './properties';
import { CR, DASH, HASH, LF, PIPE, SPACE, TAB, afterBreak, isWhite, lineEnd } from './yamlChars';

export interface BlockScalarRead {
  text: string;
  /** End of the node's span: its last character that is not white space. */
  end: number;
  /** Start of the first line after the scalar, where the structure goes on. */
  next: number;
}

const CLIP = 0;
const STRIP = 1;
const KEEP = 2;

/** Reads the block scalar whose header (`|` or `>`) is at `h`, inside a node indented `parentIndent`. */
export function readBlockScalar(text: string, h: number, parentIndent: number, out: BlockScalarRead): boolean {
  const literal = text.charCodeAt(h) === PIPE;
  let chomp = CLIP;
  let explicit = 0;
  let p = h + 1;
  for (let k = 0; k < 2; k++) {
    const c = text.charCodeAt(p);
    if ((c === DASH || c === 0x2b) /* + */ && chomp === CLIP) {
      chomp = c === DASH ? STRIP : KEEP;
      p++;
    } else if (c >= 0x31 && c <= 0x39 && !explicit) {
      explicit = c - 0x30;
      p++;
    } else break;
  }
  const afterHeader = p;
  while (isWhite(text.charCodeAt(p))) p++;
  const c = text.charCodeAt(p);
  if (c === HASH) {
    if (p === afterHeader) return false;
    p = lineEnd(text, p);
  } else if (!(c === LF || c === CR || c !== c)) return false;
  const headerEnd = p;

  let indent = explicit ? parentIndent + explicit : -1;
  let maxLeadingEmpty = 0;
  let res = '';
  let pendingEmpty = 0;
  let hasContent = false;
  let hasText = false;
  /** White space beyond the indentation on a line after the last text. */
  let whiteAfterText = false;
  let tabAfterText = false;
  let previousMore = false;
  /** The text ends with white space and no line break, inside the scalar. */
  let whiteAtEnd = false;
  let lastContentEnd = -1;
  let ls = afterBreak(text, headerEnd);
  const n = text.length;
  while (ls < n) {
    let s = ls;
    while (text.charCodeAt(s) === SPACE) s++;
    const lineIndent = s - ls;
    const ch = text.charCodeAt(s);
    let w = s;
    while (isWhite(text.charCodeAt(w))) w++;
    const white = text.charCodeAt(w);
    const blank = white === LF || white === CR || w >= n;
    // a tab where the indentation is, or before it is known: the parsers' errors differ
    if (ch === TAB && (indent < 0 || lineIndent < indent)) return false;
    if (blank && w === s && (indent < 0 || lineIndent <= indent)) {
      // an empty line; white space beyond the indentation is content
      if (lineIndent > maxLeadingEmpty) maxLeadingEmpty = lineIndent;
      if (s < n)
        pendingEmpty++; // (white space at the very end, without a line break, is no line)
      else whiteAtEnd = true;
      ls = afterBreak(text, s);
      continue;
    }
    if (indent < 0) {
      if (lineIndent <= parentIndent) break; // no content: the scalar is empty
      if (maxLeadingEmpty > lineIndent) return false;
      indent = lineIndent;
    }
    if (lineIndent < indent) break;
    if (blank) {
      whiteAfterText = true;
      if (w !== s) tabAfterText = true;
    } else {
      hasText = true;
      whiteAfterText = tabAfterText = false;
    }
    const le = lineEnd(text, s);
    const line = text.slice(ls + indent, le);
    const more = lineIndent > indent || ch === TAB;
    if (!hasContent) res = pendingEmpty ? '\n'.repeat(pendingEmpty) + line : line;
    else if (literal || more || previousMore) res += '\n'.repeat(pendingEmpty + 1) + line;
    else res += pendingEmpty ? '\n'.repeat(pendingEmpty) + line : ' ' + line;
    previousMore = more;
    pendingEmpty = 0;
    hasContent = true;
    lastContentEnd = le;
    ls = afterBreak(text, le);
  }
  // Lines of white space beyond the indentation after the last text are content, as the spec
  // says and js-yaml does; `yaml` drops some of them when the indentation is explicit, and all
  // of them when there is no text at all.
  if (whiteAfterText && (explicit || !hasText || tabAfterText)) return false;
  if (!hasContent) {
    // an empty scalar: only a kept one holds its empty lines; its span is the header. With
    // white space at the very end, js-yaml counts it as one more line, `yaml` as at least one.
    if (chomp === KEEP && whiteAtEnd) return false;
    out.text = chomp === KEEP ? '\n'.repeat(pendingEmpty) : '';
    out.end = trimBlockEnd(text, h, headerEnd);
  } else {
    out.text = chomp === STRIP ? res : chomp === CLIP ? res + '\n' : res + '\n'.repeat(pendingEmpty + 1);
    out.end = trimBlockEnd(text, h, lastContentEnd);
  }
  out.next = ls;
  return true;
}
