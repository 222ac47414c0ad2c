/**
 * Each task's own calendar (docs/format.md "Freezes, leave and each task's calendar"): the
 * plan's workdays less the holidays, less the days of every freeze that shares a tag with the
 * task (every freeze without tags), less its owner's `away` days. Checkpoints and the goal keep
 * the plan's calendar.
 *
 * The calendars are built in layers and shared: the plan's less the freezes of every task (once),
 * less the freezes of a set of tags (once per set the tasks have), less an owner's leave (once
 * per owner and set). A plan without freezes and leave gives every task the plan's calendar.
 */
import { mergeRanges } from '../dayRanges';
import type { DayRange, Freeze, Plan, Task } from '../model';
import type { Day } from '../day';
import { lessDays, workCalendar, type WorkCalendar } from './calendar';

export type CalendarOf = (task: Task) => WorkCalendar;

export function taskCalendars(plan: Plan, base: WorkCalendar): CalendarOf {
  const { untagged, byTag } = freezesByTag(plan.calendar.freezes);
  let anyAway = false;
  for (const p of plan.people.values()) if (p.away.length) anyAway = true;
  if (!untagged.length && !byTag.size && !anyAway) return () => base;
  // in layers, each built once: less the freezes of every task, less those of a set of tags,
  // less an owner's leave
  const everyTask = lessDays(base, mergeRanges(untagged));
  const byTags = new Map<string, WorkCalendar>();
  const byOwner = new Map<string, WorkCalendar>();
  return (task) => {
    const tags = freezeTags(task, byTag);
    const tagKey = tags.join('\u0000');
    let cal = byTags.get(tagKey);
    if (!cal) byTags.set(tagKey, (cal = lessDays(everyTask, mergeRanges(tags.flatMap((t) => byTag.get(t)!)))));
    const away = plan.people.get(task.owner)?.away ?? [];
    if (!away.length) return cal;
    const key = `${task.owner}\u0000\u0000${tagKey}`;
    let own = byOwner.get(key);
    if (!own) byOwner.set(key, (own = lessDays(cal, mergeRanges(away))));
    return own;
  };
}

/** A range of days a task's own calendar does not have, and why. */
export interface DaysOff {
  range: DayRange;
  why: 'freeze' | 'leave';
  /** The freeze's tag shared with the task (none for a freeze without tags). */
  tag?: string;
}

/** Days off by plan and by (owner, tags): the timeline asks once per bar, hovers once per task. */
const daysOffCache = new WeakMap<Plan, Map<string, DaysOff[]>>();

/** The freezes and leave that take days out of a task's calendar, by first day (as written, not merged). */
export function daysOffOf(plan: Plan, task: Task): DaysOff[] {
  let byKey = daysOffCache.get(plan);
  if (!byKey) daysOffCache.set(plan, (byKey = new Map()));
  const key = `${task.owner}\u0000${[...new Set(task.tags)].sort().join('\u0000')}`;
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = computeDaysOff(plan, task)));
  return out;
}

/** A freeze or leave within some days of a task: clipped to them, with the plan's workdays it takes. */
export interface DaysOffWithin {
  off: DaysOff;
  from: Day;
  to: Day;
  lost: number;
}

/** The freezes and leave that take workdays of the plan out of a task's days `from` to `to`, in day order. */
export function daysOffWithin(plan: Plan, task: Task, from: Day, to: Day): DaysOffWithin[] {
  const cal = workCalendar(plan.calendar);
  const out: DaysOffWithin[] = [];
  for (const off of daysOffOf(plan, task)) {
    const a = Math.max(off.range.from, from);
    const b = Math.min(off.range.to, to);
    const lost = a > b ? 0 : cal.countWorkdays(a, b + 1);
    if (lost > 0) out.push({ off, from: a, to: b, lost });
  }
  return out;
}

function computeDaysOff(plan: Plan, task: Task): DaysOff[] {
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
