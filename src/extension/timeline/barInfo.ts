/** What a bar's tooltip shows: plain data from the plan and its schedule. Pure. */
import {
  barSpan,
  daysOffWithin,
  daysText,
  formatDayHuman,
  lateWords,
  taskLateness,
  workCalendar,
  type Plan,
  type Schedule,
  type ScheduledItem,
  type Task,
} from '../../core';
import type { BarInfo, DayOffInfo } from '../../shared/protocol';

/** At most this many runs of days off per bar are sent (a person may list a thousand leaves). */
export const MAX_DAYS_OFF = 20;

export function barInfo(
  plan: Plan,
  schedule: Schedule,
  itemId: string,
  chartId: string,
  kind: BarInfo['kind'],
): BarInfo {
  if (kind === 'goal') {
    const due = formatDayHuman(plan.goal.due, true);
    return {
      chartId,
      itemId: '',
      kind,
      title: plan.goal.outcome || plan.title,
      milestone: '',
      startBy: due,
      finishBy: due,
      status: 'goal',
      critical: false,
    };
  }
  const item = schedule.byId.get(itemId)!;
  const milestone = plan.milestones.find((m) => m.id === item.milestone)?.title ?? item.milestone;
  const info: BarInfo = {
    chartId,
    itemId,
    kind,
    milestone,
    critical: item.critical,
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
    if (task.status === 'done' && task.doneOn !== undefined) info.doneOn = formatDayHuman(task.doneOn, true);
    const late = taskLateness(workCalendar(plan.calendar), task, item, schedule.today);
    if (late.state === 'overdue' || late.state === 'late-start') {
      info.late = lateWords(late.state, late.daysLate);
      info.state = late.state;
    } else if (task.status === 'blocked') info.state = 'blocked';
    if (task.status !== 'done') daysOffOnBar(plan, schedule, task, item, info);
  }
  return info;
}

/**
 * The freezes and leave that take workdays out of the task's bar, as offsets from its first
 * day (the webview cuts them out of the bar as notches), and their names for the tooltip.
 */
function daysOffOnBar(plan: Plan, schedule: Schedule, task: Task, item: ScheduledItem, info: BarInfo): void {
  const cal = workCalendar(plan.calendar);
  const bar = barSpan(plan, cal, task, item, schedule.today);
  const out: DayOffInfo[] = [];
  for (const { off, from: a, to: b } of daysOffWithin(plan, task, bar.start, bar.finish)) {
    const what = off.why === 'leave' ? `leave of ${plan.people.get(task.owner)?.name ?? task.owner}` : 'freeze';
    const name =
      off.range.name !== undefined ? `${off.range.name} (${what})` : what.charAt(0).toUpperCase() + what.slice(1);
    out.push({ first: a - bar.start, last: b - bar.start, label: `${name}: ${daysText(a, b)}` });
    if (out.length === MAX_DAYS_OFF) break;
  }
  if (!out.length) return;
  info.barDays = bar.finish - bar.start + 1;
  info.daysOff = out;
}
