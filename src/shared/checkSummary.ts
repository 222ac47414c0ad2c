/**
 * What "Check All Plans in the Workspace" says when it is done: "6 plans: 2 with errors, 1 overdue
 * task, 3 overdue follow-ups." Pure, for the extension and its tests.
 */
import { groupDigits, plural } from './wording';

export interface CheckCounts {
  plans: number;
  /** Plans with at least one error (not parsed, or not scheduled). */
  withErrors: number;
  /** Tasks not done past their latest finish. */
  overdueTasks: number;
  /** Follow-ups and check-ins past their day and not done. */
  overdueFollowUps: number;
}

export function checkSummaryText(c: CheckCounts): string {
  if (c.plans === 0) return 'No plan in the workspace (*.workback.yaml).';
  const parts: string[] = [c.withErrors > 0 ? `${groupDigits(c.withErrors)} with errors` : 'no errors'];
  if (c.overdueTasks > 0) parts.push(plural(c.overdueTasks, 'overdue task'));
  if (c.overdueFollowUps > 0) parts.push(plural(c.overdueFollowUps, 'overdue follow-up'));
  if (c.overdueTasks === 0 && c.overdueFollowUps === 0) parts.push('nothing overdue');
  return `${plural(c.plans, 'plan')}: ${parts.join(', ')}.`;
}
