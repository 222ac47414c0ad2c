/**
 * Checks of the workback method that need no date (docs/format.md "Escalation ladders",
 * "Finishing"): ladders that rise and are not mixed with the older keys, a goal that can be
 * measured and has an owner, and a goal marked achieved.
 */
import { formatDay } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import { durationWorkdays, type Plan } from '../model';
import { workCalendar } from '../schedule/calendar';
import { human, workdays } from '../schedule/diagnostics';
import { keySpan, pairOf, spanOf, valueSpanOf } from '../sourceTree';

export function methodChecks(plan: Plan, out: RawDiagnostic[]): void {
  ladders(plan, out);
  goalIsSmart(plan, out);
  finished(plan, out);
}

function ladders(plan: Plan, out: RawDiagnostic[]): void {
  const ladders = plan.policy.escalation;
  if (!ladders) return;
  const policy = pairOf(plan.root, 'policy')?.value;
  const policyNode = policy?.kind === 'map' ? policy : undefined;
  const older = ['escalate_after', 'escalate_to'].filter((k) => policyNode?.byKey.has(k));
  const at = keySpan(policyNode, 'escalation');
  if (older.length && at) {
    out.push({
      code: 'escalation-conflict',
      severity: 'error',
      message: `policy has both escalation ladders and ${older.join(' and ')}: the ladders replace ${older.length > 1 ? 'them' : 'it'}. Remove ${older.join(' and ')}, or write ${older.length > 1 ? 'them' : 'it'} as a tier of escalation.default.`,
      span: at,
      related: older.map((k) => ({ message: `${k} is here`, span: keySpan(policyNode, k)! })),
      data: { keys: older },
    });
  }
  for (const [key, tiers] of ladders) {
    for (let i = 1; i < tiers.length; i++) {
      const before = tiers[i - 1]!;
      const tier = tiers[i]!;
      if (durationWorkdays(tier.after, plan.calendar) > durationWorkdays(before.after, plan.calendar)) continue;
      out.push({
        code: 'escalation-not-rising',
        severity: 'error',
        message: `Tier ${i + 1} of the ${key} ladder (after ${tier.after.text}) must come later than tier ${i} (after ${before.after.text}): the tiers of a ladder rise strictly.`,
        span: valueSpanOf(tier.node, 'after') ?? spanOf(tier.node),
        related: [{ message: `tier ${i}`, span: valueSpanOf(before.node, 'after') ?? spanOf(before.node) }],
        data: { ladder: key, tier: i + 1 },
      });
    }
  }
}

function goalIsSmart(plan: Plan, out: RawDiagnostic[]): void {
  const at = plan.goal.keySpan;
  if (!at || pairOf(plan.root, 'goal')?.value.kind !== 'map') return; // no goal, or not a mapping: the schema says so
  // only a key that is missing: a value of the wrong type is the schema's to report
  if (!plan.goal.node.byKey.has('measure'))
    out.push({
      code: 'goal-not-measurable',
      severity: 'warning',
      message:
        'The goal has no measure: say how you will know it is met (a report, a number, an audit result) in goal.measure.',
      span: at,
    });
  if (!plan.goal.node.byKey.has('owner'))
    out.push({
      code: 'goal-no-owner',
      severity: 'warning',
      message:
        'The goal has no owner: name who answers for it in goal.owner. Unless the policy names someone else, late work is escalated to them and they check in on the task owners.',
      span: at,
    });
}

function finished(plan: Plan, out: RawDiagnostic[]): void {
  const achieved = plan.goal.achievedOn;
  const tasks = plan.tasks;
  if (achieved === undefined) {
    if (tasks.length === 0 || tasks.some((t) => t.status !== 'done') || !plan.goal.keySpan) return;
    let last: number | undefined;
    for (const t of tasks) if (t.doneOn !== undefined && (last === undefined || t.doneOn > last)) last = t.doneOn;
    const reviews =
      tasks.filter((t) => t.review && t.review.on === undefined).length +
      plan.milestones.filter((m) => m.review && m.review.on === undefined).length;
    const owed = reviews
      ? ` ${reviews === 1 ? '1 review is' : `${reviews} reviews are`} still to be signed off (achieved_on drops them).`
      : '';
    out.push({
      code: 'all-tasks-done',
      severity: 'information',
      message: `Every task is done${last === undefined ? '' : ` (the last on ${human(last)})`}: if the goal is met, set goal.achieved_on to mark the plan finished.${owed}`,
      span: plan.goal.keySpan,
      data: last === undefined ? {} : { lastDoneOn: formatDay(last) },
    });
    return;
  }
  const span = valueSpanOf(plan.goal.node, 'achieved_on')!;
  const open = tasks.filter((t) => t.status !== 'done');
  if (open.length) {
    const named = open.slice(0, 5).map((t) => t.id);
    const more = open.length > 5 ? ` and ${open.length - 5} more` : '';
    out.push({
      code: 'achieved-with-open-work',
      severity: 'error',
      message: `The goal is marked achieved on ${human(achieved)}, but ${open.length === 1 ? '1 task is' : `${open.length} tasks are`} not done: ${named.join(', ')}${more}. Finish or remove ${open.length === 1 ? 'it' : 'them'}, or remove achieved_on.`,
      span,
      related: open.slice(0, 5).map((t) => ({ message: `${t.id} is ${t.status}`, span: t.idSpan })),
      data: { open: open.length },
    });
  }
  const due = plan.goal.due;
  if (Number.isFinite(due) && achieved > due) {
    const late = workCalendar(plan.calendar).countWorkdays(due + 1, achieved + 1);
    // met on a day off right after the due: no workday late, but after it all the same
    const after = late === 0 ? 'after' : `${workdays(late)} after`;
    out.push({
      code: 'goal-met-late',
      severity: 'warning',
      message: `The goal was met on ${human(achieved)}, ${after} its due (${human(due)}).`,
      span,
      data: { achievedOn: formatDay(achieved), due: formatDay(due), daysLate: late },
    });
  }
}
