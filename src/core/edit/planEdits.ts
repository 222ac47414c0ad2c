/**
 * Edits of a plan's text made by commands (the sidebar's "mark done", "log a check-in"...).
 * Each one parses the current text, finds its task again by id (the caller's view of the plan
 * may be stale), computes the minimal edits, and checks the result before returning it: the
 * new text must parse, and its plain value must equal the old one with exactly the intended
 * change. Anything else is refused with a message, and nothing is changed.
 */
import { formatDay, type Day } from '../day';
import { LineIndex } from '../lineIndex';
import { parseText } from '../parse/parseText';
import type { Span } from '../diagnostic';
import type { MapNode, ScalarNode, SeqNode, SourceNode } from '../sourceTree';
import { detectLayout, EditRefusal, type Layout } from './nodes';
import { editMap, editSeq, type EditMap, type EditValue } from './render';
import type { ScalarEditValue } from './scalar';
import { applyEdits, normalizeEdits, type TextEdit } from './text';
import { appendItem, fillEmptyPair, insertPairs, removePair, setScalar } from './yamlEdits';

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

/** Where keys of a task go when they are added (FORMAT.md's order). */
export const TASK_KEY_ORDER = ['id', 'title', 'owner', 'duration', 'depends_on', 'due', 'not_before', 'status', 'done_on', 'follow_ups', 'tags', 'notes'] as const;
export const FOLLOW_UP_KEY_ORDER = ['on', 'with', 'about', 'done'] as const;

/** A follow-up as the caller last saw it: its task, its index in `follow_ups`, its day and person. */
export interface FollowUpRef {
  taskId: string;
  index: number;
  on: string;
  with: string;
}

export interface NewFollowUp {
  on: Day;
  with: string;
  about?: string;
  done: boolean;
}

/** A task found in the tree. */
export interface TaskLocation {
  /** Index of its milestone in `milestones`, and of the task in that milestone's `tasks`. */
  milestone: number;
  task: number;
  node: MapNode;
  idNode: ScalarNode;
}

interface Parsed {
  root: MapNode;
  plain: Record<string, unknown>;
}

const refuse = (reason: RefusalReason, message: string): PlanEditRefused => ({ ok: false, reason, message });
const quote = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function parse(text: string, options: PlanEditOptions): Parsed | PlanEditRefused {
  const parsed = parseText(text, options.maxSize !== undefined ? { maxSize: options.maxSize } : {});
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (error) {
    const line = new LineIndex(text).position(error.span.start).line + 1;
    return refuse('not-parsed', `The plan does not parse (line ${line}: ${error.message}). Fix it in the editor first; nothing was changed.`);
  }
  if (parsed.tree?.kind !== 'map') return refuse('not-parsed', 'The plan is not a YAML mapping; nothing was changed.');
  return { root: parsed.tree, plain: parsed.plain as Record<string, unknown> };
}

const isRefused = (x: unknown): x is PlanEditRefused => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

/** Every task (in `milestones[*].tasks[*]`) whose `id` is `id`, in file order. */
export function findTasks(root: SourceNode, id: string): TaskLocation[] {
  const out: TaskLocation[] = [];
  const milestones = seqOf(root, 'milestones');
  milestones?.items.forEach((m, mi) => {
    seqOf(m, 'tasks')?.items.forEach((t, ti) => {
      const idNode = t.kind === 'map' ? t.byKey.get('id')?.value : undefined;
      if (t.kind === 'map' && idNode?.kind === 'scalar' && idNode.text === id) out.push({ milestone: mi, task: ti, node: t, idNode });
    });
  });
  return out;
}

function seqOf(node: SourceNode, key: string): SeqNode | undefined {
  const v = node.kind === 'map' ? node.byKey.get(key)?.value : undefined;
  return v?.kind === 'seq' ? v : undefined;
}

function findOneTask(root: MapNode, id: string): TaskLocation | PlanEditRefused {
  const found = findTasks(root, id);
  if (found.length === 0) return refuse('not-found', `The task ${quote(id)} is no longer in the plan (renamed or removed?); nothing was changed.`);
  if (found.length > 1) return refuse('ambiguous', `The plan has ${found.length} tasks with the id ${quote(id)}; make the ids unique first. Nothing was changed.`);
  return found[0]!;
}

/** The follow-up `ref` names: the item at its index if it still matches, else the one item that does. */
function findFollowUp(task: MapNode, ref: FollowUpRef): { index: number; node: MapNode } | PlanEditRefused {
  const items = task.byKey.get('follow_ups')?.value;
  const matches = (n: SourceNode | undefined): n is MapNode =>
    n?.kind === 'map' && scalarText(n, 'on') === ref.on && scalarText(n, 'with') === ref.with;
  const gone = refuse('not-found', `The follow-up of ${quote(ref.taskId)} on ${ref.on} with ${quote(ref.with)} is no longer in the plan; nothing was changed.`);
  if (items?.kind !== 'seq') return gone;
  const at = items.items[ref.index];
  if (matches(at)) return { index: ref.index, node: at };
  const all = items.items.map((n, index) => ({ n, index })).filter((x) => matches(x.n));
  if (all.length === 0) return gone;
  if (all.length > 1) return refuse('ambiguous', `The task ${quote(ref.taskId)} now has ${all.length} follow-ups on ${ref.on} with ${quote(ref.with)}; edit the one you mean by hand. Nothing was changed.`);
  return { index: all[0]!.index, node: all[0]!.n as MapNode };
}

function scalarText(map: MapNode, key: string): string | undefined {
  const v = map.byKey.get(key)?.value;
  return v?.kind === 'scalar' ? v.text : undefined;
}

/**
 * Edits that give `map` the `fields` (scalars), in `order`: a key that exists has its value
 * replaced; missing keys are inserted together after the closest key before them in `order`.
 */
function setFields(text: string, map: MapNode, fields: readonly (readonly [string, ScalarEditValue])[], order: readonly string[], layout: Layout): TextEdit[] {
  const edits: TextEdit[] = [];
  const sorted = [...fields].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  let pending: (readonly [string, EditValue])[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    edits.push(...insertPairs(text, map, anchorFor(map, pending[0]![0], order), pending, layout));
    pending = [];
  };
  for (const [key, value] of sorted) {
    const pair = map.byKey.get(key);
    if (!pair) {
      pending.push([key, value]);
      continue;
    }
    flush();
    if (pair.value.kind !== 'scalar') throw new EditRefusal(`${key} is not a single value`);
    if (pair.value.value === value) continue; // already so: no edit at all
    edits.push(setScalar(text, pair.value, value, map.flow));
  }
  flush();
  return edits;
}

/** The key present in `map` that comes last among the keys before `key` in `order` (undefined: none). */
export function anchorFor(map: MapNode, key: string, order: readonly string[]): string | undefined {
  const limit = order.indexOf(key);
  for (let i = (limit < 0 ? order.length : limit) - 1; i >= 0; i--) if (map.byKey.has(order[i]!)) return order[i];
  return undefined;
}

/** Run one edit: parse, find, compute, then check the result against the intended change of the plain value. */
function run(text: string, options: PlanEditOptions, what: string,
  compute: (p: Parsed, layout: () => Layout) => TextEdit[] | PlanEditRefused,
  intended: (plain: Record<string, unknown>) => void): PlanEditResult {
  const before = parse(text, options);
  if (isRefused(before)) return before;
  let edits: TextEdit[];
  try {
    const computed = compute(before, () => detectLayout(text, before.root));
    if (isRefused(computed)) return computed;
    edits = normalizeEdits(computed, text);
  } catch (e) {
    if (e instanceof EditRefusal) return refuse('unexpected', `Workback could not ${what}: the plan is written in a way it does not edit (${e.message}). Edit it by hand; nothing was changed.`);
    throw e;
  }
  if (edits.length === 0) return refuse('unchanged', `Nothing to change: ${what} is already done.`);
  const next = applyEdits(text, edits);
  const after = parse(next, options);
  if (isRefused(after)) return refuse('unexpected', `Workback could not ${what} without breaking the YAML; nothing was changed. Please report this plan.`);
  intended(before.plain);
  if (!plainEqual(before.plain, after.plain)) {
    return refuse('unexpected', `Workback could not ${what} without changing something else; nothing was changed. Please report this plan.`);
  }
  return { ok: true, edits, text: next };
}

/** The task's plain value inside a plan's plain value. */
function plainTask(plain: Record<string, unknown>, loc: TaskLocation): Record<string, unknown> {
  const milestones = plain['milestones'] as Record<string, unknown>[];
  return (milestones[loc.milestone]!['tasks'] as Record<string, unknown>[])[loc.task]!;
}

/** `status: done` and `done_on: today`. */
export function markTaskDone(text: string, taskId: string, today: Day, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  const day = formatDay(today);
  return run(text, options, `mark ${quote(taskId)} done`, (p, layout) => {
    const found = findOneTask(p.root, taskId);
    if (isRefused(found)) return found;
    loc = found;
    if (scalarText(found.node, 'status') === 'done' && scalarText(found.node, 'done_on') !== undefined) {
      return refuse('unchanged', `The task ${quote(taskId)} is already done.`);
    }
    return setFields(text, found.node, [['status', 'done'], ['done_on', day]], TASK_KEY_ORDER, layout());
  }, (plain) => {
    const t = plainTask(plain, loc!);
    t['status'] = 'done';
    t['done_on'] = day;
  });
}

/** `status: doing` (a `done_on` left from an earlier "done" is removed). */
export function startTask(text: string, taskId: string, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  return run(text, options, `start ${quote(taskId)}`, (p, layout) => {
    const found = findOneTask(p.root, taskId);
    if (isRefused(found)) return found;
    loc = found;
    if (scalarText(found.node, 'status') === 'doing') return refuse('unchanged', `The task ${quote(taskId)} is already in progress.`);
    const edits = setFields(text, found.node, [['status', 'doing']], TASK_KEY_ORDER, layout());
    if (found.node.byKey.has('done_on')) {
      const removal = removePair(text, found.node, 'done_on');
      if (!removal) throw new EditRefusal('done_on cannot be removed');
      edits.push(removal);
    }
    return edits;
  }, (plain) => {
    const t = plainTask(plain, loc!);
    t['status'] = 'doing';
    delete t['done_on'];
  });
}

/** `done: true` on an explicit follow-up. */
export function markFollowUpDone(text: string, ref: FollowUpRef, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  let index = ref.index;
  return run(text, options, `mark the follow-up of ${quote(ref.taskId)} on ${ref.on} done`, (p, layout) => {
    const found = findOneTask(p.root, ref.taskId);
    if (isRefused(found)) return found;
    loc = found;
    const fu = findFollowUp(found.node, ref);
    if (isRefused(fu)) return fu;
    index = fu.index;
    if (scalarText(fu.node, 'done') === 'true') return refuse('unchanged', `That follow-up of ${quote(ref.taskId)} is already done.`);
    return setFields(text, fu.node, [['done', true]], FOLLOW_UP_KEY_ORDER, layout());
  }, (plain) => {
    ((plainTask(plain, loc!)['follow_ups'] as Record<string, unknown>[])[index]!)['done'] = true;
  });
}

/** Append a follow-up to the task's `follow_ups` (the key is created when the task has none). */
export function addFollowUp(text: string, taskId: string, followUp: NewFollowUp, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  const pairs: [string, EditValue][] = [['on', formatDay(followUp.on)], ['with', followUp.with]];
  if (followUp.about !== undefined && followUp.about !== '') pairs.push(['about', followUp.about]);
  pairs.push(['done', followUp.done]);
  const item: EditMap = editMap(pairs);
  return run(text, options, `add a follow-up to ${quote(taskId)}`, (p, layout) => {
    const found = findOneTask(p.root, taskId);
    if (isRefused(found)) return found;
    loc = found;
    const pair = found.node.byKey.get('follow_ups');
    if (!pair) return insertPairs(text, found.node, anchorFor(found.node, 'follow_ups', TASK_KEY_ORDER), [['follow_ups', editSeq([item])]], layout());
    if (pair.value.kind === 'seq') return appendItem(text, pair.value, item, layout());
    if (pair.value.kind === 'scalar' && pair.value.value === null) return fillEmptyPair(text, found.node, pair, editSeq([item]), layout());
    return refuse('unexpected', `The follow_ups of ${quote(taskId)} are not a list; fix them first. Nothing was changed.`);
  }, (plain) => {
    const t = plainTask(plain, loc!);
    const value = Object.assign(Object.create(null) as Record<string, unknown>, Object.fromEntries(pairs));
    if (Array.isArray(t['follow_ups'])) (t['follow_ups'] as unknown[]).push(value);
    else t['follow_ups'] = [value];
  });
}

/** A log of a check-in: a done follow-up dated today, about `Check-in`. */
export function logCheckIn(text: string, taskId: string, today: Day, withPerson: string, options: PlanEditOptions = {}): PlanEditResult {
  return addFollowUp(text, taskId, { on: today, with: withPerson, about: 'Check-in', done: true }, options);
}

/** Where a task is: the span of its `id` value (for revealing it), or why it cannot be found. */
export function locateTask(text: string, taskId: string, options: PlanEditOptions = {}): { ok: true; span: Span } | PlanEditRefused {
  const p = parse(text, options);
  if (isRefused(p)) return p;
  const found = findOneTask(p.root, taskId);
  if (isRefused(found)) return found;
  return { ok: true, span: { start: found.idNode.start, end: found.idNode.end } };
}

/** Where a follow-up is: the span of its `on` value. */
export function locateFollowUp(text: string, ref: FollowUpRef, options: PlanEditOptions = {}): { ok: true; span: Span } | PlanEditRefused {
  const p = parse(text, options);
  if (isRefused(p)) return p;
  const found = findOneTask(p.root, ref.taskId);
  if (isRefused(found)) return found;
  const fu = findFollowUp(found.node, ref);
  if (isRefused(fu)) return fu;
  const on = fu.node.byKey.get('on')!.value;
  return { ok: true, span: { start: on.start, end: on.end } };
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
