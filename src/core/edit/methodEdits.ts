/**
 * Edits of the method's follow-through (docs/format.md "Reviews", "Interim controls",
 * "Finishing"): a review signed off, an interim control added or put in place, the goal marked
 * achieved. Checked like every plan edit (runEdit.ts): nothing else changes, no comment is lost.
 */
import { formatDay, type Day } from '../day';
import type { MapNode, SourceNode } from '../sourceTree';
import { editMap } from './render';
import type { Span } from '../diagnostic';
import {
  isRefused,
  parse,
  quote,
  refuse,
  run,
  type PlanEditOptions,
  type PlanEditRefused,
  type PlanEditResult,
} from './runEdit';
import {
  findOneTask,
  plainTask,
  scalarText,
  setFields,
  TASK_KEY_ORDER,
  anchorFor,
  type TaskLocation,
} from './planEdits';
import { insertPairs } from './yamlEdits';

export const MILESTONE_KEY_ORDER = [
  'id',
  'title',
  'priority',
  'due',
  'depends_on',
  'review_by',
  'reviewed_on',
  'consulted',
  'informed',
  'tasks',
] as const;
export const GOAL_KEY_ORDER = ['outcome', 'measure', 'due', 'owner', 'achieved_on', 'consulted', 'informed'] as const;
export const INTERIM_KEY_ORDER = ['control', 'owner', 'in_place'] as const;

type Plain = Record<string, unknown>;

interface ItemLocation {
  node: MapNode;
  /** The item's plain value inside the plan's. */
  plainOf: (plain: Plain) => Plain;
  kind: 'task' | 'milestone';
}

function mapAt(node: SourceNode | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

/** The one task, else the one milestone, with this id. */
function findItem(root: MapNode, id: string): ItemLocation | ReturnType<typeof refuse> {
  const task = findOneTask(root, id);
  if (!isRefused(task)) return { node: task.node, plainOf: (p) => plainTask(p, task as TaskLocation), kind: 'task' };
  if (task.reason === 'ambiguous') return task;
  const list = root.byKey.get('milestones')?.value;
  const found: number[] = [];
  if (list?.kind === 'seq')
    list.items.forEach((m, i) => {
      if (m.kind === 'map' && scalarText(m, 'id') === id) found.push(i);
    });
  if (found.length !== 1 || list?.kind !== 'seq')
    return found.length
      ? refuse('ambiguous', `The plan has ${found.length} milestones with the id ${quote(id)}; nothing was changed.`)
      : task;
  const index = found[0]!;
  return {
    node: list.items[index] as MapNode,
    plainOf: (p) => (p['milestones'] as Plain[])[index]!,
    kind: 'milestone',
  };
}

/** Where a task or milestone is: the span of its `id` value (for revealing it), or why it cannot be found. */
export function locateItem(
  text: string,
  itemId: string,
  options: PlanEditOptions = {},
): { ok: true; span: Span } | PlanEditRefused {
  const p = parse(text, options);
  if (isRefused(p)) return p;
  const found = findItem(p.root, itemId);
  if (isRefused(found)) return found;
  const id = found.node.byKey.get('id')!.value;
  return { ok: true, span: { start: id.start, end: id.end } };
}

/** `reviewed_on: today` on the task or milestone `itemId`. */
export function markReviewed(text: string, itemId: string, today: Day, options: PlanEditOptions = {}): PlanEditResult {
  let loc: ItemLocation | undefined;
  const day = formatDay(today);
  return run(
    text,
    options,
    `mark ${quote(itemId)} reviewed`,
    (p, layout) => {
      const found = findItem(p.root, itemId);
      if (isRefused(found)) return found;
      loc = found;
      if (scalarText(found.node, 'reviewed_on') !== undefined)
        return refuse('unchanged', `${quote(itemId)} is already reviewed.`);
      const order = found.kind === 'task' ? TASK_KEY_ORDER : MILESTONE_KEY_ORDER;
      return setFields(text, found.node, [['reviewed_on', day]], order, layout());
    },
    (plain) => {
      loc!.plainOf(plain)['reviewed_on'] = day;
    },
  );
}

/** `in_place: true` on the task's interim control. */
export function markInterimInPlace(text: string, taskId: string, options: PlanEditOptions = {}): PlanEditResult {
  let loc: TaskLocation | undefined;
  return run(
    text,
    options,
    `mark the interim control of ${quote(taskId)} in place`,
    (p, layout) => {
      const found = findOneTask(p.root, taskId);
      if (isRefused(found)) return found;
      loc = found;
      const interim = mapAt(found.node.byKey.get('interim')?.value);
      if (!interim)
        return refuse('not-found', `The task ${quote(taskId)} has no interim control; nothing was changed.`);
      if (scalarText(interim, 'in_place') === 'true')
        return refuse('unchanged', `The interim control of ${quote(taskId)} is already in place.`);
      return setFields(text, interim, [['in_place', true]], INTERIM_KEY_ORDER, layout());
    },
    (plain) => {
      (plainTask(plain, loc!)['interim'] as Plain)['in_place'] = true;
    },
  );
}

/** An `interim` mapping on a task that has none: the control to fill in, its owner, not in place. */
export function addInterim(
  text: string,
  taskId: string,
  interim: { control: string; owner: string },
  options: PlanEditOptions = {},
): PlanEditResult {
  let loc: TaskLocation | undefined;
  const pairs: [string, string | boolean][] = [
    ['control', interim.control],
    ['owner', interim.owner],
    ['in_place', false],
  ];
  return run(
    text,
    options,
    `add an interim control to ${quote(taskId)}`,
    (p, layout) => {
      const found = findOneTask(p.root, taskId);
      if (isRefused(found)) return found;
      loc = found;
      if (found.node.byKey.has('interim'))
        return refuse('unchanged', `The task ${quote(taskId)} already has an interim control.`);
      const edits = insertPairs(
        text,
        found.node,
        anchorFor(found.node, 'interim', TASK_KEY_ORDER),
        [['interim', editMap(pairs)]],
        layout(),
      );
      return { edits, allowed: [] };
    },
    (plain) => {
      const value = Object.assign(Object.create(null) as Plain, Object.fromEntries(pairs));
      plainTask(plain, loc!)['interim'] = value;
    },
  );
}

/** `goal.achieved_on: day`. */
export function markGoalAchieved(text: string, on: Day, options: PlanEditOptions = {}): PlanEditResult {
  const day = formatDay(on);
  return run(
    text,
    options,
    'mark the goal achieved',
    (p, layout) => {
      const goal = mapAt(p.root.byKey.get('goal')?.value);
      if (!goal) return refuse('not-found', 'The plan has no goal mapping; nothing was changed.');
      if (scalarText(goal, 'achieved_on') === day)
        return refuse('unchanged', `The goal is already achieved on ${day}.`);
      return setFields(text, goal, [['achieved_on', day]], GOAL_KEY_ORDER, layout());
    },
    (plain) => {
      (plain['goal'] as Plain)['achieved_on'] = day;
    },
  );
}
