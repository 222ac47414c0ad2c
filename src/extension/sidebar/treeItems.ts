/**
 * TreeItems for the sidebar's elements. Plan text is untrusted: labels and descriptions are
 * neutralised plain text, tooltips are built with `appendText` (inert: not trusted, no HTML,
 * no theme icons, no command links).
 */
import * as vscode from 'vscode';
import { escalatedWords, formatDayHuman, lateWords, slackWords, toCivil, type Day, type Plan } from '../../core';
import { displayText } from './displayText';
import {
  followUpNodeId,
  GROUP_LIMIT_STEP,
  taskNodeId,
  type FollowUpGroupNode,
  type FollowUpNode,
  type MoreNode,
  type TaskGroupNode,
  type TaskNode,
} from './nodes';
import type { TaskGroupName } from './snapshot';
import { groupDigits, plural } from '../../shared/wording';

export const TASK_GROUP_LABELS: Record<TaskGroupName, string> = {
  escalated: 'Escalated to me',
  interim: 'Put in place',
  review: 'To review',
  overdue: 'Overdue',
  'late-start': 'Late start',
  'this-week': 'Due this week',
  later: 'Later',
  done: 'Done',
};
export const FOLLOW_UP_GROUP_LABELS = { overdue: 'Overdue', upcoming: 'Upcoming' } as const;

const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `Wed 5 Aug`, with the year when it is not today's year. */
export function dayText(day: Day, today: Day): string {
  return formatDayHuman(day, toCivil(day).y !== toCivil(today).y);
}

/** A person's name from the plan (neutralised), else the id. */
export function personName(plan: Plan, id: string): string {
  return displayText(plan.people.get(id)?.name ?? id, 80);
}

export function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function inertMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** Lines of plain text as paragraphs; `bold` text (the first line) in bold. */
export function tooltip(title: string, lines: readonly string[]): vscode.MarkdownString {
  const md = inertMarkdown();
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**');
  for (const l of lines) {
    md.appendMarkdown('\n\n');
    md.appendText(l);
  }
  return md;
}

/** A group's TreeItem: `Overdue  3`, expanded; its context value is `<kind>.<name>`. */
function groupItem(
  g: { kind: string; name: string; items: readonly unknown[] },
  label: string,
  noun: string,
): vscode.TreeItem {
  const count = g.items.length;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `group/${g.name}`;
  item.description = String(count);
  item.contextValue = `${g.kind}.${g.name}`;
  item.tooltip = `${label}: ${plural(count, noun)}`;
  return item;
}

const GROUP_NOUN: Partial<Record<TaskGroupName, string>> = { escalated: 'item', interim: 'control', review: 'item' };

export const taskGroupItem = (g: TaskGroupNode): vscode.TreeItem =>
  groupItem(g, TASK_GROUP_LABELS[g.name], GROUP_NOUN[g.name] ?? 'task');

export const followUpGroupItem = (g: FollowUpGroupNode): vscode.TreeItem =>
  groupItem(g, FOLLOW_UP_GROUP_LABELS[g.name], 'follow-up');

export function moreItem(n: MoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${groupDigits(n.hidden)} more…`, vscode.TreeItemCollapsibleState.None);
  item.id = `${n.view}/group/${n.group}/more`;
  item.description = n.view === 'myTasks' ? 'show more, or filter by plan' : 'show more';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'more';
  item.command = { title: 'Show More', command: 'workback.showMore', arguments: [n] };
  item.tooltip = `Show ${Math.min(n.hidden, GROUP_LIMIT_STEP)} more of this group`;
  return item;
}

function taskIcon(n: TaskNode): vscode.ThemeIcon {
  const { state, task } = n.entry;
  if (state === 'done') return icon('pass-filled', 'testing.iconPassed');
  if (state === 'overdue') return icon('error', 'list.errorForeground');
  if (state === 'late-start') return icon('warning', 'list.warningForeground');
  if (task.status === 'doing') return icon('play-circle', 'charts.blue');
  if (task.status === 'blocked') return icon('circle-slash');
  return icon('circle-large-outline');
}

/**
 * What matters first, after the title: how late (`3 workdays late`, `start 2 workdays late`), then
 * the slack (`slack 3`, or `2 workdays behind` below zero: never a negative slack), then
 * `start by Wed 5 Aug · finish by Fri 7 Aug · Plan title`; done: `done Wed 1 Jul · Plan title`.
 * A narrow sidebar cuts the end off; the tooltip has every date and the plan in full.
 */
export function taskDescription(n: TaskNode, today: Day): string {
  const { entry } = n;
  const parts: string[] = [];
  if (entry.state === 'done') {
    if (entry.task.doneOn !== undefined) parts.push(`done ${dayText(entry.task.doneOn, today)}`);
  } else {
    if (entry.state === 'overdue' || entry.state === 'late-start') parts.push(lateWords(entry.state, entry.daysLate));
    if (entry.item.slack !== undefined) parts.push(slackWords(entry.item.slack, true));
    parts.push(`start by ${dayText(entry.item.start, today)}`, `finish by ${dayText(entry.item.finish, today)}`);
  }
  parts.push(displayText(entry.planTitle, 60));
  return parts.join(' · ');
}

/** A task's TreeItem, without its tooltip (built on hover: taskTooltip). */
export function taskItem(n: TaskNode, today: Day): vscode.TreeItem {
  const { task } = n.entry;
  const item = new vscode.TreeItem(displayText(task.title) || task.id, vscode.TreeItemCollapsibleState.None);
  item.id = taskNodeId(n.uri, task.id);
  item.description = taskDescription(n, today);
  item.iconPath = taskIcon(n);
  item.contextValue = `task.${task.status}`;
  item.command = { title: 'Show in Plan', command: 'workback.revealInPlan', arguments: [n] };
  item.accessibilityInformation = { label: `${displayText(task.title)}, ${item.description}` };
  return item;
}

export function taskTooltip(n: TaskNode, today: Day, relativePath: string): vscode.MarkdownString {
  const { entry, plan } = n;
  const { task } = entry;
  const milestone = plan.items.get(task.milestone);
  const lines = [
    `Plan: ${displayText(plan.title)} (${relativePath})`,
    `Milestone: ${displayText(milestone?.kind === 'milestone' ? milestone.title : task.milestone)}`,
    `Owner: ${personName(plan, task.owner)} · status: ${task.status}`,
  ];
  if (entry.state === 'done') {
    lines.push(task.doneOn !== undefined ? `Done on ${dayText(task.doneOn, today)}` : 'Done');
  } else {
    lines.push(
      `Start by ${formatDayHuman(entry.item.start, true)} · finish by ${formatDayHuman(entry.item.finish, true)} (the latest dates that still meet the goal)`,
    );
    if (entry.item.earliestStart !== undefined && entry.item.earliestFinish !== undefined) {
      lines.push(
        `Earliest: ${dayText(entry.item.earliestStart, today)} – ${dayText(entry.item.earliestFinish, today)}`,
      );
    }
    if (entry.item.slack !== undefined)
      lines.push(
        `${entry.item.slack < 0 ? `Behind: ${plural(-entry.item.slack, 'workday')}` : `Slack: ${plural(entry.item.slack, 'workday')}`}${entry.item.critical ? ' · on the critical path' : ''}`,
      );
    if (entry.state === 'overdue') lines.push(`Overdue: ${plural(entry.daysLate, 'workday')} past its latest finish`);
    if (entry.state === 'late-start')
      lines.push(`Late start: ${plural(entry.daysLate, 'workday')} past its latest start`);
    if (entry.escalate)
      lines.push(upper(escalatedWords(entry.escalateTo && personName(plan, entry.escalateTo), entry)));
  }
  if (task.dependsOn.length > 0) lines.push(`Depends on: ${displayText(task.dependsOn.map((d) => d.id).join(', '))}`);
  if (task.due !== undefined) lines.push(`Due: ${formatDayHuman(task.due, true)}`);
  if (task.notBefore !== undefined) lines.push(`Not before: ${formatDayHuman(task.notBefore, true)}`);
  if (task.tags.length > 0) lines.push(`Tags: ${displayText(task.tags.join(', '))}`);
  if (task.notes) lines.push(`Notes: ${displayText(task.notes, 500)}`);
  return tooltip(displayText(task.title) || task.id, lines);
}

/** The other person of a follow-up: whom I follow up with (or, when I am `with`, the task's owner). */
export function counterpart(n: FollowUpNode): string {
  const { entry } = n;
  return n.mine.includes(entry.with) && !n.mine.includes(entry.task.owner) ? entry.task.owner : entry.with;
}

export function followUpLabel(n: FollowUpNode): string {
  const e = n.entry;
  if (e.kind === 'check-in') return 'Check-in';
  return e.about !== undefined && e.about.trim() !== '' ? displayText(e.about) : 'Follow-up';
}

/**
 * Urgency first: `3 workdays late · escalate to Dana Whitfield · with Ravi Patel · Mon 6 Jul ·
 * Choose MFA method`; upcoming: `with Ravi Patel · Mon 6 Jul · Choose MFA method`.
 */
export function followUpDescription(n: FollowUpNode, today: Day): string {
  const e = n.entry;
  const parts: string[] = [];
  if (e.overdue) parts.push(lateWords('overdue', e.daysLate));
  if (e.escalate) parts.push(escalatedWords(e.escalateTo && personName(n.plan, e.escalateTo), e));
  parts.push(`with ${personName(n.plan, counterpart(n))}`, dayText(e.on, today), displayText(e.task.title, 60));
  return parts.join(' · ');
}

/** A follow-up's TreeItem, without its tooltip (built on hover: followUpTooltip). */
export function followUpItem(n: FollowUpNode, today: Day): vscode.TreeItem {
  const e = n.entry;
  const item = new vscode.TreeItem(followUpLabel(n), vscode.TreeItemCollapsibleState.None);
  item.id = followUpNodeId(n);
  item.description = followUpDescription(n, today);
  item.iconPath = e.overdue
    ? e.escalate
      ? icon('flame', 'list.errorForeground')
      : icon('bell-dot', 'list.warningForeground')
    : e.kind === 'check-in'
      ? icon('comment-discussion')
      : icon('bell');
  item.contextValue = e.kind === 'check-in' ? 'checkIn' : 'followUp';
  item.command = { title: 'Show in Plan', command: 'workback.revealInPlan', arguments: [n] };
  item.accessibilityInformation = { label: `${item.label as string}, ${item.description}` };
  return item;
}

export function followUpTooltip(n: FollowUpNode, relativePath: string): vscode.MarkdownString {
  const e = n.entry;
  const who = (id: string): string => `${personName(n.plan, id)}${n.mine.includes(id) ? ' (you)' : ''}`;
  const lines = [
    e.kind === 'check-in'
      ? `Check-in due by the plan's cadence with ${who(e.with)} on ${formatDayHuman(e.on, true)}`
      : `Follow-up with ${who(e.with)} on ${formatDayHuman(e.on, true)}`,
    `Task: ${displayText(e.task.title)} (owner ${who(e.task.owner)})`,
    `Plan: ${displayText(e.planTitle)} (${relativePath})`,
  ];
  if (e.overdue) lines.push(`Overdue: ${plural(e.daysLate, 'workday')} late`);
  if (e.escalate) lines.push(upper(escalatedWords(e.escalateTo && personName(n.plan, e.escalateTo), e)));
  return tooltip(followUpLabel(n), lines);
}
