/**
 * Text -> source tree. Never throws. Preflight (size), then the block engine (the fast path),
 * then the `yaml` engine when it gives up; a BOM is set aside and offsets kept. Each engine
 * refuses nesting deeper than MAX_DEPTH itself, counting the collections it opens, so the
 * verdict is exact and the same in both (`too-deep`, and nothing else).
 */
import type { RawDiagnostic } from '../diagnostic';
import type { SourceNode } from '../sourceTree';
import { parseBlock } from './blockEngine';
import type { EngineResult } from './engineResult';
import { checkSize, DEFAULT_MAX_SIZE } from './preflight';
import type { Repair } from './unclosed';
import { parseWithYaml } from './yamlEngine';

/** `fast`: the block engine, with the `yaml` engine behind it; `yaml`: the `yaml` engine alone. */
export type Engine = 'fast' | 'yaml';

export interface ParseOptions {
  maxSize?: number;
  engine?: Engine;
  /**
   * The block engine alone: text it does not read cleanly gives no tree and no problem. For the
   * copy with a quote or bracket closed (check.ts), whose check must cost no more than one read.
   */
  blockOnly?: boolean;
}

export interface ParseResult {
  tree: SourceNode | undefined;
  /** The plain value of the tree, built in the same pass. */
  plain: unknown;
  diagnostics: RawDiagnostic[];
  /** Which engine produced the tree. */
  engine: Engine;
  /** A quote or bracket left open: where its closing character would let the rest be read. */
  repair?: Repair;
}

export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const engine = options.engine ?? 'fast';
  const tooBig = checkSize(text, options.maxSize ?? DEFAULT_MAX_SIZE);
  if (tooBig) return { tree: undefined, plain: undefined, diagnostics: [tooBig], engine };
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let body = bom ? text.slice(1) : text;
  // A lone CR is a line break in YAML 1.2 and in editors, but not to the `yaml` package:
  // one character for one keeps every offset, and both engines read the same lines.
  if (body.includes('\r') && /\r(?!\n)/.test(body)) body = body.replace(/\r(?!\n)/g, '\n');
  let result: EngineResult;
  let used: Engine = engine;
  try {
    const fast = engine === 'fast' || options.blockOnly ? parseBlock(body) : 'fallback';
    if (options.blockOnly && (fast === 'fallback' || fast.diagnostics.length > 0))
      return { tree: undefined, plain: undefined, diagnostics: [], engine: 'fast' };
    // The block engine speaks only for clean YAML in its subset. Anything else, and anything it
    // finds wrong, is parsed again by the `yaml` engine, whose verdict and positions are the reference.
    if (fast === 'fallback' || (fast.diagnostics.length > 0 && fast.diagnostics[0]!.code !== 'too-deep')) {
      used = 'yaml';
      result = parseWithYaml(body);
    } else result = fast;
  } catch (e) {
    // Neither engine should throw; if one does, the file gets a positioned error, not a crash.
    result = {
      tree: undefined,
      diagnostics: [
        {
          code: 'yaml-syntax',
          severity: 'error',
          message: `The YAML parser failed: ${(e as Error)?.message ?? e}`,
          span: { start: 0, end: 1 },
        },
      ],
    };
  }
  if (bom) shift(result, bom);
  if (!result.tree && !result.diagnostics.length) {
    result.diagnostics.push({
      code: 'empty-file',
      severity: 'error',
      message: 'The file is empty: a plan needs workback, title, goal, people and milestones.',
      span: { start: 0, end: 0 },
    });
  }
  const out: ParseResult = { tree: result.tree, plain: result.plain, diagnostics: result.diagnostics, engine: used };
  const r = result.repair;
  if (r) out.repair = { from: r.from + bom, at: r.at + bom, insert: r.insert };
  return out;
}

function shift(result: EngineResult, by: number): void {
  for (const d of result.diagnostics) {
    d.span = { start: d.span.start + by, end: d.span.end + by };
    for (const r of d.related ?? []) r.span = { start: r.span.start + by, end: r.span.end + by };
  }
  if (!result.tree) return;
  const stack: SourceNode[] = [result.tree];
  while (stack.length) {
    const n = stack.pop()!;
    n.start += by;
    n.end += by;
    if (n.kind === 'map')
      for (const p of n.pairs) {
        p.key.start += by;
        p.key.end += by;
        stack.push(p.value);
      }
    else if (n.kind === 'seq') for (const item of n.items) stack.push(item);
  }
}
