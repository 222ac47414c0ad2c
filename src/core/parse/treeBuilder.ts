/**
 * Builds the source tree from a stream of open/scalar/close calls. Both YAML engines
 * drive this one builder, so duplicate keys, non-text keys, merge keys and spans are
 * decided in one place whichever engine parsed.
 */
import type { RawDiagnostic } from '../diagnostic';
import type { MapNode, ScalarNode, ScalarStyle, SeqNode, SourceNode } from '../sourceTree';
import { resolvePlain } from './scalar';

interface Frame {
  node: MapNode | SeqNode;
  /** The plain value being built alongside: a null-prototype object or an array. */
  plain: Record<string, unknown> | unknown[];
  /** For a mapping: the key waiting for its value; 'bad' when the key was rejected. */
  key: ScalarNode | 'bad' | undefined;
}

export class TreeBuilder {
  root: SourceNode | undefined;
  /** The plain value of the root (null-prototype objects, arrays, scalars), built in the same pass. */
  plain: unknown;
  readonly diagnostics: RawDiagnostic[] = [];
  private readonly stack: Frame[] = [];
  /** A collection used as a key: built, then thrown away. */
  private discardDepth = 0;

  scalar(start: number, end: number, style: ScalarStyle, text: string): void {
    if (this.discardDepth) return;
    let s = start;
    let e = end;
    if (s < 0) {
      // An empty (null) scalar has no text: it sits right after its key, or after the previous item.
      s = e = this.emptyAt();
    }
    const node: ScalarNode = { kind: 'scalar', style, text, value: style === 'plain' ? resolvePlain(text) : text, start: s, end: e };
    this.attach(node, node.value);
  }

  openMap(start: number, flow: boolean): void {
    this.open({ kind: 'map', flow, pairs: [], byKey: new Map(), start, end: start + 1 });
  }

  openSeq(start: number, flow: boolean): void {
    this.open({ kind: 'seq', flow, items: [], start, end: start + 1 });
  }

  close(): void {
    if (this.discardDepth) {
      this.discardDepth--;
      return;
    }
    const frame = this.stack.pop();
    if (!frame) return;
    const parent = this.stack[this.stack.length - 1];
    if (parent && frame.node.end > parent.node.end) parent.node.end = frame.node.end;
  }

  report(d: RawDiagnostic): void {
    this.diagnostics.push(d);
  }

  private open(node: MapNode | SeqNode): void {
    if (this.discardDepth) {
      this.discardDepth++;
      return;
    }
    const frame = this.stack[this.stack.length - 1];
    if (frame && frame.node.kind === 'map' && frame.key === undefined) {
      // A collection as a mapping key (`? [a, b]`, `{a: 1}: x`): not text.
      this.report({ code: 'yaml-key-not-string', severity: 'error', message: 'A mapping key must be text, not a list or a mapping.', span: { start: node.start, end: node.start + 1 } });
      frame.key = 'bad';
      this.discardDepth = 1;
      return;
    }
    const plain = node.kind === 'map' ? (Object.create(null) as Record<string, unknown>) : [];
    this.attach(node, plain);
    this.stack.push({ node, plain, key: undefined });
  }

  private attach(node: SourceNode, plain: unknown): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      if (!this.root) {
        this.root = node;
        this.plain = plain;
      }
      return;
    }
    const parent = frame.node;
    if (node.end > parent.end) parent.end = node.end;
    if (parent.kind === 'seq') {
      parent.items.push(node);
      (frame.plain as unknown[]).push(plain);
      return;
    }
    if (frame.key === undefined) {
      frame.key = this.acceptKey(parent, node as ScalarNode);
      return;
    }
    const key = frame.key;
    frame.key = undefined;
    if (key === 'bad') return;
    const pair = { key, value: node };
    parent.pairs.push(pair);
    if (!parent.byKey.has(key.text)) {
      parent.byKey.set(key.text, pair);
      (frame.plain as Record<string, unknown>)[key.text] = plain;
    }
  }

  private acceptKey(parent: MapNode, key: ScalarNode): ScalarNode | 'bad' {
    const span = { start: key.start, end: key.end };
    if (key.style === 'plain' && typeof key.value !== 'string') {
      const what = key.value === null ? 'null (empty)' : typeof key.value === 'boolean' ? 'a boolean' : 'a number';
      this.report({
        code: 'yaml-key-not-string',
        severity: 'error',
        message: key.value === null ? 'A mapping key is missing or empty.' : `The key ${key.text} is read as ${what}; quote it ("${key.text}") to use it as a name.`,
        span,
      });
    } else if (key.style === 'plain' && key.text === '<<') {
      this.report({ code: 'yaml-anchor', severity: 'error', message: 'Merge keys (<<) are not allowed in plans: write the keys out.', span });
      return 'bad';
    }
    const first = parent.byKey.get(key.text);
    if (first) {
      this.report({
        code: 'yaml-duplicate-key',
        severity: 'error',
        message: `Duplicate key "${key.text}": it is already set at this level.`,
        span,
        related: [{ message: 'first set here', span: { start: first.key.start, end: first.key.end } }],
      });
    }
    key.value = key.text; // a key is a name: `1` and "1" are the same key
    return key;
  }

  private emptyAt(): number {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return 0;
    if (frame.node.kind === 'map') return frame.key && frame.key !== 'bad' ? frame.key.end : frame.node.end;
    const last = frame.node.items[frame.node.items.length - 1];
    return last ? last.end : frame.node.start + 1;
  }
}
