/** How a task's state reads in the tables: its status, or how late it is and whom to escalate to. */
import type { TaskState } from '../../core';
import { plural } from './table';

export function stateText(
  s: Pick<TaskState, 'state' | 'daysLate' | 'escalate' | 'escalateTo'>,
  status: string,
): string {
  let text = status;
  if (s.state === 'overdue') text = `overdue ${plural(s.daysLate, 'day', 'days')}`;
  else if (s.state === 'late-start') text = `late start ${plural(s.daysLate, 'day', 'days')}`;
  if (s.escalate) text += s.escalateTo ? `, escalate to ${s.escalateTo}` : ', escalate';
  return text;
}
