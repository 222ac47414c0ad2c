/** What a bar's tooltip shows: plain data from the plan and its schedule. Pure. */
import { formatDayHuman, lateWords, taskLateness, workCalendar, type Plan, type Schedule } from '../../core';
import type { BarInfo } from '../../shared/protocol';

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
  }
  return info;
}
