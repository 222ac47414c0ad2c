/**
 * Edits of a plan's text made by commands (the sidebar's "mark done", "log a check-in"...).
 * Each one parses the current text, finds its task again by id (the caller's view of the plan
 * may be stale), computes the minimal edits, and checks the result before returning it
 * (runEdit.ts: values and bytes). Anything else is refused with a message, and nothing is
 * changed; no edit throws.
 */
import { formatDay, type Day } from '../day';
import type { Span } from '../diagnostic';
import { TASK_KEYS } from '../model';
import type { MapNode, ScalarNode, SeqNode, SourceNode } from '../sourceTree';
import { emptyValueAt, EditRefusal, nodeEnd, type Layout } from './nodes';
import { editMap, editSeq, type EditMap, type EditValue } from './render';
import { formatKey, formatScalar, type ScalarEditValue } from './scalar';
import {
  isRefused,
  parse,
  quote,
  refuse,
  run,
  type Planned,
  type PlanEditOptions,
  type PlanEditRefused,
  type PlanEditResult,
} from './runEdit';
import type { TextEdit } from './text';
import { appendItem, fillEmptyPair, insertPairs, removePair, setScalar } from './yamlEdits';

export { plainEqual } from './runEdit';
export type { PlanEditDone, PlanEditOptions, PlanEditRefused, PlanEditResult, RefusalReason } from './runEdit';

/** Where keys of a task go when they are added (docs/format.md's order). */
export const TASK_KEY_ORDER = TASK_KEYS;
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

/** Every task (in `milestones[*].tasks[*]`) whose `id` is `id`, in file order. */
export function findTasks(root: SourceNode, id: string): TaskLocation[] {
  const out: TaskLocation[] = [];
  const milestones = seqOf(root, 'milestones');
  milestones?.items.forEach((m, mi) => {
    seqOf(m, 'tasks')?.items.forEach((t, ti) => {
      const idNode = t.kind === 'map' ? t.byKey.get('id')?.value : undefined;
      if (t.kind === 'map' && idNode?.kind === 'scalar' && idNode.text === id)
        out.push({ milestone: mi, task: ti, node: t, idNode });
    });
  });
  return out;
}

function seqOf(node: SourceNode, key: string): SeqNode | undefined {
  const v = node.kind === 'map' ? node.byKey.get(key)?.value : undefined;
  return v?.kind === 'seq' ? v : undefined;
}

export function findOneTask(root: MapNode, id: string): TaskLocation | PlanEditRefused {
  const found = findTasks(root, id);
  if (found.length === 0)
    return refuse(
      'not-found',
      `The task ${quote(id)} is no longer in the plan (renamed or removed?); nothing was changed.`,
    );
  if (found.length > 1)
    return refuse(
      'ambiguous',
      `The plan has ${found.length} tasks with the id ${quote(id)}; make the ids unique first. Nothing was changed.`,
    );
  return found[0]!;
}

/** The follow-up `ref` names: the item at its index if it still matches, else the one item that does. */
function findFollowUp(task: MapNode, ref: FollowUpRef): { index: number; node: MapNode } | PlanEditRefused {
  const items = task.byKey.get('follow_ups')?.value;
  const matches = (n: SourceNode | undefined): n is MapNode =>
    n?.kind === 'map' && scalarText(n, 'on') === ref.on && scalarText(n, 'with') === ref.with;
  const gone = refuse(
    'not-found',
    `The follow-up of ${quote(ref.taskId)} on ${ref.on} with ${quote(ref.with)} is no longer in the plan; nothing was changed.`,
  );
  if (items?.kind !== 'seq') return gone;
  const at = items.items[ref.index];
  if (matches(at)) return { index: ref.index, node: at };
  const all = items.items.map((n, index) => ({ n, index })).filter((x) => matches(x.n));
  if (all.length === 0) return gone;
  if (all.length > 1)
    return refuse(
      'ambiguous',
      `The task ${quote(ref.taskId)} now has ${all.length} follow-ups on ${ref.on} with ${quote(ref.with)}; edit the one you mean by hand. Nothing was changed.`,
    );
  return { index: all[0]!.index, node: all[0]!.n as MapNode };
}

export function scalarText(map: MapNode, key: string): string | undefined {
  const v = map.byKey.get(key)?.value;
  return v?.kind === 'scalar' ? v.text : undefined;
}

/** The span a scalar edit of `value` means to change: the value, or the place of an empty one. */
function valueSpan(text: string, value: SourceNode): Span {
  return emptyValueAt(text, value) ?? { start: value.start, end: nodeEnd(text, value) };
}

/**
 * Edits that give `map` the `fields` (scalars), in `order`: a key that exists has its value
 * replaced; missing keys are inserted together after the closest key before them in `order`.
 */
export function setFields(
  text: string,
  map: MapNode,
  fields: readonly (readonly [string, ScalarEditValue])[],
  order: readonly string[],
  layout: Layout,
): Planned {
  const planned: Planned = { edits: [], allowed: [] };
  const sorted = [...fields].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  let pending: (readonly [string, EditValue])[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    for (const e of insertPairs(text, map, anchorFor(map, pending[0]![0], order), pending, layout))
      planned.edits.push(e);
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
    planned.edits.push(setScalar(text, pair.value, value, map.flow));
    planned.allowed.push(valueSpan(text, pair.value));
  }
  flush();
  return planned;
}

/** The key present in `map` that comes last among the keys before `key` in `order` (undefined: none). */
export function anchorFor(map: MapNode, key: string, order: readonly string[]): string | undefined {
  const limit = order.indexOf(key);
  for (let i = (limit < 0 ? order.length : limit) - 1; i >= 0; i--) if (map.byKey.has(order[i]!)) return order[i];
  return undefined;
}

/** The task's plain value inside a plan's plain value. */
export function plainTask(plain: Record<string, unknown>, loc: TaskLocation): Record<string, unknown> {
  const milestones = plain['milestones'] as Record<string, unknown>[];
  return (milestones[loc.milestone]!['tasks'] as Record<string, unknown>[])[loc.task]!;
}

/** `status: done` and `done_on: today`. */
export function markTaskDone(text: string, taskId: string, today: Day, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  const day = formatDay(today);
  return run(
    text,
    options,
    `mark ${quote(taskId)} done`,
    (p, layout) => {
      const found = findOneTask(p.root, taskId);
      if (isRefused(found)) return found;
      loc = found;
      if (scalarText(found.node, 'status') === 'done' && scalarText(found.node, 'done_on') !== undefined) {
        return refuse('unchanged', `The task ${quote(taskId)} is already done.`);
      }
      return setFields(
        text,
        found.node,
        [
          ['status', 'done'],
          ['done_on', day],
        ],
        TASK_KEY_ORDER,
        layout(),
      );
    },
    (plain) => {
      const t = plainTask(plain, loc!);
      t['status'] = 'done';
      t['done_on'] = day;
    },
  );
}

/** The statuses of a task that is not done: `startTask` and `blockTask` set them. */
export type OpenStatus = 'todo' | 'doing' | 'blocked';

const STATUS_WORDS: Record<OpenStatus, { verb: string; already: string }> = {
  todo: { verb: 'reopen', already: 'is already to do' },
  doing: { verb: 'start', already: 'is already in progress' },
  blocked: { verb: 'block', already: 'is already blocked' },
};

/**
 * `status: <status>`, and a `done_on` left from an earlier "done" removed. A task with a
 * `done_on` and no `status` gets its status where the `done_on` was (the key the format lists
 * just before it), so the line and its comment stay.
 */
function setOpenStatus(text: string, taskId: string, status: OpenStatus, options: PlanEditOptions): PlanEditResult {
  let loc: TaskLocation | undefined;
  const words = STATUS_WORDS[status];
  return run(
    text,
    options,
    `${words.verb} ${quote(taskId)}`,
    (p, layout) => {
      const found = findOneTask(p.root, taskId);
      if (isRefused(found)) return found;
      loc = found;
      const doneOn = found.node.byKey.get('done_on');
      if (scalarText(found.node, 'status') === status && !doneOn)
        return refuse('unchanged', `The task ${quote(taskId)} ${words.already}.`);
      if (!doneOn) return setFields(text, found.node, [['status', status]], TASK_KEY_ORDER, layout());
      const span = { start: doneOn.key.start, end: nodeEnd(text, doneOn.value) };
      if (!found.node.byKey.has('status')) {
        const written = `${formatKey('status', found.node.flow)}: ${formatScalar(status, { flow: found.node.flow })}`;
        return { edits: [{ ...span, text: written }], allowed: [span] };
      }
      const planned = setFields(text, found.node, [['status', status]], TASK_KEY_ORDER, layout());
      const removal = removePair(text, found.node, doneOn);
      if (!removal) throw new EditRefusal('done_on cannot be removed');
      return { edits: [...planned.edits, ...removal], allowed: [...planned.allowed, span] };
    },
    (plain) => {
      const t = plainTask(plain, loc!);
      t['status'] = status;
      delete t['done_on'];
    },
  );
}

/** `status: doing` (a `done_on` left from an earlier "done" is removed). */
export function startTask(text: string, taskId: string, options: PlanEditOptions = {}): PlanEditResult {
  return setOpenStatus(text, taskId, 'doing', options);
}

/** `status: blocked` (a `done_on` left from an earlier "done" is removed). */
export function blockTask(text: string, taskId: string, options: PlanEditOptions = {}): PlanEditResult {
  return setOpenStatus(text, taskId, 'blocked', options);
}

/** `done: true` on an explicit follow-up. */
export function markFollowUpDone(text: string, ref: FollowUpRef, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  let index = ref.index;
  return run(
    text,
    options,
    `mark the follow-up of ${quote(ref.taskId)} on ${ref.on} done`,
    (p, layout) => {
      const found = findOneTask(p.root, ref.taskId);
      if (isRefused(found)) return found;
      loc = found;
      const fu = findFollowUp(found.node, ref);
      if (isRefused(fu)) return fu;
      index = fu.index;
      if (scalarText(fu.node, 'done') === 'true')
        return refuse('unchanged', `That follow-up of ${quote(ref.taskId)} is already done.`);
      return setFields(text, fu.node, [['done', true]], FOLLOW_UP_KEY_ORDER, layout());
    },
    (plain) => {
      (plainTask(plain, loc!)['follow_ups'] as Record<string, unknown>[])[index]!['done'] = true;
    },
  );
}

/** Whether the task already has a follow-up with exactly these fields (adding it again changes nothing). */
function hasFollowUp(task: MapNode, pairs: readonly (readonly [string, ScalarEditValue])[]): boolean {
  const items = task.byKey.get('follow_ups')?.value;
  if (items?.kind !== 'seq') return false;
  return items.items.some(
    (n) =>
      n.kind === 'map' &&
      n.pairs.length === pairs.length &&
      pairs.every(([k, v]) => {
        const x = n.byKey.get(k)?.value;
        return x?.kind === 'scalar' && x.value === v;
      }),
  );
}

/**
 * Append a follow-up to the task's `follow_ups` (the key is created when the task has none).
 * Refused as unchanged when the task already has the same follow-up, so that doing it twice
 * (a double click, a retried command) writes it once.
 */
export function addFollowUp(
  text: string,
  taskId: string,
  followUp: NewFollowUp,
  options: PlanEditOptions = {},
): PlanEditResult {
  let loc: TaskLocation | undefined;
  const pairs: [string, ScalarEditValue][] = [
    ['on', formatDay(followUp.on)],
    ['with', followUp.with],
  ];
  if (followUp.about !== undefined && followUp.about !== '') pairs.push(['about', followUp.about]);
  pairs.push(['done', followUp.done]);
  const item: EditMap = editMap(pairs);
  return run(
    text,
    options,
    `add a follow-up to ${quote(taskId)}`,
    (p, layout) => {
      const found = findOneTask(p.root, taskId);
      if (isRefused(found)) return found;
      loc = found;
      if (hasFollowUp(found.node, pairs))
        return refuse(
          'unchanged',
          `The task ${quote(taskId)} already has this follow-up (${pairs[0]![1]} with ${quote(followUp.with)}); nothing was changed.`,
        );
      const pair = found.node.byKey.get('follow_ups');
      const planned = (edits: TextEdit[], allowed: Span[] = []): Planned => ({ edits, allowed });
      if (!pair)
        return planned(
          insertPairs(
            text,
            found.node,
            anchorFor(found.node, 'follow_ups', TASK_KEY_ORDER),
            [['follow_ups', editSeq([item])]],
            layout(),
          ),
        );
      if (pair.value.kind === 'seq') return planned(appendItem(text, pair.value, item, layout()));
      if (pair.value.kind === 'scalar' && pair.value.value === null) {
        return planned(fillEmptyPair(text, found.node, pair, editSeq([item]), layout()), [valueSpan(text, pair.value)]);
      }
      return refuse(
        'unexpected',
        `The follow_ups of ${quote(taskId)} are not a list; fix them first. Nothing was changed.`,
      );
    },
    (plain) => {
      const t = plainTask(plain, loc!);
      const value = Object.assign(Object.create(null) as Record<string, unknown>, Object.fromEntries(pairs));
      if (Array.isArray(t['follow_ups'])) (t['follow_ups'] as unknown[]).push(value);
      else t['follow_ups'] = [value];
    },
  );
}

/** A log of a check-in: a done follow-up dated today, about `Check-in` (logged once a day per person). */
export function logCheckIn(
  text: string,
  taskId: string,
  today: Day,
  withPerson: string,
  options: PlanEditOptions = {},
): PlanEditResult {
  return addFollowUp(text, taskId, { on: today, with: withPerson, about: 'Check-in', done: true }, options);
}

/** Where a task is: the span of its `id` value (for revealing it), or why it cannot be found. */
export function locateTask(
  text: string,
  taskId: string,
  options: PlanEditOptions = {},
): { ok: true; span: Span } | PlanEditRefused {
  const p = parse(text, options);
  if (isRefused(p)) return p;
  const found = findOneTask(p.root, taskId);
  if (isRefused(found)) return found;
  return { ok: true, span: { start: found.idNode.start, end: found.idNode.end } };
}

/** Where a follow-up is: the span of its `on` value. */
export function locateFollowUp(
  text: string,
  ref: FollowUpRef,
  options: PlanEditOptions = {},
): { ok: true; span: Span } | PlanEditRefused {
  const p = parse(text, options);
  if (isRefused(p)) return p;
  const found = findOneTask(p.root, ref.taskId);
  if (isRefused(found)) return found;
  const fu = findFollowUp(found.node, ref);
  if (isRefused(fu)) return fu;
  const on = fu.node.byKey.get('on')!.value;
  return { ok: true, span: { start: on.start, end: on.end } };
}
