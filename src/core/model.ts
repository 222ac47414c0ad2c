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
  'duration',
  'depends_on',
  'due',
  'not_before',
  'status',
  'done_on',
  'follow_ups',
  'tags',
  'notes',
] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

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

export interface Task {
  kind: 'task';
  id: string;
  title: string;
  owner: string;
  /** `1d` when the file gives none. */
  duration: Duration;
  dependsOn: Ref[];
  due?: Day;
  notBefore?: Day;
  status: TaskStatus;
  doneOn?: Day;
  followUps: FollowUp[];
  tags: string[];
  notes?: string;
  /** Id of the milestone that holds the task. */
  milestone: string;
  /** Position among all tasks of the plan, in file order. */
  index: number;
  /** The span of the task's `id` value. */
  idSpan: Span;
  node: MapNode;
}

export interface Milestone {
  kind: 'milestone';
  id: string;
  title: string;
  due?: Day;
  dependsOn: Ref[];
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
  /** The span of the `goal` key (undefined when the plan has none). */
  keySpan?: Span;
  node: MapNode;
}

export interface Calendar {
  /** Workdays of the week, 0 = Monday; mon-fri when the file gives none. */
  workdays: Weekday[];
  /** Sorted, without duplicates. */
  holidays: Day[];
}

export interface Policy {
  checkInEvery?: Duration;
  escalateAfter?: Duration;
  /** Falls back to `goal.owner` where used. */
  escalateTo?: string;
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
