/** How a task's state reads in the tables: its status, or how late it is and whom to escalate to. */
import type { TaskState } from '../../core';
import { plural } from './table';

export function stateText(
  s: Pick<TaskState, 'state' | 'daysLate' | 'escalate' | 'escalateTo'>,
  status: string,
): string {
  let text = status;
  // the wording of the editor and the views: workdays late, never days overdue or a negative slack
  if (s.state === 'overdue') text = `${plural(s.daysLate, 'workday', 'workdays')} late`;
  else if (s.state === 'late-start') text = `start ${plural(s.daysLate, 'workday', 'workdays')} late`;
  if (s.escalate) text += s.escalateTo ? `, escalate to ${s.escalateTo}` : ', escalate';
  return text;
}
