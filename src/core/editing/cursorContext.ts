/**
 * Where the cursor is in a plan, read from the text's lines and indentation rather than from
 * the parse tree: while a key or a list is half-typed the YAML does not parse, and that is
 * exactly when completion is asked for. The result names the schema path of the mapping (a
 * key slot) or of the value (a value slot), the partial word to replace, the keys already
 * present, the other entries of a list and the id of the task or milestone around the cursor.
 */
import type { Span } from '../diagnostic';
import { pathOf, walkUp, type Frame } from './blockFrames';
import { flowKeysAfter, FlowScanner, itemIdFromFlow, type FlowState } from './flowScanner';
import { isArray, isObject, schemaAt, type PathSeg } from '../schemaView';
import { closingQuote } from '../parse/quotedScalars';
import { lineShape, Lines, unquote, type Entry, type KeyEntry, type LineShape } from './yamlLines';

export interface CursorContext {
  kind: 'key' | 'value' | 'none';
  /** key: the mapping's path; value: the value's path (its key, or its list index, last). */
  path: PathSeg[];
  /** The text a completion replaces: the partial word at the cursor (maybe empty). */
  replace: Span;
  /** What is typed of it before the cursor. */
  prefix: string;
  /** key: keys already in the mapping (not the one at the cursor). */
  present: string[];
  /** key: a `:` already follows the word: only the name is inserted. */
  hasColon: boolean;
  /** Flow style: a key in `{ ... }`, a value in `[ ... ]`. */
  flow: boolean;
  /** Block style: the slot is a new list item whose `- ` is not typed yet. */
  needsDash: boolean;
  /** value: the cursor is right after the colon (`owner:|`): a space goes first. */
  needsSpace: boolean;
  /** value: inside quotes (only the text is inserted). */
  quoted: boolean;
  /** value in a list: the list's other entries. */
  siblings: string[];
  /** The id of the task or milestone the cursor is in, when it has one. */
  itemId?: string;
  /** The id of the milestone the cursor is in (for a task that has no id yet). */
  milestoneId?: string;
  /** Column of the slot's first character (block style), for the indentation of inserts. */
  column: number;
}

const NONE = (offset: number): CursorContext => ({
  kind: 'none',
  path: [],
  replace: { start: offset, end: offset },
  prefix: '',
  present: [],
  hasColon: false,
  flow: false,
  needsDash: false,
  needsSpace: false,
  quoted: false,
  siblings: [],
  column: 0,
});

/** Characters of a word the cursor may be in: ids, keys, dates, durations, names. */
const WORD = /[^\s,[\]{}#:"']/;

function wordEnd(line: string, from: number): number {
  let e = from;
  while (e < line.length && WORD.test(line[e]!)) e++;
  return e;
}

/** The last text's lines: completion asks again and again about the same text as the user moves. */
let lastLines: Lines | undefined;

function linesOf(text: string): Lines {
  if (lastLines && lastLines.text.length === text.length && lastLines.text === text) return lastLines;
  lastLines = new Lines(text);
  return lastLines;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lines = linesOf(text);
  const ln = lines.lineOf(Math.max(0, Math.min(offset, text.length)));
  const line = lines.line(ln);
  const base = lines.start(ln);
  const col = Math.max(0, Math.min(offset - base, line.length));
  const at = base + col;
  const shape = lineShape(line);
  const ctx = new ContextBuilder(lines, ln, line, base, col, shape);
  const out = ctx.build() ?? NONE(at);
  // in a comment: as the line reads in a block; in a flow collection the scanner says (a line
  // of one may hold `b, 'c # d'`, where a block line would read a comment)
  if (!out.flow && shape.comment >= 0 && shape.comment < col) return NONE(at);
  if (out.kind !== 'none' && ctx.lastMilestone !== undefined) out.milestoneId = ctx.lastMilestone;
  // right after a `-` item marker or a `,` in a flow collection: the inserted text needs a space first
  if (out.kind !== 'none' && out.replace.start === at && col > 0) {
    const before = line[col - 1];
    if (
      (before === '-' && shape.entries.some((e) => e.kind === 'dash' && e.col === col - 1)) ||
      (before === ',' && out.flow)
    )
      out.needsSpace = true;
  }
  return out;
}

class ContextBuilder {
  constructor(
    private readonly lines: Lines,
    private readonly ln: number,
    private readonly line: string,
    private readonly base: number,
    private readonly col: number,
    private readonly shape: LineShape,
  ) {}

  private get offset(): number {
    return this.base + this.col;
  }

  build(): CursorContext | undefined {
    const { shape, col, line } = this;
    const entries = shape.entries;
    const key = entries.find((e): e is KeyEntry => e.kind === 'key');
    const dashes = entries.filter((e) => e.kind === 'dash' && e.col < col);

    // 1. After a key's colon: that key's value.
    if (key && col >= key.colonEnd) {
      const frames = this.ancestors(
        entries.filter((e) => e.kind === 'dash'),
        key.col,
      );
      if (!frames) return undefined;
      const path = [...pathOf(frames), key.key];
      return this.valueAfterColon(frames, key, path);
    }
    // 2. On a key's name: that key, to be replaced.
    if (key && col >= key.col) {
      const frames = this.ancestors(dashes, key.col);
      if (!frames) return undefined;
      const prefix = line.slice(key.col, col);
      return this.keySlot(frames, key.col, prefix, { start: this.base + key.col, end: this.base + key.keyEnd }, true);
    }
    // 3. After the dashes: a new key, a list entry or a flow collection.
    const restCol = shape.rest !== '' ? shape.restCol : line.length;
    if (shape.rest !== '' && col >= restCol) {
      const frames = this.ancestors(dashes, restCol);
      if (!frames) return undefined;
      // a line of a flow collection opened on a line above: the scanner reads it from there
      if (this.pendingFlow) return this.flowFromPending();
      const first = shape.rest[0];
      if (first === '[' || first === '{') return this.flow(frames, pathOf(frames), this.base + restCol);
      if (first === '|' || first === '>' || first === '&' || first === '*' || first === '!') return undefined;
      const prefix = line.slice(restCol, col);
      if (/\s/.test(prefix)) return undefined;
      const quote = first === '"' || first === "'" ? first : undefined;
      if (quote) {
        const end = closingQuote(line, restCol, true);
        if (end >= 0 && end < col) return undefined;
        return this.slot(
          frames,
          restCol,
          line.slice(restCol + 1, col),
          { start: this.base + restCol + 1, end: this.base + (end >= 0 ? end : line.length) },
          true,
        );
      }
      return this.slot(
        frames,
        restCol,
        prefix,
        { start: this.base + restCol, end: this.base + wordEnd(line, col) },
        false,
      );
    }
    // 4. In the indentation (or after the dashes) of an empty slot.
    const frames = this.ancestors(dashes, col);
    if (!frames) return undefined;
    return this.slot(frames, col, '', { start: this.offset, end: this.offset }, false);
  }

  /**
   * The frames enclosing a slot at `col` whose line starts with `lineDashes` (dashes left of
   * the slot), outermost first; undefined when the cursor is inside a scalar (a block scalar
   * or a multi-line value). The current line's dashes are the innermost frames.
   */
  private ancestors(lineDashes: Entry[], col: number): Frame[] | undefined {
    const inner: Frame[] = lineDashes.map((e) => ({ entry: e, line: this.ln, index: 0 }));
    const found = walkUp(this.lines, this.ln, inner.length ? inner[0]!.entry.col : col, inner[0]);
    if (found === 'inside-scalar') return undefined;
    if (found && 'flowFrom' in found) {
      this.pendingFlow = found;
      return found.frames;
    }
    return [...found, ...inner];
  }

  private pendingFlow: { frames: Frame[]; flowFrom: number; flowPath: PathSeg[] } | undefined;

  /** A key or list-entry slot at `col`, decided by the schema of its container. */
  private slot(
    frames: Frame[],
    col: number,
    prefix: string,
    replace: Span,
    quoted: boolean,
  ): CursorContext | undefined {
    if (this.pendingFlow) return this.flowFromPending();
    const path = pathOf(frames);
    const innermost = frames[frames.length - 1];
    const view = schemaAt(path);
    if (innermost?.entry.kind === 'dash' && innermost.line === this.ln && !isObject(view)) {
      // `- |` in a list of scalars (depends_on, holidays...)
      return this.listValue(frames, path, prefix, replace, quoted, false);
    }
    if (isArray(view)) {
      // under `tasks:` without the `- ` yet
      const itemPath = [...path, this.countItems(frames)];
      if (isObject(schemaAt(itemPath)))
        return { ...this.keySlotBase(frames, itemPath, col, prefix, replace, false), present: [], needsDash: true };
      return { ...this.listValue(frames, itemPath, prefix, replace, quoted, true), needsDash: true };
    }
    if (quoted) return undefined;
    return this.keySlot(frames, col, prefix, replace, false);
  }

  private keySlotBase(
    frames: Frame[],
    path: PathSeg[],
    col: number,
    prefix: string,
    replace: Span,
    hasColon: boolean,
  ): CursorContext {
    const ctx: CursorContext = {
      kind: 'key',
      path,
      replace,
      prefix,
      present: [],
      hasColon,
      flow: false,
      needsDash: false,
      needsSpace: false,
      quoted: false,
      siblings: [],
      column: col,
    };
    const id = this.itemIdOf(frames);
    if (id !== undefined) ctx.itemId = id;
    return ctx;
  }

  private keySlot(
    frames: Frame[],
    col: number,
    prefix: string,
    replace: Span,
    hasColon: boolean,
  ): CursorContext | undefined {
    if (this.pendingFlow) return this.flowFromPending();
    const path = pathOf(frames);
    const view = schemaAt(path);
    if (view && !isObject(view)) return undefined;
    const ctx = this.keySlotBase(frames, path, col, prefix, replace, hasColon);
    ctx.present = this.presentKeys(frames, col);
    return ctx;
  }

  private valueAfterColon(frames: Frame[], key: KeyEntry, path: PathSeg[]): CursorContext | undefined {
    if (this.pendingFlow) return this.flowFromPending();
    const { line, col } = this;
    const v = key.valueCol;
    const first = line[v];
    if (col > v && (first === '[' || first === '{')) return this.flow(frames, path, this.base + v);
    if (col > v && (first === '|' || first === '>' || first === '&' || first === '*' || first === '!'))
      return undefined;
    const ctx: CursorContext = { ...NONE(this.offset), kind: 'value', path, column: key.col };
    const id = this.itemIdOf(frames);
    if (id !== undefined) ctx.itemId = id;
    if (first === '"' || first === "'") {
      const end = closingQuote(line, v, true);
      if (col <= v || (end >= 0 && col > end))
        return col <= v
          ? { ...ctx, replace: { start: this.base + v, end: this.base + (end >= 0 ? end + 1 : line.length) } }
          : undefined;
      ctx.quoted = true;
      ctx.prefix = line.slice(v + 1, col);
      ctx.replace = { start: this.base + v + 1, end: this.base + (end >= 0 ? end : line.length) };
      return ctx;
    }
    if (col < v) {
      // in the spaces between the colon and the value: the value is replaced
      ctx.replace = { start: this.offset, end: this.base + v + key.value.length };
      return ctx;
    }
    ctx.prefix = line.slice(v, col);
    if (/\s/.test(ctx.prefix.trimEnd()) && col <= v + key.value.length) {
      ctx.kind = 'value'; // free text with spaces: only text completions apply
    }
    ctx.replace = { start: this.base + v, end: this.base + Math.max(col, v + key.value.length) };
    ctx.needsSpace = v === key.colonEnd && col === v;
    return ctx;
  }

  private listValue(
    frames: Frame[],
    path: PathSeg[],
    prefix: string,
    replace: Span,
    quoted: boolean,
    newItem: boolean,
  ): CursorContext {
    const ctx: CursorContext = {
      kind: 'value',
      path,
      replace,
      prefix,
      present: [],
      hasColon: false,
      flow: false,
      needsDash: false,
      needsSpace: false,
      quoted,
      siblings: [],
      column: this.col,
    };
    ctx.siblings = this.blockListEntries(frames, newItem);
    const id = this.itemIdOf(frames);
    if (id !== undefined) ctx.itemId = id;
    return ctx;
  }

  private flowFromPending(): CursorContext | undefined {
    const p = this.pendingFlow!;
    this.pendingFlow = undefined;
    return this.flow(p.frames, p.flowPath, p.flowFrom);
  }

  /** The cursor inside a flow collection that opens at `from`. */
  private flow(frames: Frame[], path: PathSeg[], from: number): CursorContext | undefined {
    const text = this.lines.text;
    const state: FlowState = new FlowScanner(text, path).scanTo(from, this.offset);
    const top = state.frames[state.frames.length - 1];
    if (!top || state.comment) return undefined;
    const start = state.tokenStart >= 0 ? state.tokenStart : this.offset;
    let end = this.offset;
    if (state.quote) {
      const close = text.indexOf(state.quote, this.offset);
      const nl = text.slice(this.offset).search(/[\r\n]/);
      end = close >= 0 && (nl < 0 || close < this.offset + nl) ? close : this.offset;
    } else {
      while (end < text.length && WORD.test(text[end]!)) end++;
    }
    const ctx: CursorContext = {
      kind: 'value',
      path: [],
      replace: { start, end },
      prefix: state.token,
      present: [],
      hasColon: false,
      flow: true,
      needsDash: false,
      needsSpace: false,
      quoted: state.quote !== undefined,
      siblings: [],
      column: this.col,
    };
    const id = itemIdFromFlow(state) ?? this.itemIdOf(frames);
    if (id !== undefined) ctx.itemId = id;
    if (top.open === '[') {
      ctx.path = [...top.path, top.index];
      ctx.siblings = [...top.items, ...FlowScanner.itemsAfter(text, this.offset)];
      return ctx;
    }
    if (top.key !== undefined) {
      ctx.path = [...top.path, top.key];
      ctx.needsSpace = text[this.offset - 1] === ':';
      return ctx;
    }
    if (state.quote) return undefined;
    ctx.kind = 'key';
    ctx.path = top.path;
    ctx.present = [...top.keys, ...flowKeysAfter(text, end)];
    ctx.hasColon = /^\s*:/.test(text.slice(end, end + 50));
    return ctx;
  }

  /** The list index a new item would get under the list key `frames[last]`. */
  private countItems(frames: Frame[]): number {
    const owner = frames[frames.length - 1];
    if (!owner) return 0;
    let n = 0;
    let dashCol = -1;
    for (let l = owner.line + 1; l < this.lines.count && l < this.ln; l++) {
      const s = this.lines.line(l);
      const shape = lineShape(s);
      if (shape.blank) continue;
      if (shape.indent < owner.entry.col || (shape.indent === owner.entry.col && shape.entries[0]?.kind !== 'dash'))
        break;
      const d = shape.entries[0];
      if (d?.kind === 'dash' && (dashCol < 0 || d.col === dashCol)) {
        dashCol = d.col;
        n++;
      }
    }
    return n;
  }

  /** Keys at `col` in the mapping the frames lead to (the cursor's line left out). */
  private presentKeys(frames: Frame[], col: number): string[] {
    const out: string[] = [];
    const owner = frames[frames.length - 1];
    const lines = this.lines;
    let from = 0;
    let keyCol = col;
    let stopAt = -1; // a first entry at or left of this column ends the mapping
    if (owner?.entry.kind === 'dash') {
      from = owner.line;
      stopAt = owner.entry.col;
      const shape = lineShape(lines.line(owner.line));
      const k = shape.entries.find((e) => e.kind === 'key' && e.col > owner.entry.col);
      if (k) keyCol = k.col;
    } else if (owner) {
      from = owner.line + 1;
      stopAt = owner.entry.col;
    }
    if (owner && owner.entry.kind === 'key') {
      for (let l = from; l < lines.count; l++) {
        const shape = lineShape(lines.line(l));
        if (shape.blank) continue;
        keyCol = shape.indent;
        break;
      }
    }
    for (let l = from; l < lines.count; l++) {
      // blank: white space, or a comment after it (a tab before the `#` included)
      const shape = lineShape(lines.line(l));
      if (shape.blank) continue;
      const ind = shape.indent;
      if (l !== from || owner?.entry.kind !== 'dash') {
        if (ind <= stopAt) break;
        if (ind !== keyCol) continue;
      }
      if (l === this.ln) continue;
      for (const e of shape.entries) if (e.kind === 'key' && e.col === keyCol) out.push(e.key);
    }
    return out;
  }

  /** The entries of the block list the cursor is in (its line left out). */
  private blockListEntries(frames: Frame[], newItem: boolean): string[] {
    const lines = this.lines;
    const owner = newItem ? frames[frames.length - 1] : frames[frames.length - 2];
    const dash = newItem ? undefined : frames[frames.length - 1];
    if (!owner) return [];
    const out: string[] = [];
    for (let l = owner.line + 1; l < lines.count; l++) {
      const s = lines.line(l);
      const shape = lineShape(s);
      if (shape.blank) continue;
      const first = shape.entries[0];
      if (shape.indent < owner.entry.col || (shape.indent === owner.entry.col && first?.kind !== 'dash')) break;
      if (l === this.ln) continue;
      if (first?.kind === 'dash' && (!dash || first.col === dash.entry.col) && shape.entries.length === 1 && shape.rest)
        out.push(unquote(shape.rest));
    }
    return out;
  }

  /** The id of the innermost task or milestone around the cursor (and the milestone's id, kept in `lastMilestone`). */
  private itemIdOf(frames: Frame[]): string | undefined {
    let itemFrame: Frame | undefined;
    let milestoneFrame: Frame | undefined;
    const p = pathOf(frames);
    // frames are outermost first; a dash at path length 2 is a milestone, at 4 a task
    let segs = 0;
    for (const f of frames) {
      segs++;
      if (f.entry.kind !== 'dash' || p[0] !== 'milestones') continue;
      if (segs === 2) itemFrame = milestoneFrame = f;
      else if (segs === 4 && p[2] === 'tasks') itemFrame = f;
    }
    this.lastMilestone = milestoneFrame && this.idInItem(milestoneFrame);
    return itemFrame && this.idInItem(itemFrame);
  }

  /** The milestone found by the last itemIdOf. */
  lastMilestone: string | undefined;

  /** The `id:` value of the block list item whose dash is `itemFrame`. */
  private idInItem(itemFrame: Frame): string | undefined {
    const lines = this.lines;
    const d = itemFrame.entry.col;
    let keyCol = -1;
    for (let l = itemFrame.line; l < lines.count; l++) {
      const shape = lineShape(lines.line(l));
      if (shape.blank) continue;
      if (l > itemFrame.line && shape.indent <= d) break;
      for (const e of shape.entries) {
        if (e.kind !== 'key') continue;
        if (keyCol < 0) keyCol = e.col;
        if (e.col === keyCol && e.key === 'id') return e.value ? unquote(e.value) : undefined;
      }
    }
    return undefined;
  }
}
