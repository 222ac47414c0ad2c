/**
 * Decisions about the chart's shape that Mermaid cannot make for us: section names that are
 * unique (Mermaid groups rows by the section's name, so two milestones with one title would
 * share one section title and one colour), and which markers to draw (Mermaid stretches its time
 * axis to every marker, so a marker far from the rows squeezes every bar into a corner).
 */
import type { Day } from '../day';

/** The name of the goal's own section. */
export const GOAL_SECTION = 'Goal';

/**
 * Hands out section names: a milestone's title, or, when an earlier section (or the goal's,
 * `reserved`) already has that name, the title with the milestone's id in parentheses.
 */
export class SectionNames {
  private readonly used = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.used.add(r);
  }

  name(title: string, id: string): string {
    let name = title;
    for (let n = 1; this.used.has(name); n++) name = n === 1 ? `${title} (${id})` : `${title} (${id} ${n})`;
    this.used.add(name);
    return name;
  }
}

/** The days the drawn rows cover: [from, to) as instants, `to` exclusive. */
export class Span {
  from = Infinity;
  to = -Infinity;

  /** Add the instants from `a` to `b` (day numbers; a day's end is the next day's number). */
  add(a: Day, b: Day = a): void {
    this.from = Math.min(this.from, a);
    this.to = Math.max(this.to, b);
  }

  get empty(): boolean {
    return !(this.from <= this.to);
  }

  /**
   * Near the rows: within max(7 days, half the rows' span) of them. A marker that far away
   * would take more of the axis than the rows it is read against.
   */
  near(d: Day): boolean {
    if (this.empty) return false;
    const pad = Math.max(7, Math.round((this.to - this.from) * 0.5));
    return d >= this.from - pad && d <= this.to + pad;
  }
}

/** A day inside the inclusive window `from`..`to` (either end may be open). */
export const inWindow = (d: Day, from: Day | undefined, to: Day | undefined): boolean =>
  (from === undefined || d >= from) && (to === undefined || d <= to);
