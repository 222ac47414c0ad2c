/**
 * The block engine: a hand-written parser for the YAML that plans are written in, which scans
 * the text once and drives the TreeBuilder directly (no tokens, events or AST). It covers
 * block mappings and sequences, plain, quoted and block scalars, flow collections, comments,
 * tabs as separation, CRLF and an explicit `---`. Anything else (anchors, aliases, tags,
 * directives, `?` keys, several documents, a scalar as the whole document, tabs where
 * indentation is), and anything it finds wrong, returns 'fallback': the `yaml` engine parses
 * the text again and reports problems with the reference messages and positions.
 * test/unit/blockEngine.test.ts holds every tree it builds to the `yaml` engine's.
 */
import { readBlockScalar, type BlockScalarRead } from './blockScalars';
import type { EngineResult } from './engineResult';
import { AT_COLON, AT_COMMENT, plainStarts, scanPlainLine, type PlainStop } from './plainScalars';
import { MAX_DEPTH, tooDeep } from './preflight';
import { readQuoted, type ScalarRead } from './quotedScalars';
import { TreeBuilder } from './treeBuilder';
import {
  COLON,
  COMMA,
  CR,
  DASH,
  DOUBLE_QUOTE,
  GREATER,
  HASH,
  LEFT_BRACE,
  LEFT_BRACKET,
  LF,
  OUTSIDE_SUBSET,
  PIPE,
  RIGHT_BRACE,
  RIGHT_BRACKET,
  SINGLE_QUOTE,
  SPACE,
  TAB,
  afterBreak,
  isBlankOrEnd,
  isDocumentMarker,
  isWhite,
  lineEnd,
} from './yamlChars';

/** Thrown inside the parser to leave for the `yaml` engine. */
const FALLBACK = { fallback: true };
/** Thrown when the nesting passes MAX_DEPTH. */
const TOO_DEEP = { tooDeep: true };

/** An implicit key is at most this long (the `yaml` package's limit is 1024). */
const MAX_KEY_LENGTH = 1000;

export function parseBlock(text: string): EngineResult | 'fallback' {
  if (OUTSIDE_SUBSET.test(text)) return 'fallback';
  const parser = new BlockParser(text);
  try {
    parser.document();
  } catch (e) {
    if (e === FALLBACK) return 'fallback';
    if (e === TOO_DEEP) return { diagnostics: [tooDeep(parser.pos)], tree: undefined };
    throw e;
  }
  const b = parser.builder;
  if (b.diagnostics.length) return 'fallback';
  return { diagnostics: [], tree: b.root, plain: b.plain };
}

class BlockParser {
  readonly builder = new TreeBuilder();
  /** The offset being read. */
  pos = 0;
  /** After nextContent: the indentation of the line at `pos` (-1 at the end of the text). */
  private col = -1;
  private depth = 0;
  /** Set by scanPlainLine: where the line's plain text stopped, and why. */
  private readonly stop: PlainStop = { at: 0, kind: 0 };
  private readonly scalarRead: ScalarRead = { text: '', end: 0 };
  private readonly blockRead: BlockScalarRead = { text: '', end: 0, next: 0 };

  constructor(private readonly text: string) {}

  document(): void {
    this.nextContent(true);
    if (this.pos >= this.text.length) return;
    if (this.col === 0 && isDocumentMarker(this.text, this.pos) && this.text.charCodeAt(this.pos) === DASH) {
      // an explicit document start: nothing but a comment may follow it on its line
      this.pos += 3;
      this.endLine();
      this.nextContent(false);
      if (this.pos >= this.text.length) fail(); // a document of nothing but `---`
    }
    const c = this.text.charCodeAt(this.pos);
    if (c === LEFT_BRACKET || c === LEFT_BRACE) this.inlineValue(-1);
    else if (!this.collectionAtLineStart()) fail(); // a lone scalar document
    if (this.pos < this.text.length) fail(); // content left over, less indented than the root
  }

  // ------------------------------------------------------------------ lines

  /**
   * From a line start, skips empty lines and comment lines: `pos` is left at the next line's
   * first character that is not a space, and `col` at its indentation (-1 at the end).
   */
  private nextContent(first = false): void {
    const text = this.text;
    const n = text.length;
    let ls = this.pos;
    for (;;) {
      let p = ls;
      while (text.charCodeAt(p) === SPACE) p++;
      if (p >= n) {
        this.pos = n;
        this.col = -1;
        return;
      }
      const c = text.charCodeAt(p);
      if (c === LF) {
        ls = p + 1;
        continue;
      }
      if (c === CR) {
        ls = p + 2;
        continue;
      }
      if (c === HASH) {
        const i = text.indexOf('\n', p);
        if (i < 0) {
          ls = n;
          continue;
        }
        ls = i + 1;
        continue;
      }
      // A tab where indentation is: `yaml` rejects it, or not, depending on what comes before.
      if (c === TAB) fail();
      if (p === ls && isDocumentMarker(text, p) && !(first && c === DASH)) fail();
      this.pos = p;
      this.col = p - ls;
      return;
    }
  }

  /** After a node: only spaces and a comment may end the line. Leaves `pos` at the next line. */
  private endLine(): void {
    const text = this.text;
    let p = this.pos;
    while (isWhite(text.charCodeAt(p))) p++;
    const c = text.charCodeAt(p);
    if (c === LF) this.pos = p + 1;
    else if (c === CR) this.pos = p + 2;
    else if (p >= text.length) this.pos = p;
    else if (c === HASH && isWhite(text.charCodeAt(p - 1))) {
      const i = text.indexOf('\n', p);
      this.pos = i < 0 ? text.length : i + 1;
    } else fail();
  }

  // ------------------------------------------------------------------ block collections

  /** A block sequence or mapping that starts at `pos` (column `col`); false when neither starts here. */
  private collectionAtLineStart(): boolean {
    if (this.dashAt(this.pos)) this.sequence(this.col);
    else if (this.keyAhead(this.pos)) this.mapping(this.col);
    else return false;
    return true;
  }

  /** A node at the start of a line, inside a parent indented `parentIndent`. */
  private nodeAtLineStart(parentIndent: number): void {
    if (this.collectionAtLineStart()) return;
    const c = this.text.charCodeAt(this.pos);
    if (c === PIPE || c === GREATER) fail(); // a block scalar header on a line of its own
    this.inlineValue(parentIndent);
  }

  /** Opens a mapping or a sequence at `at` (block or flow), one level deeper. */
  private open(map: boolean, at: number, flow: boolean): void {
    if (++this.depth > MAX_DEPTH) {
      this.pos = at;
      throw TOO_DEEP;
    }
    if (map) this.builder.openMap(at, flow);
    else this.builder.openSeq(at, flow);
  }

  private close(): void {
    this.depth--;
    this.builder.close();
  }

  /** A block mapping whose first key is at `pos`, indented `indent`. */
  private mapping(indent: number): void {
    this.open(true, this.pos, false);
    for (;;) {
      this.key();
      this.mapValue(indent);
      if (this.col !== indent) {
        if (this.col > indent) fail();
        break;
      }
      if (this.dashAt(this.pos)) fail();
    }
    this.close();
  }

  /** A block sequence whose first `-` is at `pos`, indented `indent`. */
  private sequence(indent: number): void {
    const text = this.text;
    this.open(false, this.pos, false);
    for (;;) {
      const dash = this.pos;
      let p = dash + 1;
      let tabs = false;
      for (let c = text.charCodeAt(p); isWhite(c); c = text.charCodeAt(++p)) if (c === TAB) tabs = true;
      this.pos = p;
      const c = text.charCodeAt(p);
      if (c === LF || c === CR || c === HASH || p >= text.length) {
        this.valueBelow(indent, false);
      } else {
        // a collection on the line of its `-` is indented by the column it starts at
        const column = indent + (p - dash);
        if (this.dashAt(p)) {
          if (tabs) fail();
          this.sequence(column);
        } else if (this.keyAhead(p)) {
          if (tabs) fail();
          this.mapping(column);
        } else this.inlineValue(indent);
      }
      if (this.col !== indent) {
        if (this.col > indent) fail();
        break;
      }
      if (!this.dashAt(this.pos)) break;
    }
    this.close();
  }

  /** Whether an implicit key (a plain or quoted scalar, then `: `) starts at `p`, on this line. */
  private keyAhead(p: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      if (!readQuoted(text, p, 0, false, this.scalarRead)) return false;
      let q = this.scalarRead.end;
      while (isWhite(text.charCodeAt(q))) q++;
      return text.charCodeAt(q) === COLON && isBlankOrEnd(text.charCodeAt(q + 1));
    }
    if (!plainStarts(this.text, p, false)) return false;
    scanPlainLine(this.text, p, false, this.stop);
    return this.stop.kind === AT_COLON;
  }

  /** The key at `pos` (keyAhead said there is one); leaves `pos` after its `:`. */
  private key(): void {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    let colon: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      this.quoted(start, 0, false);
      colon = this.pos;
      while (isWhite(text.charCodeAt(colon))) colon++;
      if (text.charCodeAt(colon) !== COLON || !isBlankOrEnd(text.charCodeAt(colon + 1))) fail();
    } else {
      if (!plainStarts(this.text, start, false)) fail();
      const end = scanPlainLine(this.text, start, false, this.stop);
      if (this.stop.kind !== AT_COLON) fail();
      colon = this.stop.at;
      this.builder.scalar(start, end, 'plain', keyText(text, start, end));
    }
    if (colon - start > MAX_KEY_LENGTH) fail();
    this.pos = colon + 1;
  }

  /** The value after `key:` in a mapping indented `indent`. */
  private mapValue(indent: number): void {
    const text = this.text;
    let p = this.pos;
    while (isWhite(text.charCodeAt(p))) p++;
    this.pos = p;
    const c = text.charCodeAt(p);
    if (c === LF || c === CR || c === HASH || p >= text.length) this.valueBelow(indent, true);
    else this.inlineValue(indent);
  }

  /**
   * After a `key:` or `-` that ends its line: the value is on the lines below, indented more
   * than `indent` (a mapping's sequence may also be at its indentation), or it is empty.
   */
  private valueBelow(indent: number, sequenceAtIndent: boolean): void {
    this.endLine();
    this.nextContent();
    if (this.col > indent) this.nodeAtLineStart(indent);
    else if (sequenceAtIndent && this.col === indent && this.dashAt(this.pos)) this.sequence(indent);
    else this.builder.scalar(-1, -1, 'plain', '');
  }

  /** A `-` that starts a sequence entry (followed by white space or a line break). */
  private dashAt(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && isBlankOrEnd(this.text.charCodeAt(p + 1));
  }

  // ------------------------------------------------------------------ scalars and flow collections in a block

  /**
   * A scalar or flow collection at `pos`, inside a block node indented `parentIndent` (its
   * continuation lines must be indented more). Reads to the end of its last line and on to
   * the next content line.
   */
  private inlineValue(parentIndent: number): void {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === LEFT_BRACKET || c === LEFT_BRACE) {
      this.flowNode(parentIndent);
      this.endLine();
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      if (parentIndent < 0) fail();
      this.quoted(start, parentIndent, true);
      this.endLine();
    } else if (c === PIPE || c === GREATER) {
      if (parentIndent < 0 || !readBlockScalar(text, start, parentIndent, this.blockRead)) fail();
      this.builder.scalar(start, this.blockRead.end, c === PIPE ? 'literal' : 'folded', this.blockRead.text);
      this.pos = this.blockRead.next;
    } else {
      if (parentIndent < 0 || !plainStarts(this.text, start, false)) fail();
      this.plainScalar(start, parentIndent);
    }
    this.nextContent();
  }

  /**
   * The quoted scalar whose opening quote is at `start` (continuation lines indented more than
   * `parentIndent`; `multiLine` false: on one line), given to the builder; leaves `pos` after it.
   */
  private quoted(start: number, parentIndent: number, multiLine: boolean): void {
    if (!readQuoted(this.text, start, parentIndent, multiLine, this.scalarRead)) fail();
    const style = this.text.charCodeAt(start) === DOUBLE_QUOTE ? 'double' : 'single';
    this.builder.scalar(start, this.scalarRead.end, style, this.scalarRead.text);
    this.pos = this.scalarRead.end;
  }

  /** A plain scalar in a block (it may go on over lines indented more than `parentIndent`). */
  private plainScalar(start: number, parentIndent: number): void {
    const text = this.text;
    let end = scanPlainLine(this.text, start, false, this.stop);
    if (this.stop.kind === AT_COLON) fail(); // a mapping on the line of a key or `-`: not in the subset
    if (this.stop.kind === AT_COMMENT) {
      this.builder.scalar(start, end, 'plain', text.slice(start, end));
      this.pos = end;
      this.endLine();
      return;
    }
    let value: string | undefined;
    let lineBreak = this.stop.at;
    // continuation lines: more indented than the parent, not a comment
    while (lineBreak < text.length) {
      let ls = afterBreak(text, lineBreak);
      let empties = 0;
      let p: number;
      let indent: number;
      for (;;) {
        p = ls;
        while (text.charCodeAt(p) === SPACE) p++;
        indent = p - ls;
        if (text.charCodeAt(p) === TAB && indent <= parentIndent) fail(); // a tab where indentation is
        while (isWhite(text.charCodeAt(p))) p++;
        const c = text.charCodeAt(p);
        if (c === LF || c === CR) {
          empties++;
          ls = afterBreak(text, p);
          continue;
        }
        break;
      }
      if (p >= text.length || text.charCodeAt(p) === HASH || indent <= parentIndent) break;
      const lineEndAt = scanPlainLine(this.text, p, false, this.stop);
      if (this.stop.kind === AT_COLON) fail();
      if (value === undefined) value = text.slice(start, end);
      value += (empties ? '\n'.repeat(empties) : ' ') + text.slice(p, lineEndAt);
      end = lineEndAt;
      if (this.stop.kind === AT_COMMENT) {
        this.builder.scalar(start, end, 'plain', value);
        this.pos = end;
        this.endLine();
        return;
      }
      lineBreak = this.stop.at;
    }
    this.builder.scalar(start, end, 'plain', value ?? text.slice(start, end));
    this.pos = afterBreak(text, lineBreak);
  }

  // ------------------------------------------------------------------ flow collections

  /** A flow node at `pos` inside a block node indented `parentIndent`; leaves `pos` after it. */
  private flowNode(parentIndent: number): void {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === LEFT_BRACKET || c === LEFT_BRACE) {
      this.flowCollection(c === LEFT_BRACE, parentIndent);
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      this.quoted(start, parentIndent, true);
    } else {
      if (!plainStarts(this.text, start, true)) fail();
      const end = scanPlainLine(this.text, start, true, this.stop);
      this.builder.scalar(start, end, 'plain', text.slice(start, end));
      this.pos = end;
    }
  }

  private flowCollection(map: boolean, parentIndent: number): void {
    const text = this.text;
    const closer = map ? RIGHT_BRACE : RIGHT_BRACKET;
    this.open(map, this.pos, true);
    this.pos++;
    this.flowSpace(parentIndent);
    if (text.charCodeAt(this.pos) !== closer) {
      for (;;) {
        if (map) {
          const c = text.charCodeAt(this.pos);
          if (c === LEFT_BRACKET || c === LEFT_BRACE) fail(); // a collection as a key
          const keyStart = this.pos;
          this.flowNode(parentIndent);
          if (this.pos - keyStart > MAX_KEY_LENGTH) fail();
          while (isWhite(text.charCodeAt(this.pos))) this.pos++;
          const k = text.charCodeAt(this.pos);
          if (k === COMMA || k === RIGHT_BRACE) {
            this.builder.scalar(-1, -1, 'plain', ''); // `{ a, b: c }`: a key without a value
          } else {
            if (k !== COLON || !isBlankOrEnd(text.charCodeAt(this.pos + 1))) fail();
            this.pos++;
            this.flowSpace(parentIndent);
            const v = text.charCodeAt(this.pos);
            if (v === COMMA || v === RIGHT_BRACE) this.builder.scalar(-1, -1, 'plain', '');
            else this.flowNode(parentIndent);
          }
        } else {
          this.flowNode(parentIndent);
        }
        this.flowSpace(parentIndent);
        const c = text.charCodeAt(this.pos);
        if (c === closer) break;
        if (c !== COMMA) fail();
        this.pos++;
        this.flowSpace(parentIndent);
        if (text.charCodeAt(this.pos) === closer) break; // a trailing comma
      }
    }
    this.pos++;
    this.close();
  }

  /** Spaces, comments and line breaks inside a flow collection; a new line must be indented more than `parentIndent`. */
  private flowSpace(parentIndent: number): void {
    const text = this.text;
    let p = this.pos;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB) {
        p++;
        continue;
      }
      if (c === HASH) {
        const prev = text.charCodeAt(p - 1);
        if (!isWhite(prev) && prev !== LF) fail();
        p = lineEnd(text, p);
        continue;
      }
      if (c === LF || c === CR) {
        const ls = afterBreak(text, p);
        let q = ls;
        while (text.charCodeAt(q) === SPACE) q++;
        let r = q;
        while (isWhite(text.charCodeAt(r))) r++;
        const next = text.charCodeAt(r);
        if (next === HASH) {
          // a comment line not indented more than the parent: `yaml` rejects it after a plain scalar
          if (q - ls <= parentIndent) fail();
        } else if (
          !(next === LF || next === CR) &&
          (r !== q || q - ls <= parentIndent || (q === ls && isDocumentMarker(text, q)))
        )
          fail();
        p = r;
        continue;
      }
      this.pos = p;
      return;
    }
  }
}

/**
 * Recent plain keys, by length, first and last character: a plan repeats a few keys (id, title,
 * owner, duration...) thousands of times, and reusing one string for each saves the copy and
 * lets V8 skip interning it again when it becomes a property name. Only short keys: V8 copies
 * a short slice, so a cached key never keeps a plan's text alive.
 */
const KEYS: (string | undefined)[] = new Array(256);
const MAX_CACHED_KEY = 12;

function keyText(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_CACHED_KEY) return text.slice(start, end);
  const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & 255;
  const known = KEYS[slot];
  if (known !== undefined && known.length === length && text.startsWith(known, start)) return known;
  const key = text.slice(start, end);
  KEYS[slot] = key;
  return key;
}

function fail(): never {
  throw FALLBACK;
}
