/**
 * What the timeline panel shows for one plan version: the Mermaid text from the core, one
 * BarInfo per row for the tooltips, the toolbar's choices, or a notice saying why there is no
 * (current) picture. Pure: no vscode, so the rules (limits, windows, filters) are plain data
 * and unit-tested (test/unit/timelineModel.test.ts).
 */
import { parseDay, PRIORITIES, toMermaidGantt, type CheckResult, type Plan } from '../../core';
import type { Choice, RenderMessage, TimelineFilters } from '../../shared/protocol';
import { plural } from '../../shared/wording';
import { barInfo } from './barInfo';
import { ganttOptions, tooLargeNotice, windowChoices, type TimelineLimits } from './largePlan';

export type { TimelineLimits } from './largePlan';

export interface TimelineSource {
  uri: string;
  version: number | null;
  fileName: string;
  /** Undefined: not checked yet (or not parsed). */
  result: CheckResult | undefined;
  /** Error diagnostics of the checked version. */
  errors: number;
  /** Larger than workback.maxFileSizeMB: not parsed. */
  tooLarge: boolean;
  /** The file's bytes are not text (`invalid-encoding`): not parsed. */
  undecodable?: boolean;
}

export type TimelineView = Pick<
  RenderMessage,
  | 'uri'
  | 'version'
  | 'fileName'
  | 'filters'
  | 'milestones'
  | 'owners'
  | 'priorities'
  | 'windows'
  | 'gantt'
  | 'notice'
  | 'stale'
>;

export const NO_FILTERS: TimelineFilters = { criticalOnly: false, compact: false };

/** The filters that make sense for `plan`: unknown ids and bad windows are dropped. */
export function applicableFilters(plan: Plan | undefined, f: TimelineFilters): TimelineFilters {
  const out: TimelineFilters = { criticalOnly: f.criticalOnly === true, compact: f.compact === true };
  if (f.milestone !== undefined && plan?.milestones.some((m) => m.id === f.milestone)) out.milestone = f.milestone;
  if (f.owner !== undefined && plan?.people.has(f.owner)) out.owner = f.owner;
  // a priority the toolbar offers: the chart is never filtered by a select that shows something else
  if (f.priority !== undefined && plan && priorityChoices(plan).some((c) => c.value === f.priority))
    out.priority = f.priority;
  if (
    f.window &&
    typeof parseDay(f.window.from) === 'number' &&
    typeof parseDay(f.window.to) === 'number' &&
    f.window.from <= f.window.to
  ) {
    out.window = { from: f.window.from, to: f.window.to };
  }
  return out;
}

export function buildView(
  source: TimelineSource | undefined,
  requested: TimelineFilters,
  limits: TimelineLimits,
): TimelineView {
  const base = {
    uri: source?.uri ?? '',
    version: source?.version ?? null,
    fileName: source?.fileName ?? '',
    milestones: [],
    owners: [],
    priorities: [],
    windows: [],
  };
  if (!source) {
    return {
      ...base,
      filters: requested,
      notice: { kind: 'noPlan', text: 'Open a workback plan (*.workback.yaml) to see its timeline here.' },
    };
  }
  if (source.tooLarge) {
    return {
      ...base,
      filters: requested,
      notice: {
        kind: 'notChecked',
        text: 'This plan is larger than workback.maxFileSizeMB: it is not checked, so there is no timeline.',
      },
    };
  }
  if (source.undecodable) {
    return {
      ...base,
      filters: requested,
      notice: {
        kind: 'notChecked',
        text: `${source.fileName} is not valid UTF-8 or UTF-16 text (see Problems): save it as UTF-8 to see the timeline.`,
      },
    };
  }
  const plan = source.result?.plan;
  const schedule = source.result?.schedule;
  const filters = applicableFilters(plan, requested);
  const choices = plan
    ? { milestones: milestoneChoices(plan), owners: ownerChoices(plan), priorities: priorityChoices(plan) }
    : { milestones: [], owners: [], priorities: [] };
  if (!source.result) {
    return { ...base, filters: requested, notice: { kind: 'checking', text: 'Checking the plan…' } };
  }
  if (!plan || !schedule || source.errors > 0) {
    const text =
      source.errors > 0
        ? `Fix the ${plural(source.errors, 'error')} in ${source.fileName} to see the timeline.`
        : `${source.fileName} has no schedule yet: fix its problems to see the timeline.`;
    // the filters stay as asked: ids of the last good version may come back with the next edit
    return { ...base, ...choices, filters: requested, notice: { kind: 'errors', text }, stale: true };
  }
  const windows = windowChoices(plan, schedule, filters, limits.maxRows);
  const view = { ...base, ...choices, windows, filters };
  if (plan.tasks.length === 0) {
    return {
      ...view,
      notice: {
        kind: 'empty',
        text: 'This plan has no tasks yet (only checkpoints): add tasks to its milestones to see the timeline.',
      },
    };
  }
  const gantt = toMermaidGantt(plan, schedule, ganttOptions(filters));
  const tasksShown = gantt.rows.filter((r) => r.kind !== 'goal').length;
  if (tasksShown === 0) {
    return {
      ...view,
      notice: { kind: 'empty', text: `Nothing matches these filters (${plural(gantt.hidden, 'item')} hidden).` },
    };
  }
  const rowsDrawn = filters.compact ? 0 : gantt.rows.length;
  if (rowsDrawn > limits.maxRows || gantt.text.length > limits.maxTextSize) {
    return { ...view, notice: tooLargeNotice(plan, schedule, filters, rowsDrawn, gantt.text.length, limits, windows) };
  }
  return {
    ...view,
    gantt: {
      text: gantt.text,
      rows: gantt.rows.map((r) => barInfo(plan, schedule, r.itemId, r.chartId, r.kind)),
      sections: gantt.sections.map((s) => ({ name: s.name, rows: s.rows })),
      hidden: gantt.hidden,
      days: gantt.axis ? Math.max(1, gantt.axis.to - gantt.axis.from) : 1,
    },
  };
}

function milestoneChoices(plan: Plan): Choice[] {
  return plan.milestones.map((m) => ({ value: m.id, label: m.title }));
}

/**
 * "p1 only", "p1–p2", ...: from the highest priority a task has up to the one before the lowest
 * (that one would be every task); none when every task has the same priority.
 */
function priorityChoices(plan: Plan): Choice[] {
  const ranks = new Set(plan.tasks.map((t) => PRIORITIES.indexOf(t.priority)));
  if (ranks.size < 2) return [];
  const highest = Math.min(...ranks);
  const lowest = Math.max(...ranks);
  const out: Choice[] = [];
  for (let i = highest; i < lowest; i++)
    if (ranks.has(i)) out.push({ value: PRIORITIES[i]!, label: i === 0 ? 'p1 only' : `p1–${PRIORITIES[i]}` });
  return out;
}

function ownerChoices(plan: Plan): Choice[] {
  const owners = new Set(plan.tasks.map((t) => t.owner));
  return [...plan.people.values()]
    .filter((p) => owners.has(p.id))
    .map((p) => ({ value: p.id, label: p.name === p.id ? p.id : `${p.name} (${p.id})` }));
}
