/** How a task's state reads in the tables: its status, or how late it is and whom to escalate to. */
import { escalatedWords, lateWords, type TaskState } from '../../core';

export function stateText(
  s: Pick<TaskState, 'state' | 'daysLate' | 'escalate' | 'escalateTo' | 'tier' | 'tiers'>,
  status: string,
): string {
  let text = status;
  // the wording of the editor and the views: workdays late, never days overdue or a negative slack
  if (s.state === 'overdue' || s.state === 'late-start') text = lateWords(s.state, s.daysLate);
  if (s.escalate) text += `, ${escalatedWords(s.escalateTo, s)}`;
  return text;
}
