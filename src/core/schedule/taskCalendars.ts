/**
 * Each task's own calendar (docs/format.md "Freezes, leave and each task's calendar"): the
 * plan's workdays less the holidays, less the days of every freeze that shares a tag with the
 * task (every freeze without tags), less its owner's `away` days. Checkpoints and the goal keep
 * the plan's calendar.
 *
 * Tasks with the same owner and the same freeze tags share one calendar, built once: the cost is
 * the tasks' tags plus, per distinct (owner, freeze tags), the freezes and leave it takes out.
 * A plan without freezes and leave gives every task the plan's calendar itself.
 */
import { mergeRanges } from '../dayRanges';
import type { DayRange, Freeze, Plan, Task } from '../model';
import { lessDays, type WorkCalendar } from './calendar';

export type CalendarOf = (task: Task) => WorkCalendar;

export function taskCalendars(plan: Plan, base: WorkCalendar): CalendarOf {
  const { untagged, byTag } = freezesByTag(plan.calendar.freezes);
  let anyAway = false;
  for (const p of plan.people.values()) if (p.away.length) anyAway = true;
  if (!untagged.length && !byTag.size && !anyAway) return () => base;
  const cache = new Map<string, WorkCalendar>();
  return (task) => {
    const tags = freezeTags(task, byTag);
    const away = plan.people.get(task.owner)?.away ?? [];
    const key = `${away.length ? task.owner : ''}\u0000${tags.join('\u0000')}`;
    let cal = cache.get(key);
    if (!cal) {
      const off: DayRange[] = [...untagged, ...away];
      for (const tag of tags) off.push(...byTag.get(tag)!);
      cache.set(key, (cal = lessDays(base, mergeRanges(off))));
    }
    return cal;
  };
}

/** A range of days a task's own calendar does not have, and why. */
export interface DaysOff {
  range: DayRange;
  why: 'freeze' | 'leave';
  /** The freeze's tag shared with the task (none for a freeze without tags). */
  tag?: string;
}

/** The freezes and leave that take days out of a task's calendar, by first day (as written, not merged). */
export function daysOffOf(plan: Plan, task: Task): DaysOff[] {
  const out: DaysOff[] = [];
  const tags = new Set(task.tags);
  for (const f of plan.calendar.freezes) {
    if (!f.tags.length) out.push({ range: f, why: 'freeze' });
    else {
      const tag = f.tags.find((t) => tags.has(t));
      if (tag !== undefined) out.push({ range: f, why: 'freeze', tag });
    }
  }
  for (const r of plan.people.get(task.owner)?.away ?? []) out.push({ range: r, why: 'leave' });
  return out.sort((a, b) => a.range.from - b.range.from);
}

/** The freezes that apply to every task, and the others by each of their tags. */
export function freezesByTag(freezes: readonly Freeze[]): { untagged: Freeze[]; byTag: Map<string, Freeze[]> } {
  const untagged: Freeze[] = [];
  const byTag = new Map<string, Freeze[]>();
  for (const f of freezes) {
    if (!f.tags.length) untagged.push(f);
    for (const tag of new Set(f.tags)) {
      const list = byTag.get(tag);
      if (list) list.push(f);
      else byTag.set(tag, [f]);
    }
  }
  return { untagged, byTag };
}

/** The task's tags that some freeze names, sorted, each once. */
function freezeTags(task: Task, byTag: ReadonlyMap<string, Freeze[]>): string[] {
  if (!byTag.size || !task.tags.length) return [];
  return [...new Set(task.tags.filter((t) => byTag.has(t)))].sort();
}
