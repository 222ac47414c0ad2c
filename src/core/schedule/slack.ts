/**
 * What a schedule's minimum slack says, for the goal's lens, the status bar and the CLI. A null
 * minSlack has two causes that read very differently: every task is done, or the earliest dates
 * left 1970-2199 (`earliest-out-of-range`) and no task has a slack to give.
 */
import type { Schedule } from './types';

export type SlackState = { kind: 'slack'; workdays: number } | { kind: 'all-done' } | { kind: 'out-of-range' };

export function slackState(schedule: Schedule): SlackState {
  if (schedule.minSlack !== null) return { kind: 'slack', workdays: schedule.minSlack };
  const open = schedule.items.some((i) => i.kind === 'task' && i.task?.status !== 'done');
  return open ? { kind: 'out-of-range' } : { kind: 'all-done' };
}

/** `1 workday`, `3 workdays`. */
function workdayCount(n: number): string {
  return `${n} workday${n === 1 ? '' : 's'}`;
}

/**
 * A task's slack in words, as a person reads it: `slack 3 workdays` (`slack 3` with `short`,
 * for a sidebar row); below zero, how far behind it is, `2 workdays behind` (never a negative slack).
 */
export function slackWords(slack: number, short = false): string {
  if (slack < 0) return `${workdayCount(-slack)} behind`;
  return short ? `slack ${slack}` : `slack ${workdayCount(slack)}`;
}

/** How late, in the one wording of the editor, the views and the CLI: `3 workdays late`, `start 2 workdays late`. */
export function lateWords(state: 'overdue' | 'late-start', daysLate: number): string {
  return `${state === 'late-start' ? 'start ' : ''}${workdayCount(daysLate)} late`;
}
