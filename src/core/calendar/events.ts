/**
 * One person's deadlines as calendar days, across plans: the day each of their open tasks must
 * start by (the workback date) and finish by, their goals' due dates, and the follow-ups and
 * check-ins they owe. Each event's `key` names what it is about, never its day, so a calendar
 * that imports the plans again moves the event instead of adding a second one.
 */
import type { Day } from '../day';
import { followUps } from '../query/followUps';
import { resolveMe } from '../query/people';
import { compareText, taskState, type PlanFile } from '../query/planFile';

export interface CalendarEvent {
  /** What the event is about, unique and stable in its plan: `start/t1`, `follow-up/t1/0`, `goal`. */
  key: string;
  /** The plan's file, as the caller names it (with `key`, the event's identity). */
  file: string;
  day: Day;
  summary: string;
  description: string;
}

/** The events of `me` (person ids or emails), by day, then file and key. */
export function calendarEvents(files: readonly PlanFile[], me: readonly string[], today: Day): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const pf of files) {
    const mine = new Set(resolveMe(pf.plan, me));
    if (mine.size === 0) continue;
    const push = (key: string, day: Day, summary: string, about: string) =>
      out.push({ key, file: pf.file, day, summary, description: `${about}\nPlan: ${pf.plan.title} (${pf.file})` });
    const { goal } = pf.plan;
    if (goal.owner !== undefined && mine.has(goal.owner))
      push('goal', goal.due, `Goal due: ${goal.outcome}`, `The goal of ${pf.plan.title} is due.`);
    for (const task of pf.plan.tasks) {
      if (task.status === 'done' || !mine.has(task.owner)) continue;
      const item = taskState(pf, task, today)?.item;
      if (!item) continue;
      const about = `Task ${task.id}, owned by ${task.owner}.`;
      push(`start/${task.id}`, item.start, `Start by: ${task.title}`, about);
      push(`finish/${task.id}`, item.finish, `Finish by: ${task.title}`, about);
    }
    for (const f of followUps([pf], today, { me })) {
      // the task's owner follows up with `with`; to `with`, it is the owner who comes
      const other = mine.has(f.task.owner) ? f.with : f.task.owner;
      const name = pf.plan.people.get(other)?.name ?? other;
      if (f.kind === 'check-in')
        push(`check-in/${f.task.id}`, f.on, `Check in with ${name}: ${f.task.title}`, `Task ${f.task.id}.`);
      else
        push(
          `follow-up/${f.task.id}/${f.index ?? 0}`,
          f.on,
          `Follow up with ${name}${f.about ? `: ${f.about}` : ''}`,
          `On task ${f.task.id}: ${f.task.title}.`,
        );
    }
  }
  return out.sort((a, b) => a.day - b.day || compareText(a.file, b.file) || compareText(a.key, b.key));
}
