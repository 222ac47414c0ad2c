/** The elements of the two trees: plain data from the core's queries, with stable ids. */
import type { ActionItem, FollowUpEntry, MyTask, Plan } from '../../core';
import type { FollowUpGroup, TaskGroupName } from './snapshot';

export interface TaskGroupNode {
  kind: 'taskGroup';
  name: TaskGroupName;
  items: (TaskNode | ActionNode)[];
}

/** What a plan asks of me beyond my tasks: an item escalated to me, a review, an interim control. */
export interface ActionNode {
  kind: 'action';
  uri: string;
  plan: Plan;
  entry: ActionItem;
  group: TaskGroupName;
}

export interface TaskNode {
  kind: 'task';
  /** The plan's URI as a string. */
  uri: string;
  plan: Plan;
  entry: MyTask;
  group: TaskGroupName;
}

export interface FollowUpGroupNode {
  kind: 'followUpGroup';
  name: FollowUpGroup['name'];
  items: FollowUpNode[];
}

export interface FollowUpNode {
  kind: 'followUp';
  uri: string;
  plan: Plan;
  entry: FollowUpEntry;
  /** The person ids I am in this plan. */
  mine: readonly string[];
  group: FollowUpGroup['name'];
}

/** "1,234 more…" at the end of a long group: a click shows more of it. */
export interface MoreNode {
  kind: 'more';
  view: 'myTasks' | 'followUps';
  group: string;
  /** How many items of the group are not shown. */
  hidden: number;
}

export type SidebarNode = TaskGroupNode | TaskNode | ActionNode | FollowUpGroupNode | FollowUpNode | MoreNode;

/** Items a group shows before "N more…" (VS Code redraws the whole list on each refresh). */
export const GROUP_LIMIT = 100;
/** How many more a click on "N more…" shows. */
export const GROUP_LIMIT_STEP = 500;

/** The items of a group up to its limit, and the "N more…" node when some are left out. */
export function limited<T>(items: readonly T[], limit: number, more: (hidden: number) => MoreNode): (T | MoreNode)[] {
  if (items.length <= limit) return [...items];
  return [...items.slice(0, limit), more(items.length - limit)];
}

export function taskNodeId(uri: string, taskId: string): string {
  return `${uri}#task/${taskId}`;
}

export function actionNodeId(n: ActionNode): string {
  const e = n.entry;
  // a task may have several follow-ups escalated, even with one person: the index tells them apart
  const what = e.kind === 'escalated' ? `${e.kind}/${e.what}/${e.index ?? ''}` : e.kind;
  return `${n.uri}#${what}/${e.item.kind}/${e.item.id}`;
}

export const isActionNode = (x: unknown): x is ActionNode =>
  typeof x === 'object' && x !== null && (x as ActionNode).kind === 'action';

export function followUpNodeId(n: FollowUpNode): string {
  const e = n.entry;
  return e.kind === 'check-in' ? `${n.uri}#check-in/${e.task.id}` : `${n.uri}#follow-up/${e.task.id}/${e.index ?? 0}`;
}

export const isTaskNode = (x: unknown): x is TaskNode =>
  typeof x === 'object' && x !== null && (x as TaskNode).kind === 'task';
export const isFollowUpNode = (x: unknown): x is FollowUpNode =>
  typeof x === 'object' && x !== null && (x as FollowUpNode).kind === 'followUp';
