/**
 * Large plans: the date windows the toolbar offers (pages of the schedule that each fit the row
 * limit), and the notice that replaces a view too large to draw, with the smaller views it
 * offers instead. Pure.
 */
import {
  barSpan,
  formatDay,
  formatDayHuman,
  parseDay,
  PRIORITIES,
  toMermaidGantt,
  type Day,
  type GanttOptions,
  type Plan,
  type Priority,
  type Schedule,
  type ScheduledItem,
  workCalendar,
} from '../../core';
import type { Notice, TimelineFilters, WindowChoice } from '../../shared/protocol';
import { plural } from '../../shared/wording';

export interface TimelineLimits {
  /** Rows (tasks, checkpoints, goal) drawn at most: past it the panel offers a smaller view. */
  maxRows: number;
  /** Mermaid's maxTextSize. */
  maxTextSize: number;
}

/** `p2`: p1 and p2. */
export function upTo(priority: string): Priority[] {
  return PRIORITIES.slice(0, PRIORITIES.indexOf(priority as Priority) + 1);
}

/** The core's options for the toolbar's filters; markers outside the view are left out. */
export function ganttOptions(f: TimelineFilters): GanttOptions {
  const o: GanttOptions = { markers: 'inView' };
  if (f.milestone !== undefined) o.milestone = f.milestone;
  if (f.owner !== undefined) o.owners = [f.owner];
  if (f.priority !== undefined) o.priorities = upTo(f.priority);
  if (f.criticalOnly) o.criticalOnly = true;
  if (f.compact) o.compact = true;
  if (f.window) {
    o.from = parseDay(f.window.from) as Day;
    o.to = parseDay(f.window.to) as Day;
  }
  return o;
}

/**
 * Date windows that each hold at most about `maxRows` rows: consecutive pages of the schedule
 * from its first day to its last, whole weeks (Monday to Sunday) each. `f`'s own window is
 * ignored (the pages cover the whole schedule under the other filters).
 */
export function windowChoices(plan: Plan, schedule: Schedule, f: TimelineFilters, maxRows: number): WindowChoice[] {
  // each row by the days it is drawn on (a done task where it happened: barSpan)
  const cal = workCalendar(plan.calendar);
  const rowItems = toMermaidGantt(plan, schedule, ganttOptions({ ...f, window: undefined, compact: false }))
    .rows.map((r) => schedule.byId.get(r.itemId))
    .filter((x): x is ScheduledItem => x !== undefined)
    .map((i) => (i.kind === 'task' ? barSpan(plan, cal, i.task!, i, schedule.today) : i));
  if (rowItems.length === 0) return [];
  const budget = Math.max(5, maxRows - 3); // room for the goal and the markers
  const first = rowItems.reduce((d, i) => Math.min(d, i.start), Infinity);
  const last = rowItems.reduce((d, i) => Math.max(d, i.finish), -Infinity);
  const monday = (d: Day) => d - ((((d + 3) % 7) + 7) % 7);
  const count = (from: Day, to: Day) => rowItems.reduce((n, i) => n + (i.start <= to && i.finish >= from ? 1 : 0), 0);
  const out: WindowChoice[] = [];
  let from = monday(first);
  while (from <= last && out.length < 60) {
    let to = from + 6;
    while (to < last && count(from, to + 7) <= budget) to += 7;
    const rows = count(from, to);
    out.push({
      from: formatDay(from),
      to: formatDay(to),
      rows,
      label: `${formatDayHuman(from, true)} – ${formatDayHuman(to, true)} (${plural(rows, 'row')})`,
    });
    from = to + 1;
  }
  return out;
}

/** Why a view is not drawn, and the one-milestone and date-window views offered instead. */
export function tooLargeNotice(
  plan: Plan,
  schedule: Schedule,
  f: TimelineFilters,
  rows: number,
  size: number,
  limits: TimelineLimits,
  windows: readonly WindowChoice[],
): Notice {
  const why =
    size > limits.maxTextSize
      ? `This view is too large for Mermaid (${Math.round(size / 1000)},000 characters of chart text; its limit is ${limits.maxTextSize / 1000},000).`
      : `This view has ${rows} rows: more than ${limits.maxRows} stop being readable (setting workback.timeline.maxRows).`;
  const notice: Notice = { kind: 'tooLarge', text: `${why} Show one milestone or a date window instead.` };
  if (f.milestone === undefined) {
    // the first milestone with open work, else the first
    const open = schedule.items.find((i) => i.kind === 'task' && i.task!.status !== 'done');
    const m = plan.milestones.find((x) => x.id === open?.milestone) ?? plan.milestones[0];
    if (m) notice.suggestMilestone = { value: m.id, label: m.title };
  }
  // the window holding today, else the next one, else the first (among those that fit)
  const today = formatDay(schedule.today);
  const fits = windows.filter((w) => w.rows <= limits.maxRows);
  const w = fits.find((x) => x.from <= today && today <= x.to) ?? fits.find((x) => x.from >= today) ?? fits[0];
  if (w && !(f.window && f.window.from === w.from && f.window.to === w.to)) notice.suggestWindow = w;
  return notice;
}
