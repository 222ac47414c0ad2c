/**
 * How every command edit runs: parse the current text, compute the edits, apply them, and check
 * the result before returning it. The check is of values and of bytes: the new text parses, its
 * plain value is the old one with exactly the intended change, every comment is still there, and
 * no edit removes anything outside the spans it means to change but white space and the commas
 * between flow entries. Anything else is refused with a message, and nothing is changed; no
 * edit throws.
 */
import { LineIndex } from '../lineIndex';
import { parseText } from '../parse/parseText';
import type { Span } from '../diagnostic';
import type { MapNode } from '../sourceTree';
import { detectLayout, EditRefusal, type Layout } from './nodes';
import { applyEdits, normalizeEdits, type TextEdit } from './text';
import { commentsOf, lostComment, unintendedChange } from './verify';

export type RefusalReason = 'not-parsed' | 'not-found' | 'ambiguous' | 'unexpected' | 'unchanged';

export interface PlanEditDone {
  ok: true;
  /** Non-overlapping, sorted, offsets into the text given. */
  edits: TextEdit[];
  /** The text after the edits. */
  text: string;
}

export interface PlanEditRefused {
  ok: false;
  reason: RefusalReason;
  /** For people: what is wrong and what to do. */
  message: string;
}

export type PlanEditResult = PlanEditDone | PlanEditRefused;

export interface PlanEditOptions {
  /** Size cap handed to the parser (default: the parser's own). */
  maxSize?: number;
}

export interface Parsed {
  root: MapNode;
  plain: Record<string, unknown>;
}

/** Edits, and the spans of the old text they mean to change (values replaced, pairs removed). */
export interface Planned {
  edits: TextEdit[];
  allowed: Span[];
}

export const refuse = (reason: RefusalReason, message: string): PlanEditRefused => ({ ok: false, reason, message });
export const quote = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
export const isRefused = (x: unknown): x is PlanEditRefused =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

export function parse(text: string, options: PlanEditOptions): Parsed | PlanEditRefused {
  const parsed = parseText(text, options.maxSize !== undefined ? { maxSize: options.maxSize } : {});
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (error) {
    const line = new LineIndex(text).position(error.span.start).line + 1;
    return refuse(
      'not-parsed',
      `The plan does not parse (line ${line}: ${error.message}). Fix it in the editor first; nothing was changed.`,
    );
  }
  if (parsed.tree?.kind !== 'map') return refuse('not-parsed', 'The plan is not a YAML mapping; nothing was changed.');
  return { root: parsed.tree, plain: parsed.plain as Record<string, unknown> };
}

/** Why the edited text fails the byte check, or undefined when it passes. */
function byteProblem(text: string, before: Parsed, next: string, after: Parsed, planned: Planned): string | undefined {
  const at = unintendedChange(text, planned.edits, planned.allowed);
  if (at >= 0) return `it would change line ${new LineIndex(text).position(at).line + 1} beyond what it means to`;
  const lost = lostComment(commentsOf(text, before.root), commentsOf(next, after.root));
  if (lost !== undefined) return `it would lose or change the comment ${quote(lost)}`;
  return undefined;
}

/** Run one edit: parse, find, compute, then check the result (values and bytes) against the intended change. */
export function run(
  text: string,
  options: PlanEditOptions,
  what: string,
  compute: (p: Parsed, layout: () => Layout) => Planned | PlanEditRefused,
  intended: (plain: Record<string, unknown>) => void,
): PlanEditResult {
  const before = parse(text, options);
  if (isRefused(before)) return before;
  let planned: Planned;
  try {
    const computed = compute(before, () => detectLayout(text, before.root));
    if (isRefused(computed)) return computed;
    planned = { edits: normalizeEdits(computed.edits, text), allowed: computed.allowed };
  } catch (e) {
    const why =
      e instanceof EditRefusal
        ? `the plan is written in a way it does not edit (${e.message})`
        : 'of an unexpected layout';
    return refuse('unexpected', `Workback could not ${what}: ${why}. Edit it by hand; nothing was changed.`);
  }
  if (planned.edits.length === 0) return refuse('unchanged', `Nothing to change: ${what} is already done.`);
  const next = applyEdits(text, planned.edits);
  const after = parse(next, options);
  if (isRefused(after))
    return refuse(
      'unexpected',
      `Workback could not ${what} without breaking the YAML; nothing was changed. Please report this plan.`,
    );
  intended(before.plain);
  if (!plainEqual(before.plain, after.plain)) {
    return refuse(
      'unexpected',
      `Workback could not ${what} without changing something else; nothing was changed. Please report this plan.`,
    );
  }
  const problem = byteProblem(text, before, next, after, planned);
  if (problem)
    return refuse('unexpected', `Workback could not ${what} safely: ${problem}. Edit it by hand; nothing was changed.`);
  return { ok: true, edits: planned.edits, text: next };
}

/**
 * Deep equality of plain values (null-prototype objects, arrays, scalars), key order ignored.
 * Iterative: no recursion however deep the value.
 */
export function plainEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop()!;
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (const k of kx) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}
