/**
 * One person's deadlines as calendar days, across plans: the day each of their open tasks must
 * start by (the workback date; not for a task under way) and finish by, their goals' due
 * dates, and the follow-ups and check-ins they owe or are owed ("Dana Whitfield follows up with
 * you"). Each event's `key` names what it is about, never its day, so a calendar
 * that imports the plans again moves the event instead of adding a second one.
 */
import type { Day } from '../day';
import { followUps } from '../query/followUps';
import { resolveMe } from '../query/people';
import { compareText, itemOf, type PlanFile } from '../query/planFile';

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
      const item = itemOf(pf.schedule, task); // (its dates only: no lateness worked out)
      if (!item) continue;
      const about = `Task ${task.id}, owned by ${task.owner}.`;
      // a task under way needs no day to start by
      if (task.status !== 'doing') push(`start/${task.id}`, item.start, `Start by: ${task.title}`, about);
      push(`finish/${task.id}`, item.finish, `Finish by: ${task.title}`, about);
    }
    for (const f of followUps([pf], today, { me })) {
      // the task's owner follows up with `with`; the one followed up with sees who comes
      const owner = mine.has(f.task.owner);
      const other = owner ? f.with : f.task.owner;
      const name = pf.plan.people.get(other)?.name ?? other;
      const about = f.kind === 'check-in' ? f.task.title : (f.about ?? '');
      const what = f.kind === 'check-in' ? 'Check in' : 'Follow up';
      const summary = owner
        ? `${what} with ${name}${about ? `: ${about}` : ''}`
        : `${name} ${f.kind === 'check-in' ? 'checks in' : 'follows up'} with you${about ? `: ${about}` : ''}`;
      const key = f.kind === 'check-in' ? `check-in/${f.task.id}` : `follow-up/${f.task.id}/${f.index ?? 0}`;
      push(key, f.on, summary, `On task ${f.task.id}: ${f.task.title}.`);
    }
  }
  return out.sort((a, b) => a.day - b.day || compareText(a.file, b.file) || compareText(a.key, b.key));
}
