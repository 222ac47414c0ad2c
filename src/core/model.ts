/** The typed plan: what the validator builds from a plan that passed the schema. */
import type { Day, Weekday } from './day';
import type { Span } from './diagnostic';
import type { MapNode } from './sourceTree';

export interface Duration {
  count: number;
  unit: 'd' | 'w';
  /** As written, e.g. `2w`. */
  text: string;
}

export type TaskStatus = 'todo' | 'doing' | 'blocked' | 'done';
export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'doing', 'blocked', 'done'];

/** A task's keys, in the order docs/format.md lists them (and edits insert them). */
export const TASK_KEYS = [
  'id',
  'title',
  'owner',
  'priority',
  'duration',
  'depends_on',
  'due',
  'not_before',
  'status',
  'remaining',
  'done_on',
  'review_by',
  'reviewed_on',
  'interim',
  'follow_ups',
  'tags',
  'notes',
] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

/** How much an item matters when work runs late: `p1` (critical) to `p4`; `p3` when none is written. */
export type Priority = 'p1' | 'p2' | 'p3' | 'p4';
export const PRIORITIES: readonly Priority[] = ['p1', 'p2', 'p3', 'p4'];
export const DEFAULT_PRIORITY: Priority = 'p3';

/**
 * The keys whose values are person ids (a list of them for `consulted` and `informed`): the
 * references that are checked against `people`, completed, renamed and found.
 */
export const PERSON_REF_KEYS: ReadonlySet<string> = new Set([
  'owner',
  'with',
  'escalate_to',
  'to',
  'review_by',
  'consulted',
  'informed',
]);

/** A reference to a task or milestone id, where it is written. */
export interface Ref {
  id: string;
  span: Span;
}

export interface Person {
  id: string;
  name: string;
  email?: string;
  role?: string;
  /** Tasks at once (`capacity`); 1 when the file gives none. */
  capacity: number;
  /** Leave (`away`), as written: ranges with `from <= to`, single days as one-day ranges. */
  away: DayRange[];
  /** The person's key in `people`. */
  keySpan: Span;
  node: MapNode | undefined;
}

export interface FollowUp {
  /** Index in the task's `follow_ups`. */
  index: number;
  on: Day;
  with: string;
  about?: string;
  done: boolean;
  node: MapNode;
}

/** What protects the system while a task is late (`interim`). */
export interface Interim {
  control: string;
  /** The person who puts it in place: the written `owner`, else the task's owner. */
  owner: string;
  inPlace: boolean;
  node: MapNode;
}

/** Sign-off of a task's or milestone's work (`review_by`, `reviewed_on`). */
export interface Review {
  by: string;
  on?: Day;
}

export interface Task {
  kind: 'task';
  id: string;
  title: string;
  owner: string;
  /** The task's own, else its milestone's, else `p3`. */
  priority: Priority;
  /** `1d` when the file gives none. */
  duration: Duration;
  dependsOn: Ref[];
  due?: Day;
  notBefore?: Day;
  status: TaskStatus;
  /** Work left from today, for a task in progress (`remaining`). */
  remaining?: Duration;
  doneOn?: Day;
  review?: Review;
  interim?: Interim;
  followUps: FollowUp[];
  tags: string[];
  notes?: string;
  /** Id of the milestone that holds the task. */
  milestone: string;
  /** Position among all tasks of the plan, in file order. */
  index: number;
  /** The span of the task's `id` value. */
  idSpan: Span;
  /** The span of its `owner` value (the id's when it has none): kept when the source tree is let go. */
  ownerSpan: Span;
  node: MapNode;
}

export interface Milestone {
  kind: 'milestone';
  id: string;
  title: string;
  /** As written: the default of its tasks. */
  priority?: Priority;
  due?: Day;
  dependsOn: Ref[];
  review?: Review;
  consulted: string[];
  informed: string[];
  tasks: Task[];
  /** Position among milestones, in file order. */
  index: number;
  idSpan: Span;
  node: MapNode;
}

export interface Goal {
  outcome: string;
  measure?: string;
  due: Day;
  owner?: string;
  /** The day the goal was met: the plan is finished. */
  achievedOn?: Day;
  consulted: string[];
  informed: string[];
  /** The span of the `goal` key (undefined when the plan has none). */
  keySpan?: Span;
  node: MapNode;
}

/** Days from `from` to `to`, both included (`from <= to`): a holiday range, leave, a freeze. */
export interface DayRange {
  from: Day;
  to: Day;
  name?: string;
}

/** A change freeze: its days are off for every task with one of its tags (every task when it has none). */
export interface Freeze extends DayRange {
  tags: string[];
}

export interface Calendar {
  /** Workdays of the week, 0 = Monday; mon-fri when the file gives none. */
  workdays: Weekday[];
  /** Every holiday, ranges spelled out day by day: sorted, without duplicates. */
  holidays: Day[];
  /** As written, in file order (reversed ranges left out). */
  freezes: Freeze[];
}

/** One rung of an escalation ladder: late by more than `after` workdays goes to `to`. */
export interface EscalationTier {
  /** `0d` allowed. */
  after: Duration;
  to: string;
  node: MapNode;
}

export type LadderKey = 'default' | Priority;
export const LADDER_KEYS: readonly LadderKey[] = ['default', 'p1', 'p2', 'p3', 'p4'];

export interface Policy {
  checkInEvery?: Duration;
  escalateAfter?: Duration;
  /** Falls back to `goal.owner` where used. */
  escalateTo?: string;
  /** `policy.escalation`, as written (tiers without a usable `after` or `to` left out). */
  escalation?: Map<LadderKey, EscalationTier[]>;
}

export interface Plan {
  version: 1;
  title: string;
  goal: Goal;
  start?: Day;
  calendar: Calendar;
  /** Person id -> person. A Map: `__proto__` is an ordinary id. */
  people: Map<string, Person>;
  policy: Policy;
  milestones: Milestone[];
  /** Every task in file order. */
  tasks: Task[];
  /** Task and milestone ids -> the item (first occurrence when an id is duplicated). */
  items: Map<string, Task | Milestone>;
  root: MapNode;
}

/** The workdays a duration covers under a calendar: `Nw` = N x workdays per week. */
export function durationWorkdays(d: Duration, calendar: Calendar): number {
  return d.unit === 'w' ? d.count * calendar.workdays.length : d.count;
}

/** A plan whose goal is marked achieved (`goal.achieved_on`): it owes no work, follow-up or review. */
export function isFinished(plan: Plan): boolean {
  return plan.goal.achievedOn !== undefined;
}

/** A task's priority (already inherited); a milestone's as written, else `p3`. */
export function priorityOf(item: Task | Milestone): Priority {
  return item.kind === 'task' ? item.priority : (item.priority ?? DEFAULT_PRIORITY);
}
