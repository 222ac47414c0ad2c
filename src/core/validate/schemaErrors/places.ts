/**
 * Where a schema error is shown: on the key, the value or the item at fault, never on the whole
 * file. A place may be a node itself (a span is its start and end): an error's place is worked
 * out for every error, and only the errors reported get a span object of their own.
 */
import type { Span } from '../../diagnostic';
import { nodeAtPath, type SourceNode } from '../../sourceTree';

/** The span for "something is wrong with this object": its key in the parent, or its first line. */
export function ownerSpan(tree: SourceNode, path: string[]): Span {
  if (path.length === 0) return rootOwnerSpan(tree);
  return ownerSpanIn(nodeAtPath(tree, path.slice(0, -1)), path[path.length - 1]!, nodeAtPath(tree, path));
}

/** `ownerSpan` of the node at an error's instance path, its parent already found (`NodeFinder`). */
export function ownerSpanAt(
  tree: SourceNode,
  instancePath: string,
  node: SourceNode | undefined,
  parent: SourceNode | undefined,
): Span {
  if (!instancePath) return rootOwnerSpan(tree);
  return ownerSpanIn(parent, lastKey(instancePath), node);
}

function rootOwnerSpan(tree: SourceNode): Span {
  const first = tree.kind === 'map' ? tree.pairs[0] : undefined;
  return first ? first.key : { start: tree.start, end: tree.start };
}

/** The owner's span of `node`, the child `last` of `parent`. */
function ownerSpanIn(parent: SourceNode | undefined, last: string, node: SourceNode | undefined): Span {
  if (parent?.kind === 'map') {
    const p = parent.byKey.get(last);
    if (p) return p.key;
  }
  if (node?.kind === 'map') {
    // a list item: its `id: value` (or first entry) names it
    const id = node.byKey.get('id') ?? node.pairs[0];
    if (id) return { start: id.key.start, end: id.value.kind === 'scalar' ? id.value.end : id.key.end };
  }
  return node ? { start: node.start, end: Math.min(node.end, node.start + 1) } : { start: 0, end: 0 };
}

/** A value's span (the value `node` at `instancePath`); an empty value (`key:`) is shown on its key. */
export function valueSpan(tree: SourceNode, instancePath: string, node: SourceNode | undefined): Span {
  if (node && node.start !== node.end) return node;
  const path = pathOf(instancePath);
  return node ? ownerSpan(tree, path) : ownerSpan(tree, path.slice(0, -1));
}

/** A key of the mapping `node` at `instancePath` (an unknown key, a bad name); the mapping's own place when it is not there. */
export function keyOrOwnerSpan(
  tree: SourceNode,
  instancePath: string,
  node: SourceNode | undefined,
  key: string,
): Span {
  const pair = node?.kind === 'map' ? node.byKey.get(key) : undefined;
  return pair ? pair.key : ownerSpan(tree, pathOf(instancePath));
}

/** An ajv instance path (a JSON pointer: `/milestones/0/tasks`) as its keys. */
export function pathOf(instancePath: string): string[] {
  if (!instancePath) return [];
  const segments = instancePath.slice(1).split('/');
  return instancePath.includes('~') ? segments.map(unescapeKey) : segments;
}

/**
 * The node at an ajv instance path, for error after error. The errors of one array's or one
 * mapping's items come one after another, so their parent is kept: an item is then found
 * without splitting its path or allocating (many errors cost little more than their count).
 */
export class NodeFinder {
  private parentPath: string | undefined;
  /** The parent of the node the last `at` found (undefined for the root). */
  parent: SourceNode | undefined;

  constructor(private readonly root: SourceNode) {}

  at(instancePath: string): SourceNode | undefined {
    const cut = instancePath.lastIndexOf('/');
    if (cut < 0) {
      this.parentPath = undefined;
      this.parent = undefined;
      return this.root;
    }
    const known = this.parentPath;
    if (known === undefined || cut !== known.length || !instancePath.startsWith(known)) {
      this.parentPath = instancePath.slice(0, cut);
      this.parent = nodeAtPath(this.root, pathOf(this.parentPath));
    }
    return childAt(this.parent, instancePath, cut + 1);
  }
}

/** The child of `parent` named by `instancePath` from `from` on (an index, or an escaped key). */
function childAt(parent: SourceNode | undefined, instancePath: string, from: number): SourceNode | undefined {
  if (parent?.kind === 'seq') {
    let index = 0;
    for (let i = from; i < instancePath.length; i++) {
      const digit = instancePath.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return undefined;
      index = index * 10 + digit;
    }
    return from < instancePath.length ? parent.items[index] : undefined;
  }
  if (parent?.kind !== 'map') return undefined;
  return parent.byKey.get(unescapeKey(instancePath.slice(from)))?.value;
}

/** The last key of an instance path (a JSON pointer), unescaped. */
function lastKey(instancePath: string): string {
  return unescapeKey(instancePath.slice(instancePath.lastIndexOf('/') + 1));
}

const unescapeKey = (key: string): string => (key.includes('~') ? key.replace(/~1/g, '/').replace(/~0/g, '~') : key);
