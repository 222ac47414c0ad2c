/**
 * The workback schedule as a Mermaid Gantt chart: each task from its latest start to its
 * latest finish (a done task where it happened, a late one in progress from today: barSpan.ts),
 * explicit dates (the scheduler already applied the calendar: no `after`,
 * no `excludes`), a section per milestone, checkpoints and the goal as milestones, markers
 * for today and the goal's due. Ids in the chart are generated; plan text is escaped.
 */
import { formatDay, type Day } from '../day';
import type { Plan, Priority, Task } from '../model';
import type { Schedule, ScheduledItem } from '../schedule/types';
import { workCalendar } from '../schedule/calendar';
import { barSpan } from './barSpan';
import { calendarLines } from './calendarLines';
import { escapeMermaidText } from './escape';
import { GOAL_SECTION, inWindow, SectionNames, Span } from './layout';

export interface GanttOptions {
  /** Only items that overlap this window (inclusive days). */
  from?: Day;
  to?: Day;
  /** Only this milestone's section. */
  milestone?: string;
  /** Only tasks owned by these people. */
  owners?: string[];
  /** Only tasks of these priorities (docs/format.md "Priority"). */
  priorities?: readonly Priority[];
  /** Only the critical path. */
  criticalOnly?: boolean;
  /** One row per section instead of one per task. */
  compact?: boolean;
  /** Draw today's marker (default true). */
  todayMarker?: boolean;
  /**
   * Which of the today and goal-due markers to draw: `all` (the default), or `inView`: only a
   * marker inside the window (`from`..`to`, when given) and near the rows drawn (within
   * max(7, half the rows' span) days of them). Mermaid stretches its time axis to every
   * marker: a far one would squeeze every bar into a corner.
   */
  markers?: 'all' | 'inView';
}

export interface GanttRow {
  /** The chart's own id for the row (`t12`); never plan text. */
  chartId: string;
  /** The task or checkpoint id in the plan. */
  itemId: string;
  kind: 'task' | 'checkpoint' | 'goal';
}

export interface GanttSection {
  /** The section's name as Mermaid shows it (plan text, unescaped); unique in the chart. */
  name: string;
  /** The milestone's id; empty for the goal's section. */
  milestone: string;
  /** How many rows (consecutive, in the order of `rows`) the section holds. */
  rows: number;
}

export interface Gantt {
  text: string;
  rows: GanttRow[];
  /** The sections in the order drawn. */
  sections: GanttSection[];
  /** Tasks and checkpoints of the plan the filters left out. */
  hidden: number;
  /** The markers drawn. */
  markers: ('today' | 'goaldue')[];
  /**
   * The instants the time axis spans, rows and markers drawn (day numbers, `to` exclusive);
   * undefined when there is no row.
   */
  axis?: { from: Day; to: Day };
}

/** Mermaid draws `start, end` with an exclusive end: a task that finishes on LF ends at LF + 1. */
const endOf = (d: Day) => formatDay(d + 1);

export function toMermaidGantt(plan: Plan, schedule: Schedule, options: GanttOptions = {}): Gantt {
  const lines = [
    'gantt',
    // a finished plan says so in its title (docs/format.md "Finishing")
    `    title ${escapeMermaidText(plan.title)}${plan.goal.achievedOn !== undefined ? ` (finished: goal met ${formatDay(plan.goal.achievedOn)})` : ''}`,
    '    dateFormat YYYY-MM-DD',
    '    todayMarker off',
  ];
  /** Where the calendar's lines go once the axis is known (calendarLines.ts). */
  const calendarAt = lines.length;
  if (options.compact) lines.unshift('---', 'displayMode: compact', '---');
  const rows: GanttRow[] = [];
  const sections: GanttSection[] = [];
  const span = new Span();
  let hidden = 0;
  const cal = workCalendar(plan.calendar);
  /** The days a row covers as drawn: a task's bar (barSpan), a checkpoint's day. */
  const drawn = (item: ScheduledItem) =>
    item.kind === 'task' ? barSpan(plan, cal, item.task!, item, schedule.today) : item;
  const keep = (item: ScheduledItem, { start, finish }: { start: Day; finish: Day }): boolean => {
    if (options.milestone !== undefined && item.milestone !== options.milestone) return false;
    if (options.from !== undefined && finish < options.from) return false;
    if (options.to !== undefined && start > options.to) return false;
    if (item.kind === 'checkpoint') return !options.criticalOnly && !options.owners && !options.priorities;
    if (options.owners && !options.owners.includes(item.task!.owner)) return false;
    if (options.priorities && !options.priorities.includes(item.task!.priority)) return false;
    if (options.criticalOnly && !item.critical) return false;
    return true;
  };
  const showGoal =
    options.milestone === undefined &&
    !options.owners &&
    !options.priorities &&
    inWindow(plan.goal.due, options.from, options.to);
  const names = new SectionNames(showGoal ? [GOAL_SECTION] : []);
  const milestoneTitles = new Map(plan.milestones.map((m) => [m.id, m.title] as const));
  for (const item of schedule.items) {
    const bar = drawn(item); // (once per row: the filter and the line use the same days)
    if (!keep(item, bar)) {
      hidden++;
      continue;
    }
    if (item.milestone !== sections[sections.length - 1]?.milestone) {
      const name = names.name(milestoneTitles.get(item.milestone) ?? item.milestone, item.milestone);
      sections.push({ name, milestone: item.milestone, rows: 0 });
      lines.push(`    section ${escapeMermaidText(name)}`);
    }
    sections[sections.length - 1]!.rows++;
    const chartId = `${item.kind === 'task' ? 't' : 'c'}${rows.length + 1}`;
    rows.push({ chartId, itemId: item.id, kind: item.kind });
    if (item.kind === 'checkpoint') {
      span.add(item.finish + 1);
      lines.push(
        `    ${escapeMermaidText(item.checkpoint?.title ?? item.id)}:milestone, ${chartId}, ${endOf(item.finish)}, 0d`,
      );
    } else {
      span.add(bar.start, bar.finish + 1);
      lines.push(
        `    ${escapeMermaidText(item.task!.title)}:${tagsOf(item.task!, item)}${chartId}, ${formatDay(bar.start)}, ${endOf(bar.finish)}`,
      );
    }
  }
  if (showGoal) {
    lines.push(`    section ${GOAL_SECTION}`);
    sections.push({ name: GOAL_SECTION, milestone: '', rows: 1 });
    rows.push({ chartId: 'goal', itemId: '', kind: 'goal' });
    span.add(plan.goal.due + 1);
    lines.push(
      `    ${escapeMermaidText(plan.goal.outcome || plan.title)}:milestone, goal, ${endOf(plan.goal.due)}, 0d`,
    );
  }
  const markers: Gantt['markers'] = [];
  if (!rows.length) {
    lines.splice(calendarAt, 0, '    axisFormat %-d %b');
    return { text: lines.join('\n') + '\n', rows, sections, hidden, markers };
  }
  const axis = { from: span.from, to: span.to };
  const inView = (day: Day, at: Day) =>
    options.markers !== 'inView' || (inWindow(day, options.from, options.to) && span.near(at));
  if (options.todayMarker !== false && inView(schedule.today, schedule.today)) {
    markers.push('today');
    lines.push(`    Today:vert, today, ${formatDay(schedule.today)}, 0d`);
    axis.from = Math.min(axis.from, schedule.today);
    axis.to = Math.max(axis.to, schedule.today);
  }
  if (inView(plan.goal.due, plan.goal.due + 1)) {
    markers.push('goaldue');
    lines.push(`    Goal due:vert, goaldue, ${endOf(plan.goal.due)}, 0d`);
    axis.from = Math.min(axis.from, plan.goal.due + 1);
    axis.to = Math.max(axis.to, plan.goal.due + 1);
  }
  lines.splice(calendarAt, 0, ...calendarLines(plan.calendar, axis.from, axis.to));
  return { text: lines.join('\n') + '\n', rows, sections, hidden, markers, axis };
}

function tagsOf(task: Task, item: ScheduledItem): string {
  const tags: string[] = [];
  if (task.status === 'done') tags.push('done');
  else if (task.status === 'doing') tags.push('active');
  if (item.critical) tags.push('crit');
  return tags.length ? tags.join(', ') + ', ' : '';
}

/**
 * The chart as a fenced Markdown block, to paste in a pull request, an issue or a README, where
 * Mermaid draws it. Plan text cannot close the fence: a title's backticks are entities.
 */
export function ganttMarkdown(ganttText: string): string {
  return `\`\`\`mermaid\n${ganttText.endsWith('\n') ? ganttText : `${ganttText}\n`}\`\`\`\n`;
}
