/**
 * Facts about nodes of the source tree that edits need beyond their offsets: where a node's
 * text really ends, and how the file lays out its nested blocks.
 */
import type { Span } from '../diagnostic';
import type { MapNode, Pair, SeqNode, SourceNode } from '../sourceTree';
import { columnOf, lineEndOf } from './text';

/** Thrown when the text around a node is not what its offsets promise; callers refuse the edit. */
export class EditRefusal extends Error {}

function lastChild(n: SourceNode): SourceNode | undefined {
  if (n.kind === 'map') return n.pairs[n.pairs.length - 1]?.value;
  if (n.kind === 'seq') return n.items[n.items.length - 1];
  return undefined;
}

/** Offset of the `]` or `}` closing a flow collection, searching from `from` past spaces, line breaks, commas and comments. */
export function closerAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ',') continue;
    if (c === '#') {
      i = lineEndOf(text, i) - 1;
      continue;
    }
    if (c === ']' || c === '}') return i;
    break;
  }
  throw new EditRefusal(`no closing bracket after offset ${from}`);
}

/**
 * Where a node's text ends (exclusive). The tree's `end` stops at the last descendant's last
 * character: this adds the closing brackets of flow collections. A block scalar's end is
 * already the start of the line after it (its trailing line breaks belong to it).
 */
export function nodeEnd(text: string, node: SourceNode): number {
  const chain: SourceNode[] = [];
  for (let n: SourceNode | undefined = node; n; n = lastChild(n)) chain.push(n);
  const deepest = chain[chain.length - 1]!;
  let pos = deepest.kind === 'scalar' ? (emptyValueAt(text, deepest)?.end ?? deepest.end) : deepest.start + 1;
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i]!;
    if (c.kind !== 'scalar' && c.flow) pos = closerAfter(text, pos) + 1;
  }
  return pos;
}

/**
 * For an empty (null) value written as nothing (`key:`), where a value would go: right after
 * the colon (the tree puts such a value at the end of its key), through the spaces before a `,`
 * that follows (`{ a: , b: 1 }`, so that no stray space is left). Undefined for other nodes.
 */
export function emptyValueAt(text: string, node: SourceNode): { start: number; end: number } | undefined {
  if (node.kind !== 'scalar' || node.start !== node.end || node.text !== '') return undefined;
  let i = node.start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] !== ':') return { start: node.start, end: node.start };
  let j = i + 1;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return { start: i + 1, end: text[j] === ',' ? j : i + 1 };
}

/** How a file indents its blocks, measured on the file itself (2 each when it has no example). */
export interface Layout {
  /** Keys of a block mapping nested under a key: this many columns right of that key. */
  mapIndent: number;
  /** The dashes of a block sequence under a key: this many columns right of the key (0: `key:\n- item`). */
  seqIndent: number;
  /** A mapping item's keys: this many columns right of its dash (`- id: x` is 2). */
  itemOffset: number;
}

export const DEFAULT_LAYOUT: Layout = { mapIndent: 2, seqIndent: 2, itemOffset: 2 };

/** The layout of the file, from the first examples found breadth-first (a bounded walk). */
export function detectLayout(text: string, root: SourceNode | undefined): Layout {
  let mapIndent: number | undefined;
  let seqIndent: number | undefined;
  let itemOffset: number | undefined;
  const queue: SourceNode[] = root ? [root] : [];
  for (let visited = 0; visited < queue.length && visited < 2000; visited++) {
    const n = queue[visited]!;
    if (n.kind === 'map' && !n.flow) {
      for (const p of n.pairs) {
        const v = p.value;
        if (v.kind === 'scalar' || v.flow) continue;
        const keyCol = columnOf(text, p.key.start);
        if (v.kind === 'map' && mapIndent === undefined && v.pairs[0])
          mapIndent = columnOf(text, v.pairs[0].key.start) - keyCol;
        if (v.kind === 'seq' && seqIndent === undefined) seqIndent = columnOf(text, v.start) - keyCol;
        queue.push(v);
      }
    } else if (n.kind === 'seq' && !n.flow) {
      for (const item of n.items) {
        if (item.kind === 'map' && !item.flow && itemOffset === undefined && item.pairs[0]) {
          const off = itemOffsetOf(text, n, item);
          if (off !== undefined) itemOffset = off;
        }
        if (item.kind !== 'scalar' && !item.flow) queue.push(item);
      }
    }
    if (mapIndent !== undefined && seqIndent !== undefined && itemOffset !== undefined) break;
  }
  return {
    mapIndent: mapIndent !== undefined && mapIndent > 0 ? mapIndent : DEFAULT_LAYOUT.mapIndent,
    seqIndent: seqIndent !== undefined && seqIndent >= 0 ? seqIndent : DEFAULT_LAYOUT.seqIndent,
    itemOffset: itemOffset !== undefined && itemOffset > 1 ? itemOffset : DEFAULT_LAYOUT.itemOffset,
  };
}

/** Columns from a block sequence's dash to the first key of a mapping item written on the dash's line. */
export function itemOffsetOf(text: string, seq: SeqNode, item: MapNode): number | undefined {
  const first = item.pairs[0];
  if (!first) return undefined;
  const dash = text.lastIndexOf('-', item.start);
  if (dash < seq.start || lineEndOf(text, dash) < first.key.start) return undefined;
  return columnOf(text, first.key.start) - columnOf(text, dash);
}

/** One node on the way down from the root, with the collection holding it and where. */
export interface NodeStep {
  node: SourceNode;
  parent?: MapNode | SeqNode;
  /** For a key or a value of a mapping: its pair. */
  pair?: Pair;
  /** For an item of a sequence: its index. */
  index?: number;
}

/**
 * The nodes from the root down to the scalar (a key, a value, an empty value) whose span is
 * exactly `span`, or undefined. Iterative and bounded.
 */
export function chainTo(root: SourceNode | undefined, span: Span): NodeStep[] | undefined {
  if (!root) return undefined;
  const chain: NodeStep[] = [{ node: root }];
  let node: SourceNode = root;
  for (let guard = 0; guard < 10000; guard++) {
    if (node.kind === 'scalar') return node.start === span.start && node.end === span.end ? chain : undefined;
    let next: NodeStep | undefined;
    if (node.kind === 'map') {
      for (const p of node.pairs) {
        if (p.key.start === span.start && p.key.end === span.end)
          return [...chain, { node: p.key, parent: node, pair: p }];
        if (p.value.start <= span.start && span.end <= Math.max(p.value.end, p.value.start)) {
          next = { node: p.value, parent: node, pair: p };
          break;
        }
      }
    } else {
      const i = node.items.findIndex((it) => it.start <= span.start && span.end <= it.end);
      if (i >= 0) next = { node: node.items[i]!, parent: node, index: i };
    }
    if (!next) return undefined;
    chain.push(next);
    node = next.node;
  }
  return undefined;
}
