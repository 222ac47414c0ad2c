/**
 * Edit commands of the sidebar (context menus and inline buttons of the trees): mark a task
 * done, start it, block it, mark a follow-up done, log a check-in, schedule a follow-up. Each takes the
 * tree element it was invoked on (or the views' selection, or `{ uri, taskId }`), computes the
 * edit with src/core/edit on the document's current text and applies it with applyPlanEdit.
 * Each returns its outcome (undefined when the user cancelled a question).
 */
import * as vscode from 'vscode';
import { blockTask, checkInWith, formatDay, parseDay, type Day, type Plan, addFollowUp, logCheckIn, markFollowUpDone, markTaskDone, startTask, type FollowUpRef } from '../../core';
import { displayText } from './displayText';
import { isFollowUpNode, isTaskNode, type SidebarNode } from './nodes';
import { counterpart } from './treeItems';
import type { SidebarSnapshot } from './snapshot';
import { applyPlanEdit, type EditOutcome } from '../edits/applyPlanEdit';
import { askAbout, askDay, askPerson, dayProblem } from './prompts';

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

const quoteTitle = (t: string): string => `“${displayText(t, 60)}”`;

export function registerEditCommands(deps: EditCommandDeps): vscode.Disposable {
  const refuse = (message: string): EditOutcome => {
    void vscode.window.showWarningMessage(`Workback: ${message}`);
    return { status: 'refused', uri: '', message };
  };

  const taskTarget = (arg: unknown): TaskTarget | undefined => {
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
  };

  const noTarget = (what: string): EditOutcome => refuse(`select a ${what} in the Workback sidebar first.`);

  const markDone = async (arg?: unknown): Promise<EditOutcome> => {
    const t = taskTarget(arg);
    if (!t) return noTarget('task');
    const today = deps.today();
    return applyPlanEdit(t.uri, (text) => markTaskDone(text, t.taskId, today), { done: `Marked ${quoteTitle(t.title)} done` });
  };

  const start = async (arg?: unknown): Promise<EditOutcome> => {
    const t = taskTarget(arg);
    if (!t) return noTarget('task');
    return applyPlanEdit(t.uri, (text) => startTask(text, t.taskId), { done: `Started ${quoteTitle(t.title)}` });
  };

  const block = async (arg?: unknown): Promise<EditOutcome> => {
    const t = taskTarget(arg);
    if (!t) return noTarget('task');
    return applyPlanEdit(t.uri, (text) => blockTask(text, t.taskId), { done: `Blocked ${quoteTitle(t.title)}` });
  };

  /** With whom a check-in is logged: the task's owner; when that is me, whom the owner reports to. */
  const checkInPerson = (t: TaskTarget): string | undefined => {
    if (!t.owner) return undefined;
    const mine = deps.snapshot().mine.get(t.uri.toString()) ?? [];
    if (!mine.includes(t.owner)) return t.owner;
    const task = t.plan?.tasks.find((x) => x.id === t.taskId);
    return t.plan && task ? checkInWith(t.plan, task) : t.owner;
  };

  const checkIn = async (arg?: unknown, options?: { with?: string }): Promise<EditOutcome> => {
    const t = taskTarget(arg);
    if (!t) return noTarget('task or check-in');
    const withPerson = options?.with ?? checkInPerson(t);
    if (!withPerson) return refuse(`the task ${quoteTitle(t.title)} is not in a plan Workback has read; nothing was changed.`);
    const today = deps.today();
    return applyPlanEdit(t.uri, (text) => logCheckIn(text, t.taskId, today, withPerson), { done: `Logged a check-in on ${quoteTitle(t.title)}` });
  };

  const followUpDone = async (arg?: unknown): Promise<EditOutcome> => {
    const a = arg ?? deps.selected();
    if (!isFollowUpNode(a)) return noTarget('follow-up');
    if (a.entry.kind === 'check-in' || a.entry.index === undefined) return checkIn(a);
    const ref: FollowUpRef = { taskId: a.entry.task.id, index: a.entry.index, on: formatDay(a.entry.on), with: a.entry.with };
    return applyPlanEdit(vscode.Uri.parse(a.uri), (text) => markFollowUpDone(text, ref), { done: `Marked the follow-up on ${quoteTitle(a.entry.task.title)} done` });
  };

  const schedule = async (arg?: unknown, args?: ScheduleArgs): Promise<EditOutcome | undefined> => {
    const t = taskTarget(arg);
    if (!t) return noTarget('task or follow-up');
    const today = deps.today();
    let on: Day;
    let withPerson: string;
    let about: string | undefined;
    if (args) {
      const problem = dayProblem(args.on);
      if (problem) return refuse(problem);
      on = parseDay(args.on.trim()) as Day;
      withPerson = args.with;
      about = args.about;
    } else {
      if (!t.plan) return refuse(`the plan of ${quoteTitle(t.title)} has errors or is not read yet; fix it first.`);
      const title = `Schedule a follow-up on ${quoteTitle(t.title)}`;
      const d = await askDay(title, today + 7, today);
      if (d === undefined) return undefined;
      const first = isFollowUpNode(arg) ? counterpart(arg) : checkInPerson(t);
      const p = await askPerson(title, t.plan, first);
      if (p === undefined) return undefined;
      const what = await askAbout(title);
      if (what === undefined) return undefined;
      on = d;
      withPerson = p;
      about = what.trim() || undefined;
    }
    const fu = { on, with: withPerson, done: false, ...(about ? { about } : {}) };
    return applyPlanEdit(t.uri, (text) => addFollowUp(text, t.taskId, fu), { done: `Scheduled a follow-up on ${quoteTitle(t.title)} for ${formatDay(on)}` });
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('workback.markTaskDone', markDone),
    vscode.commands.registerCommand('workback.startTask', start),
    vscode.commands.registerCommand('workback.blockTask', block),
    vscode.commands.registerCommand('workback.markFollowUpDone', followUpDone),
    vscode.commands.registerCommand('workback.logCheckIn', checkIn),
    vscode.commands.registerCommand('workback.scheduleFollowUp', schedule),
  );
}
