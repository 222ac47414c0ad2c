/** Where a schema error is shown: on the key, the value or the item at fault, never on the whole file. */
import type { Span } from '../../diagnostic';
import { nodeAtPath, spanOf, type SourceNode } from '../../sourceTree';

/** The span for "something is wrong with this object": its key in the parent, or its first line. */
export function ownerSpan(tree: SourceNode, path: string[]): Span {
  if (path.length === 0) {
    const first = tree.kind === 'map' ? tree.pairs[0] : undefined;
    return first ? spanOf(first.key) : { start: tree.start, end: tree.start };
  }
  const parent = nodeAtPath(tree, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (parent?.kind === 'map') {
    const p = parent.byKey.get(last);
    if (p) return spanOf(p.key);
  }
  const node = nodeAtPath(tree, path);
  if (node?.kind === 'map') {
    // a list item: its `id: value` (or first entry) names it
    const id = node.byKey.get('id') ?? node.pairs[0];
    if (id) return { start: id.key.start, end: id.value.kind === 'scalar' ? id.value.end : id.key.end };
  }
  return node ? { start: node.start, end: Math.min(node.end, node.start + 1) } : { start: 0, end: 0 };
}

/** A value's span; an empty value (`key:`) is shown on its key. */
export function valueSpan(tree: SourceNode, path: string[], node = nodeAtPath(tree, path)): Span {
  if (!node) return ownerSpan(tree, path.slice(0, -1));
  if (node.start === node.end) return ownerSpan(tree, path);
  return spanOf(node);
}

/** A key of the mapping at `path` (an unknown key, a bad name); the mapping's own place when it is not there. */
export function keyOrOwnerSpan(tree: SourceNode, path: string[], node: SourceNode | undefined, key: string): Span {
  const pair = node?.kind === 'map' ? node.byKey.get(key) : undefined;
  return pair ? spanOf(pair.key) : ownerSpan(tree, path);
}
