/**
 * The workback schedule as a Mermaid Gantt chart: each task from its latest start to its
 * latest finish, explicit dates (the scheduler already applied the calendar: no `after`,
 * no `excludes`), a section per milestone, checkpoints and the goal as milestones, markers
 * for today and the goal's due. Ids in the chart are generated; plan text is escaped.
 */
import { formatDay, type Day } from '../day';
import type { Plan, Task } from '../model';
import type { Schedule, ScheduledItem } from '../schedule/types';
import { escapeMermaidText } from './escape';

export interface GanttOptions {
  /** Only items that overlap this window (inclusive days). */
  from?: Day;
  to?: Day;
  /** Only this milestone's section. */
  milestone?: string;
  /** Only tasks owned by these people. */
  owners?: string[];
  /** Only the critical path. */
  criticalOnly?: boolean;
  /** One row per section instead of one per task. */
  compact?: boolean;
  /** Draw today's marker (default true). */
  todayMarker?: boolean;
}

export interface GanttRow {
  /** The chart's own id for the row (`t12`); never plan text. */
  chartId: string;
  /** The task or checkpoint id in the plan. */
  itemId: string;
  kind: 'task' | 'checkpoint' | 'goal';
}

export interface Gantt {
  text: string;
  rows: GanttRow[];
  /** Tasks and checkpoints of the plan the filters left out. */
  hidden: number;
}

/** Mermaid draws `start, end` with an exclusive end: a task that finishes on LF ends at LF + 1. */
const endOf = (d: Day) => formatDay(d + 1);

export function toMermaidGantt(plan: Plan, schedule: Schedule, options: GanttOptions = {}): Gantt {
  const lines = ['gantt', `    title ${escapeMermaidText(plan.title)}`, '    dateFormat YYYY-MM-DD', '    axisFormat %d %b', '    todayMarker off'];
  if (options.compact) lines.unshift('---', 'displayMode: compact', '---');
  const rows: GanttRow[] = [];
  let hidden = 0;
  const keep = (item: ScheduledItem): boolean => {
    if (options.milestone !== undefined && item.milestone !== options.milestone) return false;
    if (options.from !== undefined && item.finish < options.from) return false;
    if (options.to !== undefined && item.start > options.to) return false;
    if (item.kind === 'checkpoint') return !options.criticalOnly && !options.owners;
    if (options.owners && !options.owners.includes(item.task!.owner)) return false;
    if (options.criticalOnly && !item.critical) return false;
    return true;
  };
  let section: string | undefined;
  const milestoneTitles = new Map(plan.milestones.map((m) => [m.id, m.title] as const));
  for (const item of schedule.items) {
    if (!keep(item)) { hidden++; continue; }
    if (item.milestone !== section) {
      section = item.milestone;
      lines.push(`    section ${escapeMermaidText(milestoneTitles.get(section) ?? section)}`);
    }
    const chartId = `${item.kind === 'task' ? 't' : 'c'}${rows.length + 1}`;
    rows.push({ chartId, itemId: item.id, kind: item.kind });
    if (item.kind === 'checkpoint') {
      lines.push(`    ${escapeMermaidText(item.checkpoint?.title ?? item.id)}:milestone, ${chartId}, ${endOf(item.finish)}, 0d`);
    } else {
      lines.push(`    ${escapeMermaidText(item.task!.title)}:${tagsOf(item.task!, item)}${chartId}, ${formatDay(item.start)}, ${endOf(item.finish)}`);
    }
  }
  const showGoal = options.milestone === undefined && !options.owners && (options.to === undefined || plan.goal.due <= options.to) && (options.from === undefined || plan.goal.due >= options.from);
  if (showGoal) {
    lines.push(`    section Goal`);
    rows.push({ chartId: 'goal', itemId: '', kind: 'goal' });
    lines.push(`    ${escapeMermaidText(plan.goal.outcome || plan.title)}:milestone, goal, ${endOf(plan.goal.due)}, 0d`);
  }
  if (rows.length) {
    if (options.todayMarker !== false) lines.push(`    Today:vert, today, ${formatDay(schedule.today)}, 0d`);
    lines.push(`    Goal due:vert, goaldue, ${endOf(plan.goal.due)}, 0d`);
  }
  return { text: lines.join('\n') + '\n', rows, hidden };
}

function tagsOf(task: Task, item: ScheduledItem): string {
  const tags: string[] = [];
  if (task.status === 'done') tags.push('done');
  else if (task.status === 'doing') tags.push('active');
  if (item.critical) tags.push('crit');
  return tags.length ? tags.join(', ') + ', ' : '';
}
