/**
 * What the parser's tree says a line-by-line reader should see: for each line of a text that
 * parsed, its `- ` item markers and `key:` entries with their columns, the value written on the
 * line and the comment's column; and, for each flow collection, its scalars in text order with
 * the frames that enclose them. The editing reader's differential test compares its reading
 * with these.
 */
import { nodeEnd } from '../../../src/core/edit/nodes';
import { commentSpans } from '../../../src/core/edit/verify';
import { Lines } from '../../../src/core/editing/yamlLines';
import type { PathSeg } from '../../../src/core/schemaView';
import type { MapNode, ScalarNode, SeqNode, SourceNode } from '../../../src/core/sourceTree';

/** An entry with the path of the value it holds (a list item's index, a key, last). */
export type ExpectedEntry =
  | { kind: 'dash'; col: number; item: SourceNode; path: PathSeg[] }
  | { kind: 'key'; col: number; key: string; keyEnd: number; colonEnd: number; value: SourceNode; path: PathSeg[] };

export interface ExpectedLine {
  /** 'block': the line starts outside every scalar and flow collection; 'flow': inside a flow collection. */
  where: 'block' | 'flow';
  entries: ExpectedEntry[];
  /** Column of the line's comment, or -1. */
  comment: number;
}

/** A scalar inside a flow collection, with the collections around it (outermost first). */
export interface FlowScalar {
  scalar: ScalarNode;
  role: 'item' | 'key' | 'value';
  /** The enclosing flow collections, outermost first; the last one holds the scalar. */
  frames: { node: MapNode | SeqNode; path: PathSeg[]; child: number }[];
}

export interface Oracle {
  lines: Lines;
  /** By line number; lines that start inside a scalar are left out. */
  byLine: Map<number, ExpectedLine>;
  /** Outermost flow collections with the offset after their closing bracket. */
  flows: { node: MapNode | SeqNode; end: number }[];
  flowScalars: FlowScalar[];
}

const isWhite = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * The oracle of a clean text, or undefined where the editing reader does not claim to read what
 * the parser reads (the yaml engine reads more than the subset plans are written in): a pair
 * written straight in a flow sequence (`[x: y]`, `[? x]`) is a one-pair mapping to the parser
 * and the item `x: y` to the reader; a block key written after `? ` (an explicit key) is no
 * `key:` on its line.
 */
export function oracle(text: string, tree: SourceNode): Oracle | undefined {
  if (outsideReader(text, tree)) return undefined;
  return readTree(text, tree);
}

function outsideReader(text: string, tree: SourceNode): boolean {
  const stack = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'map') {
      if (n.flow && text[n.start] !== '{') return true;
      for (const p of n.pairs) {
        let colon = p.key.end;
        while (isWhite(text[colon])) colon++;
        if (!n.flow && text[colon] !== ':') return true;
        stack.push(p.value);
      }
    } else if (n.kind === 'seq') stack.push(...n.items);
  }
  return false;
}

function readTree(text: string, tree: SourceNode): Oracle {
  const lines = new Lines(text);
  const insideScalar: [number, number][] = [];
  const insideFlow: [number, number][] = [];
  const entries: { at: number; entry: ExpectedEntry }[] = [];
  const flows: Oracle['flows'] = [];
  const flowScalars: FlowScalar[] = [];

  const colOf = (at: number): number => at - lines.start(lines.lineOf(at));

  const visit = (node: SourceNode, path: PathSeg[]): void => {
    if (node.kind === 'scalar') {
      insideScalar.push([node.start, node.end]);
      return;
    }
    if (node.flow) {
      const end = nodeEnd(text, node);
      insideFlow.push([node.start, end]);
      flows.push({ node, end });
      collectFlow(node, [], [], flowScalars, insideScalar);
      return;
    }
    if (node.kind === 'seq') {
      let dash = node.start;
      const col = colOf(dash);
      node.items.forEach((item, i) => {
        if (i > 0) dash = nextDash(lines, lines.lineOf(dash) + 1, col);
        entries.push({ at: dash, entry: { kind: 'dash', col, item, path: [...path, i] } });
        visit(item, [...path, i]);
      });
      return;
    }
    for (const p of node.pairs) {
      let colon = p.key.end;
      while (isWhite(text[colon])) colon++;
      if (text[colon] !== ':') throw new Error(`no colon after the key at ${p.key.start}`);
      const base = lines.start(lines.lineOf(p.key.start));
      const at = [...path, p.key.text];
      entries.push({
        at: p.key.start,
        entry: {
          kind: 'key',
          col: p.key.start - base,
          key: p.key.text,
          keyEnd: p.key.end - base,
          colonEnd: colon + 1 - base,
          value: p.value,
          path: at,
        },
      });
      insideScalar.push([p.key.start, p.key.end]);
      visit(p.value, at);
    }
  };
  visit(tree, []);

  const comments = commentSpans(text, tree);
  const byLine = new Map<number, ExpectedLine>();
  const within = (spans: [number, number][], at: number) => spans.some(([s, e]) => s < at && at < e);
  for (let n = 0; n < lines.count; n++) {
    const start = lines.start(n);
    if (within(insideScalar, start)) continue;
    const comment = comments.find((c) => c.start >= start && c.start <= lines.end(n));
    byLine.set(n, {
      where: within(insideFlow, start) ? 'flow' : 'block',
      entries: [],
      comment: comment ? comment.start - start : -1,
    });
  }
  for (const { at, entry } of entries) byLine.get(lines.lineOf(at))?.entries.push(entry);
  for (const line of byLine.values()) line.entries.sort((a, b) => a.col - b.col);
  return { lines, byLine, flows, flowScalars };
}

/** The `-` at column `col` of the first line from `from` indented exactly `col`. */
function nextDash(lines: Lines, from: number, col: number): number {
  for (let n = from; n < lines.count; n++) {
    const s = lines.line(n);
    if (lines.indent(n) === col && s[col] === '-') return lines.start(n) + col;
  }
  throw new Error(`no item marker at column ${col} after line ${from}`);
}

/** Records the scalars of a flow collection with the frames around each. */
function collectFlow(
  node: MapNode | SeqNode,
  path: PathSeg[],
  outer: FlowScalar['frames'],
  out: FlowScalar[],
  insideScalar: [number, number][],
): void {
  const children: [SourceNode, FlowScalar['role'], number][] =
    node.kind === 'seq'
      ? node.items.map((n, i) => [n, 'item', i])
      : node.pairs.flatMap((p, i): [SourceNode, FlowScalar['role'], number][] => [
          [p.key, 'key', i],
          [p.value, 'value', i],
        ]);
  for (const [child, role, index] of children) {
    const frames = [...outer, { node, path, child: index }];
    if (child.kind === 'scalar') {
      insideScalar.push([child.start, child.end]);
      if (child.start < child.end) out.push({ scalar: child, role, frames });
      continue;
    }
    const seg: PathSeg = node.kind === 'seq' ? index : node.pairs[index]!.key.text;
    collectFlow(child, [...path, seg], frames, out, insideScalar);
  }
}

/** The text a line-by-line reader sees of `node` on the line where it starts: up to the line's end or a comment, trailing white space removed. */
export function firstLineText(text: string, lines: Lines, node: SourceNode, comments: { start: number }[]): string {
  const n = lines.lineOf(node.start);
  let end = Math.min(lines.end(n), node.kind === 'scalar' ? node.end : node.flow ? nodeEnd(text, node) : node.end);
  const c = comments.find((x) => x.start >= node.start && x.start < end);
  if (c) end = c.start;
  while (end > node.start && isWhite(text[end - 1])) end--;
  return text.slice(node.start, end);
}
