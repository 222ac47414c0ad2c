/**
 * Reads a flow collection (`[a, b, |` or `{ name: Dana, | }`) up to the cursor without a
 * parser: which list or mapping the cursor is in, the entries before it, the partial word.
 * Quotes, nesting, several lines and comments are understood; the text may be unfinished.
 */
import type { PathSeg } from '../schemaView';
import { closingQuote, quotedText } from '../parse/quotedScalars';

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
  /** Index of the list entry being written. */
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
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export class FlowScanner {
  readonly frames: FlowFrame[] = [];
  private token = '';
  private tokenStart = -1;
  private quoted = false;
  private quote: '"' | "'" | undefined;
  /** The outermost collection was closed. */
  closed = false;

  constructor(private readonly text: string, private readonly base: PathSeg[]) {}

  /** Scan from `from` (the opening bracket) to `to` (the cursor); returns the state there. */
  scanTo(from: number, to: number): FlowState {
    let i = from;
    const t = this.text;
    while (i < to && !this.closed) {
      const c = t[i]!;
      if ((c === '"' || c === "'") && this.token.trim() === '') {
        const end = closingQuote(t, i, true);
        if (end < 0 || end >= to) {
          this.quote = c;
          this.tokenStart = i + 1;
          this.token = t.slice(i + 1, to);
          return this.state();
        }
        this.token = quotedText(t, i, end);
        this.tokenStart = i;
        this.quoted = true;
        i = end + 1;
        continue;
      }
      if (c === '#' && (i === 0 || isBlank(t[i - 1]))) {
        while (i < to && t[i] !== '\n' && t[i] !== '\r') i++;
        continue;
      }
      if (c === '[' || c === '{') {
        const parent = this.frames[this.frames.length - 1];
        const path = !parent ? this.base : parent.open === '[' ? [...parent.path, parent.index] : [...parent.path, parent.key ?? this.token.trim()];
        this.frames.push({ open: c, path, items: [], keys: [], pairs: new Map(), key: undefined, index: 0 });
        this.resetToken();
      } else if (c === ']' || c === '}') {
        this.commit(false);
        this.frames.pop();
        if (this.frames.length === 0) this.closed = true;
      } else if (c === ',') {
        this.commit(true);
      } else if (c === ':' && this.top()?.open === '{' && this.top()!.key === undefined && (isBlank(t[i + 1]) || t[i + 1] === undefined || t[i + 1] === ',' || this.quoted)) {
        const f = this.top()!;
        f.key = this.token.trim();
        f.keys.push(f.key);
        this.resetToken();
      } else if (isBlank(c)) {
        if (this.token !== '') this.token += c;
      } else {
        if (this.token === '') this.tokenStart = i;
        this.token += c;
      }
      i++;
    }
    return this.state();
  }

  private top(): FlowFrame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private state(): FlowState {
    const lead = this.token.length - this.token.trimStart().length;
    return { frames: this.frames.map((f) => ({ ...f, items: [...f.items], keys: [...f.keys], pairs: new Map(f.pairs) })), token: this.token.trimStart(), tokenStart: this.tokenStart < 0 ? -1 : this.tokenStart + (this.quote ? 0 : lead), quote: this.quote };
  }

  private resetToken(): void {
    this.token = '';
    this.tokenStart = -1;
    this.quoted = false;
  }

  /** End of an entry: `,` (next entry) or a closing bracket. */
  private commit(next: boolean): void {
    const f = this.top();
    const value = this.token.trim();
    if (f?.open === '[') {
      if (value !== '' || this.quoted) f.items.push(value);
      if (next) f.index++;
    } else if (f?.open === '{') {
      if (f.key !== undefined) f.pairs.set(f.key, value);
      else if (value !== '') f.keys.push(value);
      f.key = undefined;
    }
    this.resetToken();
  }

  /** The entries of the innermost open list after the cursor, up to its closing bracket. */
  static itemsAfter(text: string, from: number): string[] {
    const out: string[] = [];
    let depth = 0;
    let cur = '';
    for (let i = from; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        const end = closingQuote(text, i, true);
        if (end < 0) break;
        cur += quotedText(text, i, end);
        i = end;
        continue;
      }
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (depth === 0) {
          out.push(cur.trim());
          break;
        }
        depth--;
      } else if (c === ',' && depth === 0) {
        out.push(cur.trim());
        cur = '';
      } else if (c === '#' && isBlank(text[i - 1])) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (depth === 0) cur += c;
    }
    // the first one is the rest of the entry at the cursor
    return out.slice(1).filter((s) => s !== '');
  }
}

/** Keys written after the cursor in the same flow mapping (they are present too). */
export function flowKeysAfter(text: string, from: number): string[] {
  const out: string[] = [];
  const rest = text.slice(from, from + 2000);
  let depth = 0;
  const re = /[[{}\]]|,\s*([^\s:,{}[\]]+)\s*:/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest))) {
    const c = m[0];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && m[1]) out.push(m[1]);
  }
  return out;
}

/** The id of the task or milestone written as the flow mapping around the cursor. */
export function itemIdFromFlow(state: FlowState): string | undefined {
  for (let i = state.frames.length - 1; i >= 0; i--) {
    const f = state.frames[i]!;
    const p = f.path;
    const isItem = f.open === '{' && ((p.length === 2 && p[0] === 'milestones') || (p.length === 4 && p[0] === 'milestones' && p[2] === 'tasks'));
    if (isItem) return f.pairs.get('id') || undefined;
  }
  return undefined;
}
