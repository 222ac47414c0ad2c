/**
 * Fixes of the method's follow-through: the goal marked achieved when every task is done, a
 * review signed off, an interim control added to late p1/p2 work. The same edits as the
 * sidebar's actions (src/core/edit/methodEdits.ts).
 */
import { formatDay, parseDay } from '../../day';
import type { Diagnostic } from '../../diagnostic';
import { addInterim, markGoalAchieved, markReviewed } from '../../edit/methodEdits';
import { planEditFix, quoted, stringData, type FixInput, type QuickFix } from './types';

/** The control an added `interim` starts with: to be replaced by the real one. */
export const INTERIM_PLACEHOLDER = 'Say what protects the system until this is done';

export function allTasksDone(input: FixInput, diag: Diagnostic): QuickFix[] {
  const last = stringData(diag, 'lastDoneOn');
  const parsed = last === undefined ? undefined : parseDay(last);
  const on = typeof parsed === 'number' ? parsed : input.today;
  if (on === undefined) return [];
  return planEditFix(`Mark the goal achieved on ${formatDay(on)}`, markGoalAchieved(input.text, on), true);
}

export function awaitingReview(input: FixInput, diag: Diagnostic): QuickFix[] {
  const itemId = stringData(diag, 'itemId');
  if (itemId === undefined || input.today === undefined) return [];
  return planEditFix(
    `Mark ${quoted(itemId)} reviewed today (${formatDay(input.today)})`,
    markReviewed(input.text, itemId, input.today),
    true,
  );
}

export function noInterimControl(input: FixInput, diag: Diagnostic): QuickFix[] {
  const taskId = stringData(diag, 'taskId');
  const owner = stringData(diag, 'owner');
  if (taskId === undefined || owner === undefined) return [];
  return planEditFix(
    `Add an interim control to ${quoted(taskId)}`,
    addInterim(input.text, taskId, { control: INTERIM_PLACEHOLDER, owner }),
    true,
  );
}
