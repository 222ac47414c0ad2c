/**
 * What the timeline panel shows for one plan version: the Mermaid text from the core, one
 * BarInfo per row for the tooltips, the toolbar's choices, or a notice saying why there is no
 * (current) picture. Pure: no vscode, so the rules (limits, windows, filters) are plain data.
 */
import {
  formatDay, formatDayHuman, parseDay, taskLateness, toMermaidGantt, workCalendar,
  type CheckResult, type Day, type GanttOptions, type Plan, type Schedule, type ScheduledItem,
} from '../../core';
import type { BarInfo, Choice, Notice, RenderMessage, TimelineFilters, WindowChoice } from '../../shared/protocol';

export interface TimelineSource {
  uri: string;
  version: number | null;
  fileName: string;
  /** Undefined: not checked yet (or not parsed). */
  result: CheckResult | undefined;
  /** Error diagnostics of the checked version. */
  errors: number;
  /** Larger than workback.maxFileSize: not parsed. */
  tooLarge: boolean;
}

export interface TimelineLimits {
  /** Rows (tasks, checkpoints, goal) drawn at most: past it the panel offers a smaller view. */
  maxRows: number;
  /** Mermaid's maxTextSize. */
  maxTextSize: number;
}

export type TimelineView = Pick<RenderMessage, 'uri' | 'version' | 'fileName' | 'filters' | 'milestones' | 'owners' | 'windows' | 'gantt' | 'notice' | 'stale'>;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const NO_FILTERS: TimelineFilters = { criticalOnly: false, compact: false };

/** The filters that make sense for `plan`: unknown ids and bad windows are dropped. */
export function applicableFilters(plan: Plan | undefined, f: TimelineFilters): TimelineFilters {
  const out: TimelineFilters = { criticalOnly: f.criticalOnly === true, compact: f.compact === true };
  if (f.milestone !== undefined && plan?.milestones.some((m) => m.id === f.milestone)) out.milestone = f.milestone;
  if (f.owner !== undefined && plan?.people.has(f.owner)) out.owner = f.owner;
  if (f.window && typeof parseDay(f.window.from) === 'number' && typeof parseDay(f.window.to) === 'number' && f.window.from <= f.window.to) {
    out.window = { from: f.window.from, to: f.window.to };
  }
  return out;
}

function ganttOptions(f: TimelineFilters, today: Day): GanttOptions {
  const o: GanttOptions = {};
  if (f.milestone !== undefined) o.milestone = f.milestone;
  if (f.owner !== undefined) o.owners = [f.owner];
  if (f.criticalOnly) o.criticalOnly = true;
  if (f.compact) o.compact = true;
  if (f.window) {
    o.from = parseDay(f.window.from) as Day;
    o.to = parseDay(f.window.to) as Day;
    if (today < o.from || today > o.to) o.todayMarker = false;
  }
  return o;
}

export function buildView(source: TimelineSource | undefined, requested: TimelineFilters, limits: TimelineLimits): TimelineView {
  const base = { uri: source?.uri ?? '', version: source?.version ?? null, fileName: source?.fileName ?? '', milestones: [], owners: [], windows: [] };
  if (!source) {
    return { ...base, filters: requested, notice: { kind: 'noPlan', text: 'Open a workback plan (*.workback.yaml) to see its timeline here.' } };
  }
  if (source.tooLarge) {
    return { ...base, filters: requested, notice: { kind: 'notChecked', text: 'This plan is larger than workback.maxFileSize: it is not checked, so there is no timeline.' } };
  }
  const plan = source.result?.plan;
  const schedule = source.result?.schedule;
  const filters = applicableFilters(plan, requested);
  const choices = plan ? { milestones: milestoneChoices(plan), owners: ownerChoices(plan) } : { milestones: [], owners: [] };
  if (!source.result) {
    return { ...base, filters: requested, notice: { kind: 'checking', text: 'Checking the plan…' } };
  }
  if (!plan || !schedule || source.errors > 0) {
    const text = source.errors > 0
      ? `Fix the ${plural(source.errors, 'error')} in ${source.fileName} to see the timeline.`
      : `${source.fileName} has no schedule yet: fix its problems to see the timeline.`;
    // the filters stay as asked: ids of the last good version may come back with the next edit
    return { ...base, ...choices, filters: requested, notice: { kind: 'errors', text }, stale: true };
  }
  const today = schedule.today;
  const windows = windowChoices(plan, schedule, { ...filters, window: undefined }, limits.maxRows);
  const view = { ...base, ...choices, windows, filters };
  if (plan.tasks.length === 0) {
    return { ...view, notice: { kind: 'empty', text: 'This plan has no tasks yet (only checkpoints): add tasks to its milestones to see the timeline.' } };
  }
  const gantt = toMermaidGantt(plan, schedule, ganttOptions(filters, today));
  const tasksShown = gantt.rows.filter((r) => r.kind !== 'goal').length;
  if (tasksShown === 0) {
    return { ...view, notice: { kind: 'empty', text: `Nothing matches these filters (${plural(gantt.hidden, 'item')} hidden).` } };
  }
  const { text, days } = dropFarMarkers(gantt.text, plan, schedule, gantt.rows.map((r) => r.itemId), filters);
  const rowsDrawn = filters.compact ? 0 : gantt.rows.length;
  if (rowsDrawn > limits.maxRows || text.length > limits.maxTextSize) {
    return { ...view, notice: tooLarge(plan, schedule, filters, rowsDrawn, text.length, limits, windows) };
  }
  return { ...view, gantt: { text, days, rows: gantt.rows.map((r) => barInfo(plan, schedule, r.itemId, r.chartId, r.kind)), hidden: gantt.hidden } };
}

function tooLarge(plan: Plan, schedule: Schedule, f: TimelineFilters, rows: number, size: number, limits: TimelineLimits, windows: WindowChoice[]): Notice {
  const why = size > limits.maxTextSize
    ? `This view is too large for Mermaid (${Math.round(size / 1000)},000 characters of chart text; its limit is ${limits.maxTextSize / 1000},000).`
    : `This view has ${rows} rows: more than ${limits.maxRows} stop being readable (setting workback.timeline.maxRows).`;
  const notice: Notice = { kind: 'tooLarge', text: `${why} Show one milestone or a date window instead.` };
  if (f.milestone === undefined) {
    // the first milestone with open work, else the first
    const open = schedule.items.find((i) => i.kind === 'task' && i.task!.status !== 'done');
    const m = plan.milestones.find((x) => x.id === open?.milestone) ?? plan.milestones[0];
    if (m) notice.suggestMilestone = { value: m.id, label: m.title };
  }
  const today = formatDay(schedule.today);
  const fits = windows.filter((w) => w.rows <= limits.maxRows);
  const w = fits.find((x) => x.from <= today && today <= x.to) ?? fits.find((x) => x.from >= today) ?? fits[0];
  if (w && !(f.window && f.window.from === w.from && f.window.to === w.to)) notice.suggestWindow = w;
  return notice;
}

/**
 * The core draws today and the goal's due as vertical markers, and Mermaid stretches the time
 * axis to include them: a marker far from the rows shown (today months before a plan starts,
 * the goal's due in a one-milestone view) would squeeze every bar into a corner, so it is left
 * out. Returns the text and the number of days the time axis spans.
 */
function dropFarMarkers(text: string, plan: Plan, schedule: Schedule, itemIds: string[], f: TimelineFilters): { text: string; days: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of itemIds) {
    const it = schedule.byId.get(id);
    if (!it) continue;
    lo = Math.min(lo, it.start);
    hi = Math.max(hi, it.finish + 1);
  }
  if (itemIds.includes('')) hi = Math.max(hi, plan.goal.due + 1); // the goal's row
  if (!(lo <= hi)) return { text, days: 1 };
  const pad = Math.max(7, Math.round((hi - lo) * 0.5));
  const near = (d: Day) => d >= lo - pad && d <= hi + pad;
  const drop: string[] = [];
  const today = schedule.today;
  const windowed = f.window !== undefined && (today < (parseDay(f.window.from) as Day) || today > (parseDay(f.window.to) as Day));
  if (!near(today) || windowed) drop.push('today');
  else if (/:vert, today, /.test(text)) [lo, hi] = [Math.min(lo, today), Math.max(hi, today)];
  const goalDue = plan.goal.due + 1;
  if (!near(goalDue)) drop.push('goaldue');
  else [lo, hi] = [Math.min(lo, goalDue), Math.max(hi, goalDue)];
  const days = Math.max(1, hi - lo);
  if (!drop.length) return { text, days };
  // a marker line is `<label>:vert, <id>, <date>, 0d` with the core's own ids: plan text is
  // escaped (never a raw `:`), and rows get other ids, so no other line looks like one
  const marker = new RegExp(`^\\s*[^:\\n]*:vert, (${drop.join('|')}), `);
  return { text: text.split('\n').filter((l) => !marker.test(l)).join('\n'), days };
}

function milestoneChoices(plan: Plan): Choice[] {
  return plan.milestones.map((m) => ({ value: m.id, label: m.title }));
}

function ownerChoices(plan: Plan): Choice[] {
  const owners = new Set(plan.tasks.map((t) => t.owner));
  return [...plan.people.values()].filter((p) => owners.has(p.id)).map((p) => ({ value: p.id, label: p.name === p.id ? p.id : `${p.name} (${p.id})` }));
}

/**
 * Date windows that each hold at most about `maxRows` rows: consecutive pages of the schedule
 * from its first day to its last, whole weeks (Monday to Sunday) each.
 */
export function windowChoices(plan: Plan, schedule: Schedule, f: TimelineFilters, maxRows: number): WindowChoice[] {
  const opts = ganttOptions(f, schedule.today);
  const rowItems = toMermaidGantt(plan, schedule, { ...opts, compact: false }).rows
    .map((r) => schedule.byId.get(r.itemId))
    .filter((x): x is ScheduledItem => x !== undefined);
  if (rowItems.length === 0) return [];
  const budget = Math.max(5, maxRows - 3); // room for the goal and the markers
  const first = Math.min(...rowItems.map((i) => i.start));
  const last = Math.max(...rowItems.map((i) => i.finish));
  const monday = (d: Day) => d - ((((d + 3) % 7) + 7) % 7);
  const count = (from: Day, to: Day) => rowItems.reduce((n, i) => n + (i.start <= to && i.finish >= from ? 1 : 0), 0);
  const out: WindowChoice[] = [];
  let from = monday(first);
  while (from <= last && out.length < 60) {
    let to = from + 6;
    while (to < last && count(from, to + 7) <= budget) to += 7;
    const rows = count(from, to);
    out.push({ from: formatDay(from), to: formatDay(to), rows, label: `${formatDayHuman(from, true)} – ${formatDayHuman(to, true)} (${plural(rows, 'row')})` });
    from = to + 1;
  }
  return out;
}

function barInfo(plan: Plan, schedule: Schedule, itemId: string, chartId: string, kind: BarInfo['kind']): BarInfo {
  if (kind === 'goal') {
    const due = formatDayHuman(plan.goal.due, true);
    return { chartId, itemId: '', kind, title: plan.goal.outcome || plan.title, milestone: '', startBy: due, finishBy: due, status: 'goal', critical: false };
  }
  const item = schedule.byId.get(itemId)!;
  const milestone = plan.milestones.find((m) => m.id === item.milestone)?.title ?? item.milestone;
  const info: BarInfo = {
    chartId, itemId, kind, milestone, critical: item.critical,
    title: item.task?.title ?? item.checkpoint?.title ?? itemId,
    startBy: formatDayHuman(item.start, true),
    finishBy: formatDayHuman(item.finish, true),
    status: item.task?.status ?? 'checkpoint',
  };
  const task = item.task;
  if (task) {
    const person = plan.people.get(task.owner);
    info.owner = person && person.name !== task.owner ? `${person.name} (${task.owner})` : task.owner;
    if (item.earliestStart !== undefined) info.earliestStart = formatDayHuman(item.earliestStart, true);
    if (item.earliestFinish !== undefined) info.earliestFinish = formatDayHuman(item.earliestFinish, true);
    if (item.slack !== undefined) info.slack = item.slack;
    const late = taskLateness(workCalendar(plan.calendar), task, item, schedule.today);
    if (late.state === 'overdue') info.late = `overdue by ${plural(late.daysLate, 'workday')}`;
    else if (late.state === 'late-start') info.late = `late start by ${plural(late.daysLate, 'workday')}`;
  }
  return info;
}
