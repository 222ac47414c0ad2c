/**
 * Builds the source tree from a stream of open/scalar/close calls. Both YAML engines
 * drive this one builder, so duplicate keys, non-text keys, merge keys and spans are
 * decided in one place whichever engine parsed.
 */
import type { RawDiagnostic } from '../diagnostic';
import { spanOf, type MapNode, type ScalarNode, type ScalarStyle, type SeqNode, type SourceNode } from '../sourceTree';
import { resolvePlain } from './scalar';

interface Frame {
  node: MapNode | SeqNode;
  map: boolean;
  /** The plain value being built alongside: a null-prototype object or an array. */
  plain: Record<string, unknown> | unknown[];
  /** For a mapping: the key waiting for its value; 'bad' when the key was rejected. */
  key: ScalarNode | 'bad' | undefined;
  /** The waiting key is already set at this level (the first one wins). */
  duplicate: boolean;
}

export class TreeBuilder {
  root: SourceNode | undefined;
  /** The plain value of the root (null-prototype objects, arrays, scalars), built in the same pass. */
  plain: unknown;
  readonly diagnostics: RawDiagnostic[] = [];
  private readonly stack: Frame[] = [];
  /** The innermost open collection (the stack's last frame). */
  private top: Frame | undefined;
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
    const frame = this.top;
    if (frame !== undefined && frame.map && frame.key === undefined) {
      this.key(frame, frame.node as MapNode, { kind: 'scalar', style, text, value: text, start: s, end: e });
      return;
    }
    const value = style === 'plain' ? resolvePlain(text) : text;
    this.attach({ kind: 'scalar', style, text, value, start: s, end: e }, value);
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
    const parent = (this.top = this.stack[this.stack.length - 1]);
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
    const frame = this.top;
    if (frame !== undefined && frame.map && frame.key === undefined) {
      // A collection as a mapping key (`? [a, b]`, `{a: 1}: x`): not text.
      this.report({
        code: 'yaml-key-not-string',
        severity: 'error',
        message: 'A mapping key must be text, not a list or a mapping.',
        span: { start: node.start, end: node.start + 1 },
      });
      frame.key = 'bad';
      this.discardDepth = 1;
      return;
    }
    const map = node.kind === 'map';
    const plain = map ? nullPrototypeObject() : [];
    this.attach(node, plain);
    const top: Frame = { node, map, plain, key: undefined, duplicate: false };
    this.stack.push(top);
    this.top = top;
  }

  private attach(node: SourceNode, plain: unknown): void {
    const frame = this.top;
    if (frame === undefined) {
      if (!this.root) {
        this.root = node;
        this.plain = plain;
      }
      return;
    }
    const parent = frame.node;
    if (node.end > parent.end) parent.end = node.end;
    if (!frame.map) {
      (parent as SeqNode).items.push(node);
      (frame.plain as unknown[]).push(plain);
      return;
    }
    const key = frame.key as ScalarNode | 'bad';
    frame.key = undefined;
    if (key === 'bad') return;
    const pair = { key, value: node };
    (parent as MapNode).pairs.push(pair);
    if (!frame.duplicate) {
      (parent as MapNode).byKey.set(key.text, pair);
      (frame.plain as Record<string, unknown>)[key.text] = plain;
    }
  }

  /** A scalar in a key's place: its value is its text (`1` and "1" are the same key). */
  private key(frame: Frame, parent: MapNode, key: ScalarNode): void {
    if (key.end > parent.end) parent.end = key.end;
    if (key.style === 'plain') {
      const value = resolvePlain(key.text);
      if (typeof value !== 'string') {
        const what = value === null ? 'null (empty)' : typeof value === 'boolean' ? 'a boolean' : 'a number';
        this.report({
          code: 'yaml-key-not-string',
          severity: 'error',
          message:
            value === null
              ? 'A mapping key is missing or empty.'
              : `The key ${key.text} is read as ${what}; quote it ("${key.text}") to use it as a name.`,
          span: spanOf(key),
        });
      } else if (key.text === '<<') {
        this.report({
          code: 'yaml-anchor',
          severity: 'error',
          message: 'Merge keys (<<) are not allowed in plans: write the keys out.',
          span: spanOf(key),
        });
        frame.key = 'bad';
        return;
      }
    }
    const first = parent.byKey.get(key.text);
    if (first) {
      this.report({
        code: 'yaml-duplicate-key',
        severity: 'error',
        message: `Duplicate key "${key.text}": it is already set at this level.`,
        span: spanOf(key),
        related: [{ message: 'first set here', span: spanOf(first.key) }],
      });
    }
    frame.key = key;
    frame.duplicate = first !== undefined;
  }

  private emptyAt(): number {
    const frame = this.top;
    if (!frame) return 0;
    if (frame.map) return frame.key && frame.key !== 'bad' ? frame.key.end : frame.node.end;
    const items = (frame.node as SeqNode).items;
    const last = items[items.length - 1];
    return last ? last.end : frame.node.start + 1;
  }
}

/**
 * An empty object without a prototype (so `__proto__` is an ordinary key). Not
 * `Object.create(null)`: V8 makes those dictionaries, several times larger and slower to
 * read (the schema validator reads every key) than an object whose prototype was set to
 * null, which keeps fast properties and shares its shape with objects of the same keys.
 */
function nullPrototypeObject(): Record<string, unknown> {
  const o = {};
  Object.setPrototypeOf(o, null);
  return o as Record<string, unknown>;
}
