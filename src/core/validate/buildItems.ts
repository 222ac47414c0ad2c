/** The plan's milestones and tasks, in file order: an item without an id is left out. */
import type { FollowUp, Interim, Milestone, Review, Task, TaskStatus } from '../model';
import { DEFAULT_PRIORITY, TASK_KEYS, TASK_STATUSES, type TaskKey } from '../model';
import { spanOf, type MapNode, type SourceNode } from '../sourceTree';
import { duration, get, map, priority, refs, seq, str, texts, type DayReader } from './nodeValues';

export interface PlanItems {
  milestones: Milestone[];
  /** Every task in file order. */
  tasks: Task[];
  /** Task and milestone ids -> the item (the first, when an id is used again). */
  items: Map<string, Task | Milestone>;
}

export function buildItems(list: readonly SourceNode[], day: DayReader): PlanItems {
  const out: PlanItems = { milestones: [], tasks: [], items: new Map() };
  for (const mItem of list) {
    const mn = map(mItem);
    const mid = str(get(mn, 'id'));
    if (!mn || mid === undefined) continue;
    const milestone: Milestone = {
      kind: 'milestone',
      id: mid,
      title: str(get(mn, 'title')) ?? mid,
      priority: priority(get(mn, 'priority')),
      due: day(get(mn, 'due'), 'due of milestone', mid),
      dependsOn: refs(get(mn, 'depends_on')),
      review: review(get(mn, 'review_by'), get(mn, 'reviewed_on'), day, mid),
      consulted: texts(get(mn, 'consulted')),
      informed: texts(get(mn, 'informed')),
      tasks: [],
      index: out.milestones.length,
      idSpan: spanOf(get(mn, 'id')!),
      node: mn,
    };
    out.milestones.push(milestone);
    if (!out.items.has(mid)) out.items.set(mid, milestone);
    for (const tItem of seq(get(mn, 'tasks'))) {
      const tn = map(tItem);
      const task = tn && buildTask(tn, milestone, out.tasks.length, day);
      if (!task) continue;
      milestone.tasks.push(task);
      out.tasks.push(task);
      if (!out.items.has(task.id)) out.items.set(task.id, task);
    }
  }
  return out;
}

const IS_TASK_KEY: ReadonlySet<string> = new Set(TASK_KEYS);

/** The values of a task's keys, read in one pass over its pairs (the first of a repeated key wins, as in `byKey`). */
type TaskValues = Partial<Record<TaskKey, SourceNode>>;

function taskValues(tn: MapNode): TaskValues {
  const v: TaskValues = {};
  for (const { key, value } of tn.pairs) {
    if (IS_TASK_KEY.has(key.text)) v[key.text as TaskKey] ??= value;
  }
  return v;
}

/** A task of milestone `m`, the `index`th of the plan; undefined without an id. */
function buildTask(tn: MapNode, m: Milestone, index: number, day: DayReader): Task | undefined {
  const v = taskValues(tn);
  const tid = str(v.id);
  if (tid === undefined) return undefined;
  const status = str(v.status);
  const followUps = buildFollowUps(v.follow_ups, tid, day);
  const owner = str(v.owner) ?? '';
  const task: Task = {
    kind: 'task',
    id: tid,
    title: str(v.title) ?? tid,
    owner,
    priority: priority(v.priority) ?? m.priority ?? DEFAULT_PRIORITY,
    duration: duration(v.duration) ?? { count: 1, unit: 'd', text: '1d' },
    dependsOn: refs(v.depends_on),
    due: day(v.due, 'due of', tid),
    notBefore: day(v.not_before, 'not_before of', tid),
    status: TASK_STATUSES.includes(status as TaskStatus) ? (status as TaskStatus) : 'todo',
    remaining: duration(v.remaining),
    doneOn: day(v.done_on, 'done_on of', tid),
    followUps,
    tags: texts(v.tags),
    notes: str(v.notes),
    milestone: m.id,
    index,
    idSpan: spanOf(v.id!),
    ownerSpan: spanOf(v.owner ?? v.id!),
    node: tn,
  };
  const r = review(v.review_by, v.reviewed_on, day, tid);
  if (r) task.review = r;
  const interim = buildInterim(map(v.interim), owner);
  if (interim) task.interim = interim;
  return task;
}

/** `review_by` and `reviewed_on`; undefined without a reviewer. */
function review(
  by: SourceNode | undefined,
  on: SourceNode | undefined,
  day: DayReader,
  of: string,
): Review | undefined {
  const who = str(by);
  const when = day(on, 'reviewed_on of', of);
  if (who === undefined) return undefined;
  return when === undefined ? { by: who } : { by: who, on: when };
}

/** A task's interim control; undefined without a `control`. */
function buildInterim(node: MapNode | undefined, taskOwner: string): Interim | undefined {
  const control = str(get(node, 'control'));
  if (!node || control === undefined) return undefined;
  const inPlace = get(node, 'in_place');
  return {
    control,
    owner: str(get(node, 'owner')) ?? taskOwner,
    inPlace: inPlace?.kind === 'scalar' && inPlace.value === true,
    node,
  };
}

/** A task's follow-ups; one without a day or a person is left out (its index stays its place in the list). */
function buildFollowUps(list: SourceNode | undefined, tid: string, day: DayReader): FollowUp[] {
  const followUps: FollowUp[] = [];
  seq(list).forEach((fItem, index) => {
    const fn = map(fItem);
    const on = day(get(fn, 'on'), 'follow-up of', tid);
    const withId = str(get(fn, 'with'));
    if (!fn || on === undefined || withId === undefined) return;
    const done = get(fn, 'done');
    followUps.push({
      index,
      on,
      with: withId,
      about: str(get(fn, 'about')),
      done: done?.kind === 'scalar' && done.value === true,
      node: fn,
    });
  });
  return followUps;
}
