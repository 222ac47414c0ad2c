/**
 * `owner-overbooked` in one plan: each open task of a person who has, on some workday of that
 * task, more open tasks than their `capacity` (docs/format.md "Capacity and workload").
 */
import { mergeRanges } from '../dayRanges';
import type { RawDiagnostic } from '../diagnostic';
import type { Person, Plan } from '../model';
import { lessDays, type WorkCalendar } from './calendar';
import { overbookings, type Booking } from './capacity';
import * as D from './diagnostics';
import type { ScheduledItem } from './types';

/** A person's own calendar: the plan's, less their leave (freezes belong to tasks, not people). */
export function personCalendar(person: Person | undefined, cal: WorkCalendar): WorkCalendar {
  return person?.away.length ? lessDays(cal, mergeRanges(person.away)) : cal;
}

export function ownerOverbooked(
  plan: Plan,
  items: readonly ScheduledItem[],
  cal: WorkCalendar,
  out: RawDiagnostic[],
): void {
  const byOwner = new Map<string, Booking<ScheduledItem>[]>();
  for (const item of items) {
    const t = item.task;
    if (!t || t.status === 'done' || !plan.people.has(t.owner)) continue;
    const list = byOwner.get(t.owner);
    const booking = { item, from: item.start, to: item.finish };
    if (list) list.push(booking);
    else byOwner.set(t.owner, [booking]);
  }
  for (const [owner, bookings] of byOwner) {
    const person = plan.people.get(owner)!;
    if (bookings.length <= person.capacity) continue;
    overbookings(bookings, person.capacity, personCalendar(person, cal)).forEach((ob, i) => {
      if (!ob) return;
      // the tasks on its first overbooked days, itself included
      const tasks = [bookings[i]!, ...ob.sharing].map((b) => b.item.task!).sort((a, b) => a.index - b.index);
      out.push(D.ownerOverbooked(plan, person, bookings[i]!.item.task!, ob.overlap, tasks, ob.more));
    });
  }
}
