/**
 * Single- and double-quoted scalars for the block engine: escapes, `''`, and line folding
 * across lines (a line break is a space, each empty line a line feed, white space around
 * breaks dropped). Anything the subset leaves out makes the reader return false.
 */
import { BACKSLASH, CR, DOUBLE_QUOTE, LF, SINGLE_QUOTE, SPACE, TAB, afterBreak, isDocumentMarker } from './yamlChars';

/** What a reader found: the decoded text and the offset after the closing quote. */
export interface ScalarRead {
  text: string;
  end: number;
}

/**
 * Reads the quoted scalar whose opening quote is at `q`. Its continuation lines must be
 * indented more than `parentIndent`; with `multiLine` false a line break gives up.
 */
export function readQuoted(
  text: string,
  q: number,
  parentIndent: number,
  multiLine: boolean,
  out: ScalarRead,
): boolean {
  const quote = text.charCodeAt(q);
  // The common case: one line, no escapes.
  for (let p = q + 1; ; p++) {
    const c = text.charCodeAt(p);
    if (c === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(p + 1) === SINGLE_QUOTE) break;
      out.text = text.slice(q + 1, p);
      out.end = p + 1;
      return true;
    }
    if (c === BACKSLASH && quote === DOUBLE_QUOTE) break;
    if (c === LF || c === CR) {
      if (!multiLine) return false;
      break;
    }
    if (c !== c) return false; // unclosed
  }
  return readEscaped(text, q, parentIndent, multiLine, out);
}

/** The general case: `''` in single quotes, escapes in double quotes, line breaks folded. */
function readEscaped(text: string, q: number, parentIndent: number, multiLine: boolean, out: ScalarRead): boolean {
  const quote = text.charCodeAt(q);
  let res = '';
  let seg = q + 1;
  for (let p = seg; ;) {
    const c = text.charCodeAt(p);
    if (c === quote) {
      res += text.slice(seg, p);
      if (quote === SINGLE_QUOTE && text.charCodeAt(p + 1) === SINGLE_QUOTE) {
        res += "'";
        p = seg = p + 2;
        continue;
      }
      out.text = res;
      out.end = p + 1;
      return true;
    }
    if (c === BACKSLASH && quote === DOUBLE_QUOTE) {
      res += text.slice(seg, p);
      const e = text.charCodeAt(p + 1);
      if (e === LF || e === CR) {
        // An escaped line break: nothing for the break, white space before it kept. Empty lines
        // after it are line feeds in the spec; js-yaml drops them, `yaml` reads a space.
        if (!multiLine) return false;
        const from = afterBreak(text, p + 1);
        const next = skipEmptyLines(text, from, parentIndent);
        if (next < 0 || emptyLinesBetween(text, from, next)) return false;
        p = seg = next;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        res += simple;
        p += 2;
      } else {
        const digits = e === 0x78 /* x */ ? 2 : e === 0x75 /* u */ ? 4 : e === 0x55 /* U */ ? 8 : 0;
        if (!digits) return false;
        const hex = text.slice(p + 2, p + 2 + digits);
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return false;
        const code = parseInt(hex, 16);
        // surrogate halves and code points past Unicode: left to the `yaml` engine
        if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return false;
        res += String.fromCodePoint(code);
        p += 2 + digits;
      }
      seg = p;
      continue;
    }
    if (c === LF || c === CR) {
      // a line break: the white space around it dropped, then a space or a line feed per empty line
      if (!multiLine) return false;
      res += trimWhiteEnd(text, seg, p);
      const from = afterBreak(text, p);
      const next = skipEmptyLines(text, from, parentIndent);
      if (next < 0) return false;
      res += emptyLinesBetween(text, from, next) || ' ';
      p = seg = next;
      continue;
    }
    if (c !== c) return false;
    p++;
  }
}

/**
 * The offset of the quote that closes the scalar opened at `q`, or -1 when it is not closed (on
 * its line, with `oneLine`). For half-typed text (the editing reader): `''` and the character
 * after a backslash are skipped, escapes and indentation are not checked.
 */
export function closingQuote(text: string, q: number, oneLine: boolean): number {
  const quote = text.charCodeAt(q);
  for (let p = q + 1; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (oneLine && (c === LF || c === CR)) return -1;
    if (c === BACKSLASH && quote === DOUBLE_QUOTE) {
      const next = text.charCodeAt(p + 1);
      if (!(oneLine && (next === LF || next === CR))) p++;
    } else if (c === quote) {
      if (quote !== SINGLE_QUOTE || text.charCodeAt(p + 1) !== SINGLE_QUOTE) return p;
      p++;
    }
  }
  return -1;
}

const lenientRead: ScalarRead = { text: '', end: 0 };

/**
 * The text of the quoted scalar from `q` to its closing quote at `close`, decoded as the parser
 * decodes it (escapes, `''`, folding); where the parser gives up (a bad escape), the text
 * between the quotes as it is written.
 */
export function quotedText(text: string, q: number, close: number): string {
  if (readQuoted(text, q, -1, true, lenientRead) && lenientRead.end === close + 1) return lenientRead.text;
  return text.slice(q + 1, close);
}

const SIMPLE_ESCAPES: (string | undefined)[] = (() => {
  const t: (string | undefined)[] = [];
  const pairs: [string, string][] = [
    ['0', '\x00'],
    ['a', '\x07'],
    ['b', '\b'],
    ['t', '\t'],
    ['\t', '\t'],
    ['n', '\n'],
    ['v', '\v'],
    ['f', '\f'],
    ['r', '\r'],
    ['e', '\x1b'],
    [' ', ' '],
    ['"', '"'],
    ['/', '/'],
    ['\\', '\\'],
    ['N', '\x85'],
    ['_', '\xa0'],
    ['L', '\u2028'],
    ['P', '\u2029'],
  ];
  for (const [k, v] of pairs) t[k.charCodeAt(0)] = v;
  return t;
})();

/** text[from, to) without the spaces and tabs at its end. */
function trimWhiteEnd(text: string, from: number, to: number): string {
  let e = to;
  while (e > from) {
    const c = text.charCodeAt(e - 1);
    if (c !== SPACE && c !== TAB) break;
    e--;
  }
  return text.slice(from, e);
}

/** A line feed per line break in text[from, to): the empty lines skipped between two lines. */
function emptyLinesBetween(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) out += '\n';
  return out;
}

/**
 * From a line start, skips empty lines (white space only) and the white space that starts the
 * next line. Returns -1 at the end of the text, on a document marker or when the line is not
 * indented more than `parentIndent`.
 */
function skipEmptyLines(text: string, lineStart: number, parentIndent: number): number {
  let ls = lineStart;
  for (;;) {
    let p = ls;
    while (text.charCodeAt(p) === SPACE) p++;
    const indent = p - ls;
    let c = text.charCodeAt(p);
    if (c === TAB && indent <= parentIndent) return -1; // a tab where indentation is: `yaml` rejects it
    while (c === SPACE || c === TAB) c = text.charCodeAt(++p);
    if (c === LF || c === CR) {
      ls = afterBreak(text, p);
      continue;
    }
    if (c !== c || indent <= parentIndent || (indent === 0 && isDocumentMarker(text, ls))) return -1;
    return p;
  }
}
