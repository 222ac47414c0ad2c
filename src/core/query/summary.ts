/**
 * A plan at a glance, for reports (`workback check --format markdown`, a CI job summary): its
 * goal and due date, the slack left, and how many tasks and follow-ups are late.
 */
import type { Day } from '../day';
import { slackState, type SlackState } from '../schedule/slack';
import { followUps } from './followUps';
import { taskState, type PlanFile } from './planFile';

export interface PlanSummary {
  title: string;
  outcome: string;
  due: Day;
  slack: SlackState;
  tasks: number;
  done: number;
  /** Todo or blocked past its workback (latest start) date. */
  lateStart: number;
  /** Not done past its latest finish. */
  overdue: number;
  /** Follow-ups and check-ins past their day and not done. */
  overdueFollowUps: number;
}

export function planSummary(planFile: PlanFile, today: Day): PlanSummary {
  const { plan } = planFile;
  const out: PlanSummary = {
    title: plan.title,
    outcome: plan.goal.outcome,
    due: plan.goal.due,
    slack: slackState(planFile.schedule),
    tasks: plan.tasks.length,
    done: 0,
    lateStart: 0,
    overdue: 0,
    overdueFollowUps: followUps([planFile], today, { overdueOnly: true }).length,
  };
  for (const task of plan.tasks) {
    const state = taskState(planFile, task, today)?.state ?? (task.status === 'done' ? 'done' : 'open');
    if (state === 'done') out.done++;
    else if (state === 'late-start') out.lateStart++;
    else if (state === 'overdue') out.overdue++;
  }
  return out;
}
