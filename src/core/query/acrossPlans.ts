/**
 * Overbooking across plans (docs/format.md "Capacity and workload"): a person whose tasks in
 * several plans together exceed their capacity on some workdays. Each task that shares such days
 * with a task of another plan gets the information `overbooked-across-plans` in its own plan,
 * naming the other plans' tasks. People are matched as the workload matches them (email, else
 * id); the capacity is the smallest any plan gives. Linear in the plans' open tasks (sorting
 * aside): the workload's sweep, once per person.
 */
import { CODE_SEVERITY } from '../codeSeverity';
import { formatDay } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import { workCalendar } from '../schedule/calendar';
import { overbookings, type Booking } from '../schedule/capacity';
import { daysText, personText } from '../schedule/diagnostics';
import { personCalendar } from '../schedule/overbooked';
import type { ScheduledItem } from '../schedule/types';
import type { PlanFile } from './planFile';
import { groupPeople, openTasksByOwner, type Someone } from './workload';

interface Held {
  file: PlanFile;
  item: ScheduledItem;
  /** The person's id in that plan. */
  id: string;
}

/** The diagnostics to add to each plan (by `file`), for the people booked in more than one plan. */
export function overbookedAcrossPlans(files: readonly PlanFile[]): Map<string, RawDiagnostic[]> {
  const out = new Map<string, RawDiagnostic[]>();
  const steps = overbookedAcrossPlansSteps(files, out);
  while (!steps.next().done);
  return out;
}

/**
 * The same, one person at a time: adds to `out` and yields after each person, so that a host
 * can spread the work over several turns of its event loop (a person in a thousand plans is a
 * few milliseconds; everyone in them, a hundred).
 */
export function* overbookedAcrossPlansSteps(
  files: readonly PlanFile[],
  out: Map<string, RawDiagnostic[]>,
): Generator<void, void, undefined> {
  const byOwner = openTasksByOwner();
  for (const group of groupPeople(files).values()) {
    yield;
    if (new Set(group.map((s) => s.file)).size < 2) continue;
    const bookings = bookingsOf(group, byOwner);
    const first = group[0]!;
    const capacity = group.reduce((c, s) => Math.min(c, s.person.capacity), Infinity);
    const cal = personCalendar(first.person, workCalendar(first.file.plan.calendar));
    overbookings(bookings, capacity, cal).forEach((ob, i) => {
      if (!ob) return;
      const o = ob.overlap;
      const mine = bookings[i]!.item;
      const others = ob.sharing
        .filter((b) => b.item.file !== mine.file)
        .map((b) => `${b.item.file.file}: ${b.item.item.id}`);
      if (!others.length) return; // overbooked in its own plan only: owner-overbooked says so there
      const more = ob.more ? ', ...' : '';
      const list = out.get(mine.file.file) ?? [];
      list.push({
        code: 'overbooked-across-plans',
        severity: CODE_SEVERITY['overbooked-across-plans'],
        message: `${personText(mine.file.plan, mine.id)} is also booked in other plans on ${daysText(o.from, o.to)} (capacity ${capacity}): ${others.join(', ')}${more}.`,
        span: mine.item.task!.ownerSpan,
        data: { person: mine.id, capacity, from: formatDay(o.from), to: formatDay(o.to), others },
      });
      out.set(mine.file.file, list);
    });
  }
}

function bookingsOf(
  group: readonly Someone[],
  byOwner: (file: PlanFile) => Map<string, ScheduledItem[]>,
): Booking<Held>[] {
  const out: Booking<Held>[] = [];
  for (const { person, file } of group) {
    if (file.plan.goal.achievedOn !== undefined) continue;
    for (const item of byOwner(file).get(person.id) ?? [])
      out.push({ item: { file, item, id: person.id }, from: item.start, to: item.finish });
  }
  return out;
}
