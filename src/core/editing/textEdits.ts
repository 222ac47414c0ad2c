/**
 * Minimal text edits on plan text for quick fixes and renames: replace a scalar keeping its
 * quotes, remove a key or a list entry in block or flow style, add an entry at the end of a
 * mapping in the mapping's own style. Every edit touches only the characters it must, so
 * comments, key order, quotes, CRLF and the final newline stay as they were.
 */
import type { Span } from '../diagnostic';
import type { MapNode, Pair, ScalarNode, SeqNode, SourceNode } from '../sourceTree';
import { yamlId } from './yamlText';
import { Lines, indentOf } from './yamlLines';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Apply non-overlapping edits (in any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}

/** The line break the text uses. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

// ---------------------------------------------------------------- finding nodes

export interface NodeStep {
  node: SourceNode;
  /** The parent collection, and where in it the node sits. */
  parent?: MapNode | SeqNode;
  pair?: Pair;
  index?: number;
}

/** The chain of nodes from the root down to the node whose span is exactly `span` (a key or a value). */
export function chainTo(root: SourceNode | undefined, span: Span): NodeStep[] | undefined {
  if (!root) return undefined;
  const chain: NodeStep[] = [{ node: root }];
  let node: SourceNode = root;
  for (let guard = 0; guard < 10000; guard++) {
    if (node.start === span.start && node.end === span.end && node.kind === 'scalar') return chain;
    if (node.kind === 'map') {
      let next: NodeStep | undefined;
      for (const p of node.pairs) {
        if (p.key.start === span.start && p.key.end === span.end) return [...chain, { node: p.key, parent: node, pair: p }];
        if (p.value.start <= span.start && span.end <= Math.max(p.value.end, p.value.start)) {
          next = { node: p.value, parent: node, pair: p };
          break;
        }
      }
      if (!next) return undefined;
      chain.push(next);
      node = next.node;
    } else if (node.kind === 'seq') {
      const i = node.items.findIndex((it) => it.start <= span.start && span.end <= it.end);
      if (i < 0) return undefined;
      chain.push({ node: node.items[i]!, parent: node, index: i });
      node = node.items[i]!;
    } else {
      return node.start === span.start && node.end === span.end ? chain : undefined;
    }
  }
  return undefined;
}

/** Offset of the closing bracket of a flow collection (its node's end is its last entry's end). */
export function flowClose(text: string, node: MapNode | SeqNode): number {
  const close = node.kind === 'map' ? '}' : ']';
  const empty = node.kind === 'map' ? node.pairs.length === 0 : node.items.length === 0;
  let i = empty ? node.start + 1 : node.end;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === close) return i;
    if (c === '#') while (i < text.length && text[i] !== '\n') i++;
  }
  return text.length;
}

// ---------------------------------------------------------------- scalars

/** Replace a scalar's text, keeping its quotes (`"x"` stays double-quoted). */
export function replaceScalar(text: string, node: ScalarNode, value: string): TextEdit {
  const raw = text.slice(node.start, node.end);
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q) && !/[\\'"]/.test(value)) {
    return { span: { start: node.start + 1, end: node.end - 1 }, newText: value };
  }
  if (node.start === node.end) return { span: { start: node.start, end: node.end }, newText: value };
  return { span: { start: node.start, end: node.end }, newText: yamlId(value) };
}

/** The span of an id's text (inside quotes when quoted and plain inside), for renames. */
export function innerSpan(text: string, span: Span, id: string): Span {
  const raw = text.slice(span.start, span.end);
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q) && raw.slice(1, -1) === id) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

// ---------------------------------------------------------------- removing

/** The whole lines from the one holding `start` to the one holding `end - 1`, line breaks included. */
function wholeLines(lines: Lines, start: number, end: number): Span {
  const first = lines.lineOf(start);
  const last = lines.lineOf(Math.max(start, end - 1));
  return { start: lines.start(first), end: lines.next(last) };
}

/** Whether only spaces (and a `- ` or a comment) stand before `offset` on its line, and only a comment after `end`. */
function aloneOnLines(text: string, lines: Lines, start: number, end: number, allowDash: boolean): boolean {
  const l0 = lines.lineOf(start);
  const before = text.slice(lines.start(l0), start);
  if (!(allowDash ? /^\s*(-\s+)?$/ : /^\s*$/).test(before)) return false;
  const l1 = lines.lineOf(Math.max(start, end - 1));
  const after = text.slice(end, lines.end(l1));
  return /^\s*(#.*)?$/.test(after);
}

/** The end of a pair's value: for a flow collection, after its closing bracket. */
function pairEnd(text: string, p: Pair): number {
  const v = p.value;
  if ((v.kind === 'map' || v.kind === 'seq') && v.flow) return flowClose(text, v) + 1;
  return Math.max(v.end, p.key.end);
}

/** Remove a key and its value from a mapping. */
export function removePair(text: string, map: MapNode, pair: Pair): TextEdit {
  const lines = new Lines(text);
  const i = map.pairs.indexOf(pair);
  const end = pairEnd(text, pair);
  if (map.flow) {
    const next = map.pairs[i + 1];
    const prev = map.pairs[i - 1];
    if (next) return { span: { start: pair.key.start, end: next.key.start }, newText: '' };
    if (prev) return { span: { start: pairEnd(text, prev), end }, newText: '' };
    return { span: { start: pair.key.start, end }, newText: '' };
  }
  const next = map.pairs[i + 1];
  const l0 = lines.lineOf(pair.key.start);
  const before = text.slice(lines.start(l0), pair.key.start);
  if (/-\s+$/.test(before) && next) {
    // the first key of a list item (`- due: x`): the next key moves up behind the dash
    return { span: { start: pair.key.start, end: next.key.start }, newText: '' };
  }
  if (aloneOnLines(text, lines, pair.key.start, end, false)) return { span: wholeLines(lines, pair.key.start, end), newText: '' };
  return { span: { start: pair.key.start, end }, newText: '' };
}

/** Remove entry `index` from a list; `owner` is the pair holding the list (removed when the list would be empty). */
export function removeItem(text: string, seq: SeqNode, index: number, owner?: { map: MapNode; pair: Pair }): TextEdit {
  const item = seq.items[index]!;
  if (seq.items.length === 1 && owner) return removePair(text, owner.map, owner.pair);
  const lines = new Lines(text);
  const itemEnd = (n: SourceNode): number => ((n.kind === 'map' || n.kind === 'seq') && n.flow ? flowClose(text, n) + 1 : n.end);
  if (seq.flow) {
    const next = seq.items[index + 1];
    const prev = seq.items[index - 1];
    if (next) return { span: { start: item.start, end: next.start }, newText: '' };
    if (prev) return { span: { start: itemEnd(prev), end: itemEnd(item) }, newText: '' };
    return { span: { start: item.start, end: itemEnd(item) }, newText: '' };
  }
  const end = itemEnd(item);
  if (aloneOnLines(text, lines, item.start, end, true)) return { span: wholeLines(lines, item.start, end), newText: '' };
  return { span: { start: item.start, end }, newText: '' };
}

// ---------------------------------------------------------------- adding

/**
 * Add `key: value` at the end of a mapping, in its style. `value` is given in both styles:
 * `flow` for a one-line value (`{ name: sam }`) and `block` lines for a nested mapping.
 */
export function appendPair(text: string, map: MapNode, key: string, value: { flow: string; block: string[] }): TextEdit {
  const eol = eolOf(text);
  if (map.flow) {
    const close = flowClose(text, map);
    if (map.pairs.length === 0) return { span: { start: map.start, end: close + 1 }, newText: `{ ${key}: ${value.flow} }` };
    const last = map.pairs[map.pairs.length - 1]!;
    const end = pairEnd(text, last);
    return { span: { start: end, end }, newText: `, ${key}: ${value.flow}` };
  }
  const lines = new Lines(text);
  const last = map.pairs[map.pairs.length - 1];
  if (!last) return { span: { start: map.start, end: map.start }, newText: `${key}: ${value.flow}` };
  const keyLine = lines.lineOf(last.key.start);
  const indent = last.key.start - lines.start(keyLine);
  const lastLine = lines.lineOf(Math.max(last.key.start, pairEnd(text, last) - 1));
  const at = lines.end(lastLine);
  // block style when the last entry's value is a block mapping
  const v = last.value;
  if (v.kind === 'map' && !v.flow && v.pairs.length) {
    const inner = indentOf(lines.line(lines.lineOf(v.pairs[0]!.key.start)));
    const step = Math.max(1, inner - indent);
    const pad = ' '.repeat(indent);
    return { span: { start: at, end: at }, newText: `${eol}${pad}${key}:${value.block.map((l) => `${eol}${pad}${' '.repeat(step)}${l}`).join('')}` };
  }
  return { span: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}${key}: ${value.flow}` };
}
