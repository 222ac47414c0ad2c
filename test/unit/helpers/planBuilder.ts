/**
 * Builds a typed `Plan` straight from a compact description, without YAML: for scheduler and
 * query tests. Keys mirror the file format (`depends_on`, `not_before`, `follow_ups`...).
 * Every key and value gets its own small fake span, so tests can check where a diagnostic sits:
 * `spanOfValue(task.node, 'not_before')` is the span a real plan would give that value.
 */
import { formatDay, parseDay, WEEKDAY_NAMES, type Day, type Weekday, type WeekdayName } from '../../../src/core/day';
import type { Span } from '../../../src/core/diagnostic';
import type {
  DayRange,
  Duration,
  FollowUp,
  Freeze,
  Milestone,
  Person,
  Plan,
  Ref,
  Task,
  TaskStatus,
} from '../../../src/core/model';
import type { MapNode, Pair, ScalarNode, SeqNode, SourceNode } from '../../../src/core/sourceTree';

export interface FollowUpSpec {
  on: string;
  with: string;
  about?: string;
  done?: boolean;
}

export interface TaskSpec {
  id: string;
  title?: string;
  owner?: string;
  duration?: string;
  depends_on?: string[];
  due?: string;
  not_before?: string;
  status?: TaskStatus;
  done_on?: string;
  follow_ups?: FollowUpSpec[];
  tags?: string[];
  remaining?: string;
}

/** A day `YYYY-MM-DD` or a range of days, as the format writes them. */
export type DayRangeSpec = string | { from: string; to: string; name?: string };

export interface MilestoneSpec {
  id: string;
  title?: string;
  due?: string;
  depends_on?: string[];
  tasks?: TaskSpec[];
}

export interface PlanSpec {
  title?: string;
  goal: { due: string; owner?: string; outcome?: string };
  start?: string;
  calendar?: {
    workdays?: WeekdayName[];
    holidays?: DayRangeSpec[];
    freezes?: { from: string; to: string; tags?: string[]; name?: string }[];
  };
  people?: Record<string, { name?: string; email?: string; role?: string; capacity?: number; away?: DayRangeSpec[] }>;
  policy?: { check_in_every?: string; escalate_after?: string; escalate_to?: string };
  milestones: MilestoneSpec[];
}

/** `YYYY-MM-DD` -> Day; throws on anything else (tests only). */
export function day(text: string): Day {
  const d = parseDay(text);
  if (typeof d !== 'number') throw new Error(`not a date: ${text} (${d})`);
  return d;
}

/** A day or range spec as the model holds it. */
export function dayRange(r: DayRangeSpec): DayRange {
  if (typeof r === 'string') return { from: day(r), to: day(r) };
  const range: DayRange = { from: day(r.from), to: day(r.to) };
  if (r.name !== undefined) range.name = r.name;
  return range;
}

export function duration(text: string): Duration {
  const m = /^([1-9][0-9]*)([dw])$/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return { count: Number(m[1]), unit: m[2] as 'd' | 'w', text };
}

/** Hands out increasing offsets, so that every fake node has a distinct span. */
class Offsets {
  private at = 0;
  take(len: number): Span {
    const s = { start: this.at, end: this.at + Math.max(1, len) };
    this.at = s.end + 1;
    return s;
  }
}

function scalar(o: Offsets, value: string | number | boolean | null): ScalarNode {
  const text = String(value);
  const s = o.take(text.length);
  return { kind: 'scalar', style: 'plain', text, value, start: s.start, end: s.end };
}

function node(o: Offsets, value: unknown): SourceNode {
  if (Array.isArray(value)) {
    const start = o.take(1).start;
    const items = value.map((v) => node(o, v));
    return { kind: 'seq', flow: true, items, start, end: o.take(1).end } satisfies SeqNode;
  }
  if (value !== null && typeof value === 'object') return mapNode(o, value as Record<string, unknown>);
  return scalar(o, value as string | number | boolean | null);
}

function mapNode(o: Offsets, entries: Record<string, unknown>): MapNode {
  const start = o.take(1).start;
  const pairs: Pair[] = [];
  const byKey = new Map<string, Pair>();
  for (const [k, v] of Object.entries(entries)) {
    if (v === undefined) continue;
    const pair: Pair = { key: scalar(o, k), value: node(o, v) };
    pairs.push(pair);
    byKey.set(k, pair);
  }
  return { kind: 'map', flow: false, pairs, byKey, start, end: o.take(1).end };
}

function spanOf(n: SourceNode | undefined): Span {
  return n ? { start: n.start, end: n.end } : { start: 0, end: 0 };
}

/** The span of a key's value in a fake (or real) node. */
export function spanOfValue(n: MapNode, key: string): Span {
  return spanOf(n.byKey.get(key)?.value);
}

function refs(n: MapNode, ids: string[] | undefined): Ref[] {
  const seq = n.byKey.get('depends_on')?.value;
  return (ids ?? []).map((id, i) => ({ id, span: spanOf(seq?.kind === 'seq' ? seq.items[i] : undefined) }));
}

function daysBetween(from: Day, to: Day): Day[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function titleCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

export interface BuildOptions {
  /** No fake source nodes (every node is one shared empty mapping, every span 0..0): for huge plans. */
  lean?: boolean;
}

export function buildPlan(spec: PlanSpec, options: BuildOptions = {}): Plan {
  const o = new Offsets();
  const empty = mapNode(o, {});
  const root = options.lean ? empty : mapNode(o, spec as unknown as Record<string, unknown>);
  const at = (n: MapNode | undefined, key: string): SourceNode | undefined => n?.byKey.get(key)?.value;
  const asMap = (n: SourceNode | undefined): MapNode => (n?.kind === 'map' ? n : options.lean ? empty : mapNode(o, {}));
  const asSeq = (n: SourceNode | undefined): SourceNode[] => (n?.kind === 'seq' ? n.items : []);

  const workdays: Weekday[] = (spec.calendar?.workdays ?? ['mon', 'tue', 'wed', 'thu', 'fri']).map(
    (w) => WEEKDAY_NAMES.indexOf(w) as Weekday,
  );
  const holidayRanges = (spec.calendar?.holidays ?? []).map(dayRange);
  const holidays = [...new Set(holidayRanges.flatMap((r) => daysBetween(r.from, r.to)))].sort((a, b) => a - b);
  const freezes: Freeze[] = (spec.calendar?.freezes ?? []).map((f) => ({ ...dayRange(f), tags: f.tags ?? [] }));

  const people = new Map<string, Person>();
  const peopleNode = at(root, 'people');
  const addPerson = (id: string | undefined): void => {
    if (id === undefined || people.has(id)) return;
    const p = spec.people && Object.hasOwn(spec.people, id) ? spec.people[id] : undefined;
    const pNode = peopleNode?.kind === 'map' ? peopleNode.byKey.get(id) : undefined;
    const person: Person = {
      id,
      name: p?.name ?? titleCase(id),
      capacity: p?.capacity ?? 1,
      away: (p?.away ?? []).map(dayRange),
      keySpan: spanOf(pNode?.key),
      node: pNode?.value.kind === 'map' ? pNode.value : undefined,
    };
    if (p?.email !== undefined) person.email = p.email;
    if (p?.role !== undefined) person.role = p.role;
    people.set(id, person);
  };
  for (const id of Object.keys(spec.people ?? {})) addPerson(id);

  const goalNode = asMap(at(root, 'goal'));
  const plan: Plan = {
    version: 1,
    title: spec.title ?? 'Test plan',
    goal: {
      outcome: spec.goal.outcome ?? 'Done',
      due: day(spec.goal.due),
      consulted: [],
      informed: [],
      keySpan: root.byKey.has('goal') ? spanOf(root.byKey.get('goal')!.key) : undefined,
      node: goalNode,
    },
    calendar: { workdays, holidays, freezes },
    people,
    policy: {},
    milestones: [],
    tasks: [],
    items: new Map(),
    root,
  };
  if (spec.goal.owner !== undefined) plan.goal.owner = spec.goal.owner;
  addPerson(spec.goal.owner);
  if (spec.start !== undefined) plan.start = day(spec.start);
  if (spec.policy?.check_in_every) plan.policy.checkInEvery = duration(spec.policy.check_in_every);
  if (spec.policy?.escalate_after) plan.policy.escalateAfter = duration(spec.policy.escalate_after);
  if (spec.policy?.escalate_to) plan.policy.escalateTo = spec.policy.escalate_to;
  addPerson(spec.policy?.escalate_to);

  const msNodes = asSeq(at(root, 'milestones'));
  spec.milestones.forEach((ms, mi) => {
    const mNode = asMap(msNodes[mi]);
    const m: Milestone = {
      kind: 'milestone',
      id: ms.id,
      title: ms.title ?? ms.id,
      dependsOn: refs(mNode, ms.depends_on),
      consulted: [],
      informed: [],
      tasks: [],
      index: mi,
      idSpan: spanOf(at(mNode, 'id')),
      node: mNode,
    };
    if (ms.due !== undefined) m.due = day(ms.due);
    if (!plan.items.has(m.id)) plan.items.set(m.id, m);
    const taskNodes = asSeq(at(mNode, 'tasks'));
    (ms.tasks ?? []).forEach((ts, ti) => {
      const tNode = asMap(taskNodes[ti]);
      const fuNodes = asSeq(at(tNode, 'follow_ups'));
      const owner = ts.owner ?? 'owner';
      addPerson(owner);
      const followUps: FollowUp[] = (ts.follow_ups ?? []).map((f, fi) => {
        addPerson(f.with);
        const fu: FollowUp = {
          index: fi,
          on: day(f.on),
          with: f.with,
          done: f.done ?? false,
          node: asMap(fuNodes[fi]),
        };
        if (f.about !== undefined) fu.about = f.about;
        return fu;
      });
      const t: Task = {
        kind: 'task',
        id: ts.id,
        title: ts.title ?? ts.id,
        owner,
        priority: 'p3',
        duration: duration(ts.duration ?? '1d'),
        dependsOn: refs(tNode, ts.depends_on),
        status: ts.status ?? 'todo',
        followUps,
        tags: ts.tags ?? [],
        milestone: ms.id,
        index: plan.tasks.length,
        idSpan: spanOf(at(tNode, 'id')),
        ownerSpan: spanOf(at(tNode, 'owner') ?? at(tNode, 'id')),
        node: tNode,
      };
      if (ts.due !== undefined) t.due = day(ts.due);
      if (ts.not_before !== undefined) t.notBefore = day(ts.not_before);
      if (ts.done_on !== undefined) t.doneOn = day(ts.done_on);
      if (ts.remaining !== undefined) t.remaining = duration(ts.remaining);
      m.tasks.push(t);
      plan.tasks.push(t);
      if (!plan.items.has(t.id)) plan.items.set(t.id, t);
    });
    plan.milestones.push(m);
  });
  return plan;
}

/**
 * A schedule as compact rows, for golden comparisons:
 * `id LS LF ES EF slack` with `*` for critical; `-` where a field is absent (done tasks, checkpoints).
 */
export function scheduleRows(schedule: { items: readonly ScheduleRowItem[] }): string[] {
  const f = (d: number | undefined): string => (d === undefined ? '-' : formatDay(d));
  return schedule.items.map(
    (i) =>
      [i.id, f(i.start), f(i.finish), f(i.earliestStart), f(i.earliestFinish), i.slack ?? '-'].join(' ') +
      (i.critical ? ' *' : ''),
  );
}

interface ScheduleRowItem {
  id: string;
  start: number;
  finish: number;
  earliestStart?: number;
  earliestFinish?: number;
  slack?: number;
  critical: boolean;
}

/** docs/format.md's worked example, as a spec. */
export const MFA_SPEC: PlanSpec = {
  title: 'MFA for every staff account',
  goal: { outcome: 'Every staff account signs in with MFA', due: '2026-09-30', owner: 'dana' },
  start: '2026-07-01',
  calendar: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2026-09-07', '2026-09-21'] },
  people: {
    dana: { name: 'Dana Whitfield', email: 'dana@example.com' },
    ravi: { name: 'Ravi Patel', email: 'ravi@msp.example' },
    lee: { name: 'Lee Chen' },
  },
  policy: { check_in_every: '1w', escalate_after: '2d', escalate_to: 'dana' },
  milestones: [
    {
      id: 'design',
      title: 'Method chosen with stakeholders',
      tasks: [
        { id: 'licensing', owner: 'ravi', duration: '2d', status: 'done' },
        {
          id: 'pick-method',
          owner: 'dana',
          duration: '3d',
          depends_on: ['licensing'],
          follow_ups: [{ on: '2026-07-06', with: 'ravi', about: 'Licences ordered?', done: true }],
        },
      ],
    },
    {
      id: 'pilot',
      due: '2026-08-14',
      depends_on: ['design'],
      tasks: [{ id: 'enroll-it', owner: 'lee', duration: '1w', tags: ['critical-system'] }],
    },
    {
      id: 'rollout',
      depends_on: ['pilot'],
      tasks: [
        { id: 'comms', owner: 'dana', duration: '2d' },
        { id: 'enroll-all', owner: 'lee', duration: '2w', depends_on: ['comms'] },
      ],
    },
  ],
};
