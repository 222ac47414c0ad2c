/**
 * The plan text as a tree of nodes with offsets: what both YAML engines produce
 * (the block engine's one pass and the round-tripping `yaml` Document), so that
 * everything after parsing behaves the same whichever engine ran.
 */
import type { Span } from './diagnostic';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';
export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Offset of the node's first character (a quote or block indicator included). */
  start: number;
  /** End offset, exclusive: for a collection, the end of its last descendant. */
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  style: ScalarStyle;
  /** The decoded text (escapes and folding applied). */
  text: string;
  /** The value under the YAML 1.2 core schema: plain scalars may be null, booleans or numbers. */
  value: ScalarValue;
}

export interface Pair {
  key: ScalarNode;
  value: SourceNode;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  flow: boolean;
  pairs: Pair[];
  /** Key text -> first pair with that key (duplicates are reported, the first one wins). */
  byKey: Map<string, Pair>;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  flow: boolean;
  items: SourceNode[];
}

export type SourceNode = ScalarNode | MapNode | SeqNode;

export function spanOf(node: { start: number; end: number }): Span {
  return { start: node.start, end: node.end };
}

export function pairOf(node: SourceNode | undefined, key: string): Pair | undefined {
  return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}

export function valueOf(node: SourceNode | undefined, key: string): SourceNode | undefined {
  return pairOf(node, key)?.value;
}

/** The span of a key in a mapping, or undefined. */
export function keySpan(node: SourceNode | undefined, key: string): Span | undefined {
  const p = pairOf(node, key);
  return p && spanOf(p.key);
}

/** The span of a key's value in a mapping, or undefined. */
export function valueSpanOf(node: SourceNode | undefined, key: string): Span | undefined {
  const p = pairOf(node, key);
  return p && spanOf(p.value);
}

/** The node at a JSON-pointer-like path of keys and indexes, or undefined. */
export function nodeAtPath(root: SourceNode | undefined, path: readonly (string | number)[]): SourceNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.kind === 'map') node = node.byKey.get(String(seg))?.value;
    else if (node.kind === 'seq')
      node = typeof seg === 'number' || /^\d+$/.test(seg) ? node.items[Number(seg)] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * The plain value of a node: null-prototype objects (so `__proto__` is an ordinary key),
 * arrays and scalars. Built iteratively: no recursion however deep the tree.
 */
export function toPlain(root: SourceNode): unknown {
  const out = (n: SourceNode): unknown =>
    n.kind === 'scalar' ? n.value : n.kind === 'map' ? Object.create(null) : new Array(n.items.length);
  const rootValue = out(root);
  const stack: [SourceNode, unknown][] = [[root, rootValue]];
  while (stack.length) {
    const [node, value] = stack.pop()!;
    if (node.kind === 'map') {
      const obj = value as Record<string, unknown>;
      for (const p of node.pairs) {
        if (node.byKey.get(p.key.text) !== p) continue;
        const v = out(p.value);
        obj[p.key.text] = v;
        if (p.value.kind !== 'scalar') stack.push([p.value, v]);
      }
    } else if (node.kind === 'seq') {
      const arr = value as unknown[];
      node.items.forEach((item, i) => {
        const v = out(item);
        arr[i] = v;
        if (item.kind !== 'scalar') stack.push([item, v]);
      });
    }
  }
  return rootValue;
}
