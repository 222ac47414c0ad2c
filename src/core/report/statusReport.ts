/**
 * The status report (docs/format.md "The status report"): per plan, the goal and whether it
 * will be met, progress by milestone, what is late, escalations, reviews awaited and interim
 * controls. With `forMe`, only what that person owns, reviews, is escalated, or is consulted
 * or informed on: the weekly message for each stakeholder. Data only; markdown.ts writes it.
 */
import type { Day } from '../day';
import type { Milestone, Plan } from '../model';
import { actions, type ActionItem, type EscalatedItem, type InterimItem, type ReviewItem } from '../query/actions';
import { resolveMe } from '../query/people';
import type { PlanFile } from '../query/planFile';
import { tasksFor, type MyTask } from '../query/tasksFor';
import { workCalendar } from '../schedule/calendar';
import { awaitingReviews } from '../schedule/reviews';
import { slackState, type SlackState } from '../schedule/slack';

export interface MilestoneProgress {
  milestone: Milestone;
  done: number;
  total: number;
  /** `awaiting` once its tasks are done (a checkpoint: its day has come) and it is not signed off. */
  review?: 'awaiting' | 'reviewed' | 'pending';
}

export interface PlanReport {
  file: string;
  plan: Plan;
  slack: SlackState;
  done: number;
  total: number;
  milestones: MilestoneProgress[];
  /** Open tasks overdue or late to start, most late first. */
  late: MyTask[];
  escalations: EscalatedItem[];
  reviews: ReviewItem[];
  interims: InterimItem[];
  /** With `forMe`: my open tasks; else empty. */
  mine: MyTask[];
  /** With `forMe`: the person ids I am in this plan. */
  me: readonly string[];
}

export function statusReport(files: readonly PlanFile[], today: Day, forMe?: readonly string[]): PlanReport[] {
  const out: PlanReport[] = [];
  for (const pf of files) {
    const ids = forMe ? resolveMe(pf.plan, forMe) : [];
    if (forMe && ids.length === 0) continue;
    out.push(planReport(pf, today, forMe ? new Set(ids) : undefined));
  }
  return out;
}

function planReport(pf: PlanFile, today: Day, me: ReadonlySet<string> | undefined): PlanReport {
  const { plan } = pf;
  const everyone = [...plan.people.keys()];
  const relevant = relevance(plan, me);
  const all = actions([pf], today);
  const late = tasksFor([pf], everyone, today).filter(
    (t) => (t.state === 'overdue' || t.state === 'late-start') && relevant(t.task.owner, t.task.milestone),
  );
  const keep = (a: ActionItem): boolean => {
    const milestone = a.item.kind === 'task' ? a.item.milestone : a.item.id;
    if (a.kind === 'escalated') return relevant(a.owner, milestone) || (a.to !== undefined && !!me?.has(a.to));
    if (a.kind === 'review')
      return relevant(a.item.kind === 'task' ? a.item.owner : '', milestone) || !!me?.has(a.reviewer);
    return relevant(a.item.owner, milestone) || !!me?.has(a.owner);
  };
  const shown = all.filter(keep);
  // the milestones awaiting review, by the schedule's own rule (none once the plan is finished)
  const awaiting = new Set<Milestone>();
  for (const r of awaitingReviews(plan, pf.schedule, workCalendar(plan.calendar), today))
    if (r.item.kind === 'milestone') awaiting.add(r.item);
  return {
    file: pf.file,
    plan,
    slack: slackState(pf.schedule),
    done: plan.tasks.filter((t) => t.status === 'done').length,
    total: plan.tasks.length,
    milestones: plan.milestones.map((m) => progressOf(m, awaiting)),
    late,
    escalations: shown.filter((a): a is EscalatedItem => a.kind === 'escalated'),
    reviews: shown.filter((a): a is ReviewItem => a.kind === 'review'),
    interims: shown.filter((a): a is InterimItem => a.kind === 'interim'),
    mine: me ? tasksFor([pf], [...me], today) : [],
    me: me ? [...me] : [],
  };
}

/**
 * Whether an item owned by `owner` in milestone `milestoneId` is mine to hear about: always
 * without `me`; else when I own it, or I own the goal or am consulted or informed on it, or on
 * its milestone.
 */
function relevance(plan: Plan, me: ReadonlySet<string> | undefined): (owner: string, milestoneId: string) => boolean {
  if (!me) return () => true;
  const has = (ids: readonly string[]) => ids.some((id) => me.has(id));
  const whole =
    (plan.goal.owner !== undefined && me.has(plan.goal.owner)) || has(plan.goal.consulted) || has(plan.goal.informed);
  const byMilestone = new Set(plan.milestones.filter((m) => has(m.consulted) || has(m.informed)).map((m) => m.id));
  return (owner, milestoneId) => whole || me.has(owner) || byMilestone.has(milestoneId);
}

function progressOf(m: Milestone, awaiting: ReadonlySet<Milestone>): MilestoneProgress {
  const done = m.tasks.filter((t) => t.status === 'done').length;
  const out: MilestoneProgress = { milestone: m, done, total: m.tasks.length };
  if (m.review) out.review = m.review.on !== undefined ? 'reviewed' : awaiting.has(m) ? 'awaiting' : 'pending';
  return out;
}
