/**
 * Edit commands of the sidebar (context menus and inline buttons of the trees): mark a task
 * done, start it, block it, mark a follow-up done, log a check-in, schedule a follow-up. Each takes the
 * tree element it was invoked on (or the views' selection, or `{ uri, taskId }`), computes the
 * edit with src/core/edit on the document's current text and applies it with applyPlanEdit.
 * Each returns its outcome (undefined when the user cancelled a question).
 */
import * as vscode from 'vscode';
import {
  addFollowUp,
  markInterimInPlace,
  markReviewed,
  type ActionItem,
  blockTask,
  checkInWith,
  formatDay,
  logCheckIn,
  markFollowUpDone,
  markTaskDone,
  parseDay,
  startTask,
  type Day,
  type FollowUpRef,
  type NewFollowUp,
  type Plan,
  type PlanEditResult,
} from '../../core';
import type { CommandTable } from '../commandTable';
import { applyPlanEdit, type EditOutcome } from '../edits/applyPlanEdit';
import { displayText } from './displayText';
import { isActionNode, isFollowUpNode, isTaskNode, type SidebarNode } from './nodes';
import { askAbout, askDay, askPerson, dayProblem } from './prompts';
import type { SidebarSnapshot } from './snapshot';
import { counterpart } from './treeItems';

export interface EditCommandDeps {
  today: () => Day;
  snapshot: () => SidebarSnapshot;
  /** The element selected in the focused sidebar view, for commands run without one. */
  selected: () => SidebarNode | undefined;
}

interface TaskTarget {
  uri: vscode.Uri;
  taskId: string;
  title: string;
  owner: string | undefined;
  plan: Plan | undefined;
}

/** Options of "Schedule a Follow-up" that skip its questions (keybindings, automation, tests). */
export interface ScheduleArgs {
  on: string;
  with: string;
  about?: string;
}

export function editCommands(deps: EditCommandDeps): CommandTable {
  return [
    {
      id: 'workback.markTaskDone',
      run: (arg?: unknown) => {
        const today = deps.today();
        return editTask(
          deps,
          arg,
          (text, taskId) => markTaskDone(text, taskId, today),
          (title) => `Marked ${title} done`,
        );
      },
    },
    { id: 'workback.startTask', run: (arg?: unknown) => editTask(deps, arg, startTask, (title) => `Started ${title}`) },
    { id: 'workback.blockTask', run: (arg?: unknown) => editTask(deps, arg, blockTask, (title) => `Blocked ${title}`) },
    { id: 'workback.markFollowUpDone', run: (arg?: unknown) => followUpDone(deps, arg) },
    { id: 'workback.logCheckIn', run: (arg?: unknown, options?: { with?: string }) => checkIn(deps, arg, options) },
    { id: 'workback.scheduleFollowUp', run: (arg?: unknown, args?: ScheduleArgs) => scheduleFollowUp(deps, arg, args) },
    { id: 'workback.markReviewed', run: (arg?: unknown) => reviewed(deps, arg) },
    { id: 'workback.markInterimInPlace', run: (arg?: unknown) => interimInPlace(deps, arg) },
  ];
}

/** The action row a command was run on (or the selection), when it is of `kind`. */
function actionTarget<K extends ActionItem['kind']>(
  deps: EditCommandDeps,
  arg: unknown,
  kind: K,
): { uri: vscode.Uri; entry: Extract<ActionItem, { kind: K }> } | undefined {
  const a = arg ?? deps.selected();
  if (!isActionNode(a) || a.entry.kind !== kind) return undefined;
  return { uri: vscode.Uri.parse(a.uri), entry: a.entry as Extract<ActionItem, { kind: K }> };
}

/** `reviewed_on: today` on the task or milestone of a "To review" row. */
function reviewed(deps: EditCommandDeps, arg: unknown): Promise<EditOutcome> | EditOutcome {
  const t = actionTarget(deps, arg, 'review');
  if (!t) return noTarget('row under To review');
  const today = deps.today();
  const item = t.entry.item;
  return applyPlanEdit(t.uri, (text) => markReviewed(text, item.id, today), {
    done: `Marked ${quoteTitle(item.title)} reviewed`,
  });
}

/** `in_place: true` on the interim control of a "Put in place" row. */
function interimInPlace(deps: EditCommandDeps, arg: unknown): Promise<EditOutcome> | EditOutcome {
  const t = actionTarget(deps, arg, 'interim');
  if (!t) return noTarget('row under Put in place');
  const task = t.entry.item;
  return applyPlanEdit(t.uri, (text) => markInterimInPlace(text, task.id), {
    done: `Marked the interim control of ${quoteTitle(task.title)} in place`,
  });
}

const quoteTitle = (t: string): string => `“${displayText(t, 60)}”`;

function refuse(message: string): EditOutcome {
  void vscode.window.showWarningMessage(`Workback: ${message}`);
  return { status: 'refused', uri: '', message };
}

const noTarget = (what: string): EditOutcome => refuse(`select a ${what} in the Workback sidebar first.`);

/** The task a command was run on: a tree element, else the views' selection, else `{ uri, taskId }`. */
function taskTarget(deps: EditCommandDeps, arg: unknown): TaskTarget | undefined {
  const a = arg ?? deps.selected();
  if (isTaskNode(a) || isFollowUpNode(a)) {
    const task = a.entry.task;
    return { uri: vscode.Uri.parse(a.uri), taskId: task.id, title: task.title, owner: task.owner, plan: a.plan };
  }
  if (typeof a === 'object' && a !== null && typeof (a as { taskId?: unknown }).taskId === 'string') {
    const { uri, taskId } = a as { uri: unknown; taskId: string };
    const u = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
    if (!u) return undefined;
    const plan = deps.snapshot().plans.get(u.toString())?.plan;
    const task = plan?.tasks.find((t) => t.id === taskId);
    return { uri: u, taskId, title: task?.title ?? taskId, owner: task?.owner, plan };
  }
  return undefined;
}

/** Mark done, start, block: one edit of the task, and what the status bar says once it is made. */
async function editTask(
  deps: EditCommandDeps,
  arg: unknown,
  edit: (text: string, taskId: string) => PlanEditResult,
  done: (quotedTitle: string) => string,
): Promise<EditOutcome> {
  const t = taskTarget(deps, arg);
  if (!t) return noTarget('task');
  return applyPlanEdit(t.uri, (text) => edit(text, t.taskId), { done: done(quoteTitle(t.title)) });
}

/**
 * With whom a check-in is logged. From a follow-up row: that follow-up's own person (the other
 * side when that is me). From a task: of the owner and whoever checks on them (checkInWith), the
 * one who is not me. Undefined when that is nobody but me.
 */
function checkInPerson(deps: EditCommandDeps, arg: unknown, t: TaskTarget): string | undefined {
  const a = arg ?? deps.selected();
  if (isFollowUpNode(a)) return counterpart(a);
  if (!t.owner) return undefined;
  const task = t.plan?.tasks.find((x) => x.id === t.taskId);
  const checker = t.plan && task ? checkInWith(t.plan, task) : undefined;
  const mine = deps.snapshot().mine.get(t.uri.toString()) ?? [];
  return [t.owner, checker].find((p) => p !== undefined && !mine.includes(p));
}

async function checkIn(
  deps: EditCommandDeps,
  arg?: unknown,
  options?: { with?: string },
): Promise<EditOutcome | undefined> {
  const t = taskTarget(deps, arg);
  if (!t) return noTarget('task or check-in');
  let withPerson = options?.with ?? checkInPerson(deps, arg, t);
  if (withPerson === undefined) {
    if (!t.plan)
      return refuse(`the task ${quoteTitle(t.title)} is not in a plan Workback has read; nothing was changed.`);
    // my own task, and nobody checks on me: whom I checked in with is asked
    withPerson = await askPerson(`Log a check-in on ${quoteTitle(t.title)}`, t.plan, undefined);
    if (withPerson === undefined) return undefined;
  }
  const today = deps.today();
  return applyPlanEdit(t.uri, (text) => logCheckIn(text, t.taskId, today, withPerson), {
    done: `Logged a check-in on ${quoteTitle(t.title)}`,
  });
}

/** A follow-up marked done; a check-in row of the Follow-ups view logs a check-in instead. */
async function followUpDone(deps: EditCommandDeps, arg?: unknown): Promise<EditOutcome | undefined> {
  const a = arg ?? deps.selected();
  if (!isFollowUpNode(a)) return noTarget('follow-up');
  if (a.entry.kind === 'check-in' || a.entry.index === undefined) return checkIn(deps, a);
  const ref: FollowUpRef = {
    taskId: a.entry.task.id,
    index: a.entry.index,
    on: formatDay(a.entry.on),
    with: a.entry.with,
  };
  return applyPlanEdit(vscode.Uri.parse(a.uri), (text) => markFollowUpDone(text, ref), {
    done: `Marked the follow-up on ${quoteTitle(a.entry.task.title)} done`,
  });
}

async function scheduleFollowUp(
  deps: EditCommandDeps,
  arg?: unknown,
  args?: ScheduleArgs,
): Promise<EditOutcome | undefined> {
  const t = taskTarget(deps, arg);
  if (!t) return noTarget('task or follow-up');
  let fu: NewFollowUp;
  if (args) {
    const problem = dayProblem(args.on);
    if (problem) return refuse(problem);
    fu = followUp(parseDay(args.on.trim()) as Day, args.with, args.about);
  } else {
    if (!t.plan) return refuse(`the plan of ${quoteTitle(t.title)} has errors or is not read yet; fix it first.`);
    const answered = await askFollowUp(deps, t, t.plan, arg);
    if (!answered) return undefined;
    fu = answered;
  }
  return applyPlanEdit(t.uri, (text) => addFollowUp(text, t.taskId, fu), {
    done: `Scheduled a follow-up on ${quoteTitle(t.title)} for ${formatDay(fu.on)}`,
  });
}

/** The day, the person and what about, asked in turn; undefined when the user cancels one. */
async function askFollowUp(
  deps: EditCommandDeps,
  t: TaskTarget,
  plan: Plan,
  arg: unknown,
): Promise<NewFollowUp | undefined> {
  const today = deps.today();
  const title = `Schedule a follow-up on ${quoteTitle(t.title)}`;
  const on = await askDay(title, today + 7, today);
  if (on === undefined) return undefined;
  const first = checkInPerson(deps, arg, t);
  const withPerson = await askPerson(title, plan, first);
  if (withPerson === undefined) return undefined;
  const what = await askAbout(title);
  if (what === undefined) return undefined;
  return followUp(on, withPerson, what.trim() || undefined);
}

function followUp(on: Day, withPerson: string, about: string | undefined): NewFollowUp {
  return { on, with: withPerson, done: false, ...(about ? { about } : {}) };
}
