/**
 * Reads a flow collection (`[a, b, |` or `{ name: Dana, | }`) up to the cursor without a
 * parser: which list or mapping the cursor is in, the entries before it, the partial word.
 * Quotes, nesting, several lines and comments are understood; the text may be unfinished.
 */
import type { PathSeg } from '../schemaView';
import { closingQuote, quotedText } from '../parse/quotedScalars';
import { FLOW_INDICATOR, isBlankOrEnd } from '../parse/yamlChars';

export interface FlowFrame {
  open: '[' | '{';
  /** Path of this collection from the plan's root. */
  path: PathSeg[];
  /** A list's entries, in order (scalars only). */
  items: string[];
  /** A mapping's keys, in order. */
  keys: string[];
  /** A mapping's scalar values by key. */
  pairs: Map<string, string>;
  /** A mapping's key waiting for its value (after `key:`). */
  key: string | undefined;
  /** Index of the entry being written: a list's item, a mapping's pair. */
  index: number;
}

export interface FlowState {
  /** Open collections at the cursor, outermost first; empty when the cursor is past the collection. */
  frames: FlowFrame[];
  /** The scalar being written at the cursor (without leading spaces). */
  token: string;
  /** Offset of the token's first character (after an opening quote). */
  tokenStart: number;
  /** The cursor is inside an unclosed quoted scalar. */
  quote: '"' | "'" | undefined;
  /** The cursor is inside a comment. */
  comment: boolean;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * A plain scalar written over lines, folded as the parser folds it: the spaces and tabs around a
 * line break go, and the break is a space, or a line feed for each empty line after it.
 */
function foldLines(text: string): string {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
  let out = '';
  let seg = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\n' && text[i] !== '\r') continue;
    let e = i;
    while (e > seg && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
    let breaks = 0;
    let j = i;
    for (; j < text.length && isBlank(text[j]); j++)
      if (text[j] === '\n' || (text[j] === '\r' && text[j + 1] !== '\n')) breaks++;
    out += text.slice(seg, e) + (breaks > 1 ? '\n'.repeat(breaks - 1) : ' ');
    seg = j;
    i = j - 1;
  }
  return out + text.slice(seg);
}

/** A `:` at `i` ends a plain key in a flow mapping: followed by white space, a line break, the end or `,[]{}` (the parser's rule). */
function endsPlainKey(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  return isBlankOrEnd(next) || (next < 128 && FLOW_INDICATOR[next] === true);
}

export class FlowScanner {
  readonly frames: FlowFrame[] = [];
  private token = '';
  private tokenStart = -1;
  private isQuoted = false;
  private quote: '"' | "'" | undefined;
  /** The scan stopped inside a comment. */
  private inComment = false;
  /** The outermost collection was closed. */
  closed = false;

  constructor(
    private readonly text: string,
    private readonly base: PathSeg[],
  ) {}

  /** Scan from `from` (the opening bracket) to `to` (the cursor); returns the state there. */
  scanTo(from: number, to: number): FlowState {
    let i = from;
    while (i < to && !this.closed && this.quote === undefined) i = this.step(i, to);
    return this.state();
  }

  /** Reads what starts at `i` (a character, a quoted scalar or a comment); returns the offset after it. */
  private step(i: number, to: number): number {
    const t = this.text;
    const c = t[i]!;
    // a quote opens a quoted scalar only where a token starts (blanks are never a token's first characters)
    if ((c === '"' || c === "'") && this.token === '' && !this.isQuoted) return this.quoted(i, c, to);
    if (c === '#' && (i === 0 || isBlank(t[i - 1]))) {
      while (i < to && t[i] !== '\n' && t[i] !== '\r') i++;
      this.inComment = i === to;
      return i;
    }
    if (c === '[' || c === '{') {
      const parent = this.top();
      const path = !parent
        ? this.base
        : parent.open === '['
          ? [...parent.path, parent.index]
          : [...parent.path, parent.key ?? this.value];
      this.open(c, path);
    } else if (c === ']' || c === '}') {
      this.commit(false);
      this.frames.pop();
      if (this.frames.length === 0) this.closed = true;
    } else if (c === ',') {
      this.commit(true);
    } else if (
      c === ':' &&
      this.top()?.open === '{' &&
      this.top()!.key === undefined &&
      (this.isQuoted || this.afterQuote(i) || endsPlainKey(t, i))
    ) {
      const f = this.top()!;
      f.key = this.value;
      f.keys.push(f.key);
      this.resetToken();
    } else if (
      c === '?' &&
      this.token === '' &&
      !this.isQuoted &&
      this.top()?.open === '{' &&
      (isBlank(t[i + 1]) || t[i + 1] === undefined)
    ) {
      // `? key`: the explicit key indicator, not a part of the key
    } else if (isBlank(c)) {
      if (this.token !== '' && !this.isQuoted) this.token += c;
    } else {
      if (this.token === '') this.tokenStart = i;
      this.token += c;
    }
    return i + 1;
  }

  /**
   * Nothing read yet and a quote just before `i`: the scan began right after a quoted scalar (the
   * entries after a cursor behind `"key"`), whose `:` may be followed by the value at once.
   */
  private afterQuote(i: number): boolean {
    const before = this.text[i - 1];
    return this.token === '' && !this.isQuoted && (before === '"' || before === "'");
  }

  /** A quoted scalar opening at `i`: its text, or, when the cursor `to` is inside it, the text up to the cursor. */
  private quoted(i: number, quote: '"' | "'", to: number): number {
    const t = this.text;
    const end = closingQuote(t, i, false);
    if (end < 0 || end >= to) {
      this.quote = quote;
      this.tokenStart = i + 1;
      this.token = t.slice(i + 1, to);
      return to;
    }
    this.token = quotedText(t, i, end);
    this.tokenStart = i;
    this.isQuoted = true;
    return end + 1;
  }

  private open(c: '[' | '{', path: PathSeg[]): FlowFrame {
    const frame: FlowFrame = { open: c, path, items: [], keys: [], pairs: new Map(), key: undefined, index: 0 };
    this.frames.push(frame);
    this.resetToken();
    return frame;
  }

  private top(): FlowFrame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private state(): FlowState {
    return {
      frames: this.frames.map((f) => ({ ...f, items: [...f.items], keys: [...f.keys], pairs: new Map(f.pairs) })),
      token: this.quote || this.isQuoted ? this.token : foldLines(this.token),
      tokenStart: this.tokenStart,
      quote: this.quote,
      comment: this.inComment,
    };
  }

  /**
   * The token as an entry: a quoted scalar's text as it is, a plain one without the blanks after
   * it (none come before it; other white space, such as a no-break space, is its text) and folded
   * where it goes over lines.
   */
  private get value(): string {
    if (this.isQuoted) return this.token;
    let e = this.token.length;
    while (e > 0 && isBlank(this.token[e - 1])) e--;
    return foldLines(this.token.slice(0, e));
  }

  private resetToken(): void {
    this.token = '';
    this.tokenStart = -1;
    this.isQuoted = false;
  }

  /** End of an entry: `,` (next entry) or a closing bracket. */
  private commit(next: boolean): void {
    const f = this.top();
    const value = this.value;
    if (f?.open === '[') {
      if (value !== '' || this.isQuoted) f.items.push(value);
    } else if (f?.open === '{') {
      if (f.key !== undefined) f.pairs.set(f.key, value);
      else if (value !== '' || this.isQuoted) f.keys.push(value);
      f.key = undefined;
    }
    if (f && next) f.index++;
    this.resetToken();
  }

  /** The entries of the innermost open list after the cursor, up to its closing bracket. */
  static itemsAfter(text: string, from: number): string[] {
    return FlowScanner.entriesAfter(text, from, '[').items.filter((s) => s !== '');
  }

  /**
   * The innermost collection open at `from` (a list or a mapping, as `open` says), read from
   * the entry after the one at `from` to its closing bracket.
   */
  static entriesAfter(text: string, from: number, open: '[' | '{'): FlowFrame {
    const scanner = new FlowScanner(text, []);
    const frame = scanner.open(open, []);
    let i = from;
    // the rest of the entry at the cursor
    while (i < text.length && !scanner.closed && scanner.quote === undefined && frame.index === 0)
      i = scanner.step(i, text.length);
    frame.items.length = 0;
    frame.keys.length = 0;
    while (i < text.length && !scanner.closed && scanner.quote === undefined) i = scanner.step(i, text.length);
    return frame;
  }
}

/** Keys written after the cursor in the same flow mapping (they are present too). */
export function flowKeysAfter(text: string, from: number): string[] {
  return FlowScanner.entriesAfter(text, from, '{').keys;
}

/** The id of the task or milestone written as the flow mapping around the cursor. */
export function itemIdFromFlow(state: FlowState): string | undefined {
  for (let i = state.frames.length - 1; i >= 0; i--) {
    const f = state.frames[i]!;
    const p = f.path;
    const isItem =
      f.open === '{' &&
      ((p.length === 2 && p[0] === 'milestones') || (p.length === 4 && p[0] === 'milestones' && p[2] === 'tasks'));
    if (isItem) return f.pairs.get('id') || undefined;
  }
  return undefined;
}
