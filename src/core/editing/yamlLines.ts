/**
 * The shape of one line of block YAML, read without a parser: its `- ` item markers and its
 * `key:` with the value text. Works on half-typed text, where the real parser gives up; the
 * cursor context (cursorContext.ts) walks these shapes up and down by indentation.
 */
import { LineIndex } from '../lineIndex';
import { AT_BREAK, AT_COLON, plainStarts, scanPlainLine, type PlainStop } from '../parse/plainScalars';
import { closingQuote, quotedText } from '../parse/quotedScalars';
import { readLineValue } from './lineValue';

export interface DashEntry {
  kind: 'dash';
  /** Column of the `-`. */
  col: number;
}

export interface KeyEntry {
  kind: 'key';
  /** Column of the key's first character (a quote included). */
  col: number;
  /** The key's name (quotes removed). */
  key: string;
  /** Column just after the key text (before any spaces and the colon). */
  keyEnd: number;
  /** Column just after the colon. */
  colonEnd: number;
  /** Column of the value's first character (after the spaces), or the line's end. */
  valueCol: number;
  /** The value's text on this line, comment and trailing spaces removed ('' for none). */
  value: string;
}

export type Entry = DashEntry | KeyEntry;

export interface LineShape {
  /** Spaces before the first character. */
  indent: number;
  /** Only spaces, or a comment. */
  blank: boolean;
  entries: Entry[];
  /** Column and text after the last dash when no key follows: a scalar or a flow collection. */
  restCol: number;
  rest: string;
  /** Column where the line's comment starts, or -1. */
  comment: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isEnd = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n';

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * The text of a quoted scalar as written (`raw` starts with its opening quote), decoded by the
 * parser's rules; an unclosed one is the text after its quote. Other text is returned as it is.
 */
export function unquote(raw: string): string {
  const q = raw[0];
  if (q !== '"' && q !== "'") return raw;
  const close = closingQuote(raw, 0, false);
  return close < 0 ? raw.slice(1) : quotedText(raw, 0, close);
}

/** A `key:` starting at column `i`, or undefined. */
function matchKey(line: string, i: number): Omit<KeyEntry, 'kind' | 'valueCol' | 'value'> | undefined {
  const c = line[i];
  if (c === undefined) return undefined;
  if (c === '"' || c === "'") {
    const end = closingQuote(line, i, true);
    if (end < 0) return undefined;
    let j = end + 1;
    while (isSpace(line[j])) j++;
    if (line[j] !== ':' || !isEnd(line[j + 1])) return undefined;
    return { col: i, key: quotedText(line, i, end), keyEnd: end + 1, colonEnd: j + 1 };
  }
  if (!plainStarts(line, i, false)) return undefined;
  const keyEnd = scanPlainLine(line, i, false, stop);
  if (stop.kind !== AT_COLON) return undefined;
  return { col: i, key: line.slice(i, keyEnd), keyEnd, colonEnd: stop.at + 1 };
}

const stop: PlainStop = { at: 0, kind: AT_BREAK };

export function lineShape(line: string): LineShape {
  const indent = indentOf(line);
  const entries: Entry[] = [];
  // white space only, or a comment after it (a tab before the `#` included)
  let first = indent;
  while (isSpace(line[first])) first++;
  if (first >= line.length || line[first] === '#') {
    return { indent, blank: true, entries, restCol: indent, rest: '', comment: first < line.length ? first : -1 };
  }
  let i = indent;
  while (line[i] === '-' && isEnd(line[i + 1])) {
    entries.push({ kind: 'dash', col: i });
    i++;
    while (isSpace(line[i])) i++;
  }
  const key = matchKey(line, i);
  if (key) {
    let v = key.colonEnd;
    while (isSpace(line[v])) v++;
    const value = readLineValue(line, v);
    entries.push({ kind: 'key', ...key, valueCol: v, value: line.slice(v, value.end) });
    return { indent, blank: false, entries, restCol: line.length, rest: '', comment: value.comment };
  }
  const rest = readLineValue(line, i);
  return { indent, blank: false, entries, restCol: i, rest: line.slice(i, rest.end), comment: rest.comment };
}

/** Lines of a text as editors count them (\n, \r\n or a lone \r; LineIndex's lines); a BOM belongs to no line. */
export class Lines {
  private readonly index: LineIndex;
  /** 1 when the text starts with a BOM: columns count from the character after it. */
  private readonly bom: number;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  get count(): number {
    return this.index.lineCount;
  }

  start(line: number): number {
    return line === 0 ? this.bom : this.index.lineStart(line);
  }

  /** The line's text without its line break. */
  line(n: number): string {
    return this.text.slice(this.start(n), this.end(n));
  }

  /**
   * Spaces at the start of line `n`, read in place (no copy of the line); -1 when the line is
   * empty, only spaces, or a comment.
   */
  indent(n: number): number {
    const t = this.text;
    const s = this.start(n);
    const e = this.next(n);
    let i = s;
    while (i < e && t.charCodeAt(i) === 32) i++;
    const c = i < e ? t.charCodeAt(i) : 10;
    return c === 10 || c === 13 || c === 35 /* # */ ? -1 : i - s;
  }

  /** The offset just after the line's text (before its line break). */
  end(n: number): number {
    const s = this.start(n);
    let e = this.next(n);
    if (e > s && this.text.charCodeAt(e - 1) === 10) e--;
    if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  /** The offset of the next line's start (after the line break), or the text's end. */
  next(n: number): number {
    return n + 1 < this.count ? this.index.lineStart(n + 1) : this.text.length;
  }

  lineOf(offset: number): number {
    return this.index.position(offset).line;
  }
}
