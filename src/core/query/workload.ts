/**
 * The workload across plans (docs/format.md "Capacity and workload"): each person's open tasks
 * week by week, from latest start to latest finish, with the days on which they hold more
 * tasks than their capacity. People are matched across plans by email when both have one,
 * else by id. Linear in the tasks and in what it returns (a task appears once per week it
 * covers).
 */
import { mondayOf, type Day } from '../day';
import { mergeRanges } from '../dayRanges';
import type { DayRange, Person, Task } from '../model';
import { workCalendar, type WorkCalendar } from '../schedule/calendar';
import { overbookedRuns, type Booking } from '../schedule/capacity';
import { personCalendar } from '../schedule/overbooked';
import type { ScheduledItem } from '../schedule/types';
import { compareText, type PlanFile } from './planFile';

export interface WorkloadTask {
  file: string;
  task: Task;
  /** Latest start and finish. */
  from: Day;
  to: Day;
}

export interface WorkloadWeek {
  /** The Monday of the week. */
  monday: Day;
  /** The tasks that cover a day of the week, by latest start. */
  tasks: WorkloadTask[];
  /** The overbooked days of the week (workdays of the person's calendar), as ranges. */
  overbooked: DayRange[];
}

export interface PersonWorkload {
  name: string;
  email?: string;
  /** Where the person is written: the plan and their id in it, in the order of the files. */
  ids: { file: string; id: string }[];
  /** The smallest capacity any of the plans gives them. */
  capacity: number;
  /** Overbooked workdays in the window. */
  overbookedWorkdays: number;
  weeks: WorkloadWeek[];
}

export interface WorkloadOptions {
  /** The first day shown (tasks that end before it are left out). */
  from: Day;
  /** The last day shown (default: the last latest finish). */
  to?: Day;
  /** Only these people: ids or emails (emails ignore case). */
  people?: readonly string[];
}

export interface Someone {
  person: Person;
  file: PlanFile;
}

/**
 * Every person, grouped across plans: by email, else by id. Someone without an email joins the
 * one email group whose people have their id, unless another person of their own plan has that
 * email (two people of one plan are never one).
 */
export function groupPeople(files: readonly PlanFile[]): Map<string, Someone[]> {
  const emailKeysOfId = new Map<string, Set<string>>();
  for (const file of files)
    for (const p of file.plan.people.values()) {
      if (p.email === undefined) continue;
      const keys = emailKeysOfId.get(p.id) ?? new Set<string>();
      keys.add(emailKey(p.email));
      emailKeysOfId.set(p.id, keys);
    }
  const groups = new Map<string, Someone[]>();
  for (const file of files) {
    const emailsHere = new Set<string>();
    for (const p of file.plan.people.values()) if (p.email !== undefined) emailsHere.add(emailKey(p.email));
    for (const person of file.plan.people.values()) {
      const byId = emailKeysOfId.get(person.id);
      const joined = byId?.size === 1 ? [...byId][0]! : undefined;
      const key =
        person.email !== undefined
          ? emailKey(person.email)
          : joined !== undefined && !emailsHere.has(joined)
            ? joined
            : `id:${person.id}`;
      const group = groups.get(key);
      if (group) group.push({ person, file });
      else groups.set(key, [{ person, file }]);
    }
  }
  return groups;
}

const emailKey = (email: string): string => `email:${email.trim().toLowerCase()}`;

function wanted(group: readonly Someone[], people: readonly string[] | undefined): boolean {
  if (!people?.length) return true;
  const asked = new Set(people.map((p) => p.trim()));
  const emails = new Set(people.filter((p) => p.includes('@')).map((p) => p.trim().toLowerCase()));
  return group.some(
    (s) => asked.has(s.person.id) || (s.person.email !== undefined && emails.has(s.person.email.trim().toLowerCase())),
  );
}

export function workload(files: readonly PlanFile[], options: WorkloadOptions): PersonWorkload[] {
  const out: PersonWorkload[] = [];
  const byOwner = openTasksByOwner();
  for (const group of groupPeople(files).values()) {
    if (!wanted(group, options.people)) continue;
    const one = personWorkload(group, options, byOwner);
    if (one.weeks.length) out.push(one);
  }
  return out.sort((a, b) => compareText(a.name, b.name) || compareText(a.email ?? '', b.email ?? ''));
}

function personWorkload(
  group: readonly Someone[],
  options: WorkloadOptions,
  byOwner: (file: PlanFile) => Map<string, ScheduledItem[]>,
): PersonWorkload {
  const first = group[0]!;
  const capacity = group.reduce((c, s) => Math.min(c, s.person.capacity), Infinity);
  const cal = personCalendar(first.person, workCalendar(first.file.plan.calendar));
  const bookings = bookingsOf(group, options, byOwner);
  const runs = overbookedRuns(bookings, capacity, cal).flatMap((r) => clip(r, options));
  const weeks = weeksOf(bookings, runs, cal, options);
  const person: PersonWorkload = {
    name: first.person.name,
    ids: group.map((s) => ({ file: s.file.file, id: s.person.id })),
    capacity,
    overbookedWorkdays: runs.reduce((n, r) => n + cal.countWorkdays(r.from, r.to + 1), 0),
    weeks,
  };
  const email = group.find((s) => s.person.email !== undefined)?.person.email;
  if (email !== undefined) person.email = email;
  return person;
}

/** The open tasks of the person in plans not finished, that cover a day of the window. */
function bookingsOf(
  group: readonly Someone[],
  options: WorkloadOptions,
  byOwner: (file: PlanFile) => Map<string, ScheduledItem[]>,
): Booking<WorkloadTask>[] {
  const out: Booking<WorkloadTask>[] = [];
  for (const { person, file } of group) {
    if (file.plan.goal.achievedOn !== undefined) continue;
    for (const item of byOwner(file).get(person.id) ?? []) {
      if (item.finish < options.from || (options.to !== undefined && item.start > options.to)) continue;
      const task = item.task!;
      out.push({
        item: { file: file.file, task, from: item.start, to: item.finish },
        from: item.start,
        to: item.finish,
      });
    }
  }
  return out;
}

/** Each plan's open tasks by owner, worked out once per plan (a plan has many people). */
export function openTasksByOwner(): (file: PlanFile) => Map<string, ScheduledItem[]> {
  const cache = new Map<PlanFile, Map<string, ScheduledItem[]>>();
  return (file) => {
    let map = cache.get(file);
    if (!map) {
      map = new Map();
      for (const item of file.schedule.items) {
        const t = item.task;
        if (!t || t.status === 'done') continue;
        const list = map.get(t.owner);
        if (list) list.push(item);
        else map.set(t.owner, [item]);
      }
      cache.set(file, map);
    }
    return map;
  };
}

function clip(r: DayRange, options: WorkloadOptions): DayRange[] {
  const from = Math.max(r.from, options.from);
  const to = options.to === undefined ? r.to : Math.min(r.to, options.to);
  return from <= to ? [{ from, to }] : [];
}

/** The weeks the bookings cover, each with its tasks and its overbooked days. */
function weeksOf(
  bookings: readonly Booking<WorkloadTask>[],
  runs: readonly DayRange[],
  cal: WorkCalendar,
  window: WorkloadOptions,
): WorkloadWeek[] {
  const weeks = new Map<Day, WorkloadWeek>();
  const week = (monday: Day): WorkloadWeek => {
    let w = weeks.get(monday);
    if (!w) weeks.set(monday, (w = { monday, tasks: [], overbooked: [] }));
    return w;
  };
  const sorted = [...bookings].sort((a, b) => a.from - b.from || a.item.task.index - b.item.task.index);
  for (const b of sorted)
    for (const { from, to } of clip(b, window))
      for (let m = mondayOf(from); m <= to; m += 7) week(m).tasks.push(b.item);
  for (const r of mergeRanges(runs))
    for (let m = mondayOf(r.from); m <= r.to; m += 7) {
      const from = cal.nextWorkday(Math.max(r.from, m));
      const to = cal.prevWorkday(Math.min(r.to, m + 6));
      if (from !== undefined && to !== undefined && from <= to) week(m).overbooked.push({ from, to });
    }
  return [...weeks.values()].sort((a, b) => a.monday - b.monday);
}
