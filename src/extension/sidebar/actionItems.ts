/**
 * Rows of what a plan asks of me beyond my tasks (My Tasks: Escalated to me, Put in place, To
 * review). Plan text is neutralised (displayText) in labels and descriptions, and appended as
 * text in tooltips.
 */
import * as vscode from 'vscode';
import { actionLateWords, escalatedWords, formatDayHuman, type Day } from '../../core';
import { displayText } from './displayText';
import { actionNodeId, type ActionNode } from './nodes';
import { dayText, icon, personName, tooltip } from './treeItems';

const WHAT: Record<string, string> = {
  'task-overdue': 'overdue',
  'late-start': 'not started',
  'follow-up-overdue': 'follow-up overdue',
  'check-in-overdue': 'check-in overdue',
  'awaiting-review': 'awaiting review',
};

const lateOf = actionLateWords;

export function actionLabel(n: ActionNode): string {
  const e = n.entry;
  const title = displayText(e.item.title) || e.item.id;
  if (e.kind === 'interim') return `Put in place: ${displayText(e.control)} (for ${title})`;
  if (e.kind === 'review') return `Review: ${title}`;
  return title;
}

/**
 * Escalated: `tier 2 of 2 · overdue · 3 workdays late · owner Omar · p1 · Plan`; interim: `3
 * workdays late · p1 · Plan`; review: `done Fri 11 Sep · 3 workdays late · Plan`.
 */
export function actionDescription(n: ActionNode, today: Day): string {
  const e = n.entry;
  const parts: string[] = [];
  if (e.kind === 'escalated') {
    if (e.tiers > 1) parts.push(`tier ${e.tier} of ${e.tiers}`);
    parts.push(WHAT[e.what] ?? e.what, lateOf(e), `owner ${personName(n.plan, e.owner)}`);
  } else if (e.kind === 'review') {
    if (e.since !== undefined) parts.push(`done ${dayText(e.since, today)}`);
    if (e.daysLate > 0) parts.push(lateOf(e));
  } else parts.push(lateOf(e));
  if (e.priority !== 'p3') parts.push(e.priority);
  parts.push(displayText(e.planTitle, 60));
  return parts.join(' · ');
}

export function actionItem(n: ActionNode, today: Day): vscode.TreeItem {
  const e = n.entry;
  const item = new vscode.TreeItem(actionLabel(n), vscode.TreeItemCollapsibleState.None);
  item.id = actionNodeId(n);
  item.description = actionDescription(n, today);
  item.iconPath =
    e.kind === 'escalated'
      ? icon('flame', 'list.errorForeground')
      : e.kind === 'interim'
        ? icon('shield', 'list.warningForeground')
        : icon('eye');
  item.contextValue = `action.${e.kind}`;
  item.command = { title: 'Show in Plan', command: 'workback.revealInPlan', arguments: [n] };
  item.accessibilityInformation = { label: `${actionLabel(n)}, ${item.description}` };
  return item;
}

export function actionTooltip(n: ActionNode, relativePath: string): vscode.MarkdownString {
  const e = n.entry;
  const lines = [`Plan: ${displayText(e.planTitle)} (${relativePath})`];
  if (e.kind === 'escalated') {
    lines.push(
      `${WHAT[e.what] ?? e.what}: ${lateOf(e)}; ${escalatedWords(e.to === undefined ? undefined : personName(n.plan, e.to), e)} (you)`,
      `Owner: ${personName(n.plan, e.owner)} · priority ${e.priority}`,
    );
  } else if (e.kind === 'interim') {
    lines.push(
      `While ${displayText(e.item.title)} is ${lateOf(e)}, this control protects the system.`,
      `Task owner: ${personName(n.plan, e.item.owner)} · priority ${e.priority}`,
      "Mark it in place once it is (the row's shield button).",
    );
  } else {
    lines.push(
      `${e.item.kind === 'task' ? 'Task' : 'Milestone'} done${e.since !== undefined ? ` on ${formatDayHuman(e.since, true)}` : ''}; waiting for your review${e.daysLate ? ` for ${lateOf(e).replace(' late', '')}` : ''}.`,
      'Mark it reviewed once you have signed it off (writes reviewed_on: today).',
    );
  }
  return tooltip(actionLabel(n), lines);
}
