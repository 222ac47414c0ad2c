/**
 * The typed plan from the source tree, best effort: a field with a wrong type or form is
 * left out (the schema check already said so), so the semantic checks can still run on the
 * rest. Dates that have the right form but are not real days are reported here.
 */
import { parseDay, WEEKDAY_NAMES, type Day, type Weekday } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import type { Calendar, Duration, FollowUp, Goal, Milestone, Person, Plan, Policy, Ref, Task, TaskStatus } from '../model';
import { TASK_KEYS, TASK_STATUSES, type TaskKey } from '../model';
import { keySpan, spanOf, type MapNode, type SourceNode } from '../sourceTree';

const DURATION_RE = /^([1-9][0-9]{0,4})([dw])$/;
const EMPTY_MAP: MapNode = { kind: 'map', flow: false, pairs: [], byKey: new Map(), start: 0, end: 0 };

const str = (n: SourceNode | undefined): string | undefined => (n !== undefined && n.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined);
const map = (n: SourceNode | undefined): MapNode | undefined => (n !== undefined && n.kind === 'map' ? n : undefined);
const NO_ITEMS: readonly SourceNode[] = [];
const seq = (n: SourceNode | undefined): readonly SourceNode[] => (n !== undefined && n.kind === 'seq' ? n.items : NO_ITEMS);
const get = (m: MapNode | undefined, key: string): SourceNode | undefined => m?.byKey.get(key)?.value;

function duration(n: SourceNode | undefined): Duration | undefined {
  const text = str(n);
  const m = text === undefined ? null : DURATION_RE.exec(text);
  return m ? { count: Number(m[1]), unit: m[2] as 'd' | 'w', text: text! } : undefined;
}

function refs(n: SourceNode | undefined): Ref[] {
  const out: Ref[] = [];
  for (const item of seq(n)) {
    const id = str(item);
    if (id !== undefined) out.push({ id, span: spanOf(item) });
  }
  return out;
}

function texts(n: SourceNode | undefined): string[] {
  const out: string[] = [];
  for (const item of seq(n)) {
    const t = str(item);
    if (t !== undefined) out.push(t);
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

export function buildModel(root: MapNode): { plan: Plan; diagnostics: RawDiagnostic[] } {
  const diagnostics: RawDiagnostic[] = [];
  // `what` names the value in a message; `of` (an id) completes it, so that no text is built for a good date
  const day = (n: SourceNode | undefined, what: string, of?: string): Day | undefined => {
    const text = str(n);
    if (text === undefined) return undefined;
    const d = parseDay(text);
    if (typeof d === 'number') return d;
    if (of !== undefined) what = `${what} ${of}`;
    if (d === 'not-a-date') {
      diagnostics.push({ code: 'invalid-date', severity: 'error', message: `${text} is not a real calendar day (${what}).`, span: spanOf(n!) });
    } else if (d === 'out-of-range') {
      diagnostics.push({ code: 'invalid-date', severity: 'error', message: `${text} lies outside the years 1970-2199 that plans may use (${what}).`, span: spanOf(n!) });
    }
    return undefined;
  };

  const goalNode = map(get(root, 'goal')) ?? EMPTY_MAP;
  const goal: Goal = {
    outcome: str(get(goalNode, 'outcome')) ?? '',
    measure: str(get(goalNode, 'measure')),
    due: day(get(goalNode, 'due'), 'goal.due') ?? NaN,
    owner: str(get(goalNode, 'owner')),
    keySpan: keySpan(root, 'goal'),
    node: goalNode,
  };

  const calNode = map(get(root, 'calendar'));
  const workdays: Weekday[] = [];
  const wdNode = get(calNode, 'workdays');
  if (wdNode?.kind === 'seq') {
    for (const item of wdNode.items) {
      const i = WEEKDAY_NAMES.indexOf(str(item) as (typeof WEEKDAY_NAMES)[number]);
      if (i >= 0 && !workdays.includes(i as Weekday)) workdays.push(i as Weekday);
    }
    workdays.sort((a, b) => a - b);
  } else workdays.push(0, 1, 2, 3, 4);
  const holidaySet = new Set<Day>();
  for (const h of seq(get(calNode, 'holidays'))) {
    const d = day(h, 'holiday');
    if (d !== undefined) holidaySet.add(d);
  }
  const calendar: Calendar = { workdays, holidays: [...holidaySet].sort((a, b) => a - b) };

  const people = new Map<string, Person>();
  const peopleNode = map(get(root, 'people'));
  for (const p of peopleNode?.pairs ?? []) {
    if (people.has(p.key.text)) continue;
    const pn = map(p.value);
    people.set(p.key.text, { id: p.key.text, name: str(get(pn, 'name')) ?? p.key.text, email: str(get(pn, 'email')), role: str(get(pn, 'role')), keySpan: spanOf(p.key), node: pn });
  }

  const policyNode = map(get(root, 'policy'));
  const policy: Policy = {
    checkInEvery: duration(get(policyNode, 'check_in_every')),
    escalateAfter: duration(get(policyNode, 'escalate_after')),
    escalateTo: str(get(policyNode, 'escalate_to')),
  };

  const milestones: Milestone[] = [];
  const tasks: Task[] = [];
  const items = new Map<string, Task | Milestone>();
  for (const mItem of seq(get(root, 'milestones'))) {
    const mn = map(mItem);
    const mid = str(get(mn, 'id'));
    if (!mn || mid === undefined) continue;
    const milestone: Milestone = {
      kind: 'milestone', id: mid, title: str(get(mn, 'title')) ?? mid, due: day(get(mn, 'due'), 'due of milestone', mid),
      dependsOn: refs(get(mn, 'depends_on')), tasks: [], index: milestones.length, idSpan: spanOf(get(mn, 'id')!), node: mn,
    };
    milestones.push(milestone);
    if (!items.has(mid)) items.set(mid, milestone);
    for (const tItem of seq(get(mn, 'tasks'))) {
      const tn = map(tItem);
      if (!tn) continue;
      const v = taskValues(tn);
      const tid = str(v.id);
      if (tid === undefined) continue;
      const status = str(v.status);
      const followUps: FollowUp[] = [];
      seq(v.follow_ups).forEach((fItem, index) => {
        const fn = map(fItem);
        const on = day(get(fn, 'on'), 'follow-up of', tid);
        const withId = str(get(fn, 'with'));
        if (!fn || on === undefined || withId === undefined) return;
        const done = get(fn, 'done');
        followUps.push({ index, on, with: withId, about: str(get(fn, 'about')), done: done?.kind === 'scalar' && done.value === true, node: fn });
      });
      const task: Task = {
        kind: 'task', id: tid, title: str(v.title) ?? tid, owner: str(v.owner) ?? '',
        duration: duration(v.duration) ?? { count: 1, unit: 'd', text: '1d' },
        dependsOn: refs(v.depends_on), due: day(v.due, 'due of', tid), notBefore: day(v.not_before, 'not_before of', tid),
        status: TASK_STATUSES.includes(status as TaskStatus) ? (status as TaskStatus) : 'todo', doneOn: day(v.done_on, 'done_on of', tid),
        followUps, tags: texts(v.tags), notes: str(v.notes),
        milestone: mid, index: tasks.length, idSpan: spanOf(v.id!), node: tn,
      };
      milestone.tasks.push(task);
      tasks.push(task);
      if (!items.has(tid)) items.set(tid, task);
    }
  }

  const plan: Plan = {
    version: 1, title: str(get(root, 'title')) ?? '', goal, start: day(get(root, 'start'), 'start'), calendar, people, policy, milestones, tasks, items, root,
  };
  return { plan, diagnostics };
}
