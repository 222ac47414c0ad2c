/**
 * The status report as Markdown: one section per plan, for a chat message, a mail or the
 * Markdown preview. Plan text (titles, names, outcomes, controls) is made inert and escaped
 * (`inertText`, `markdownEscape`): it can never format, link, mention or inject HTML.
 */
import { formatDayHuman, type Day } from '../day';
import { inertText, markdownEscape } from '../editing/inertText';
import type { Plan } from '../model';
import { escalatedWords } from '../schedule/escalation';
import { actionLateWords } from '../query/actions';
import { lateWords, slackWords } from '../schedule/slack';
import type { PlanReport } from './statusReport';

const esc = (text: string, max = 200): string => markdownEscape(inertText(text, max));
const day = (d: Day): string => formatDayHuman(d, true);
const person = (plan: Plan, id: string): string => esc(plan.people.get(id)?.name ?? id, 80);
const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

export function statusReportMarkdown(reports: readonly PlanReport[], today: Day, forWhom?: string): string {
  const lines = [`# Status report, ${day(today)}${forWhom !== undefined ? ` — for ${esc(forWhom, 100)}` : ''}`, ''];
  if (reports.length === 0)
    lines.push(forWhom !== undefined ? 'No plan names this person.' : 'No plan to report on.', '');
  for (const r of reports) lines.push(...planSection(r, today));
  return lines.join('\n');
}

/** `on track, slack 3 workdays`, `3 workdays short`, `finished on Fri 2 Oct 2026`. */
function standing(r: PlanReport): string {
  const achieved = r.plan.goal.achievedOn;
  if (achieved !== undefined)
    return `**finished**: met on ${day(achieved)}${achieved > r.plan.goal.due ? ', after its due' : ''}`;
  if (r.slack.kind === 'all-done') return 'every task done; the goal is not marked achieved yet';
  if (r.slack.kind === 'out-of-range') return 'slack unknown (the earliest dates leave 1970-2199)';
  const w = r.slack.workdays;
  return w < 0 ? `**at risk: ${slackWords(w)}**` : `on track, ${slackWords(w)}`;
}

function planSection(r: PlanReport, today: Day): string[] {
  const { plan } = r;
  const goal = plan.goal;
  const out = [`## ${esc(plan.title)}`, '', `File: ${esc(r.file, 300)}`, ''];
  out.push(
    `**Goal:** ${esc(goal.outcome, 500)} — due ${day(goal.due)}${goal.owner ? `, owner ${person(plan, goal.owner)}` : ''}.`,
    '',
  );
  if (goal.measure) out.push(`**Measure:** ${esc(goal.measure, 500)}`, '');
  out.push(`**Standing:** ${standing(r)}.`, '');
  const stake = stakeholders(plan, goal.consulted, goal.informed);
  if (stake) out.push(stake, '');
  out.push(...progress(r));
  if (r.mine.length)
    out.push(
      ...section(
        'Your open tasks',
        r.mine.map((t) => taskLine(t.task.id, t.task.title, mineState(t, today))),
      ),
    );
  out.push(
    ...section(
      'Late',
      r.late.map((t) =>
        taskLine(
          t.task.id,
          t.task.title,
          `${lateWords(t.state as 'overdue' | 'late-start', t.daysLate)}, owner ${person(plan, t.task.owner)}`,
        ),
      ),
    ),
  );
  out.push(...escalations(r));
  out.push(
    ...section(
      'Awaiting review',
      r.reviews.map((v) =>
        taskLine(
          v.item.id,
          v.item.title,
          `by ${person(plan, v.reviewer)}${v.since !== undefined ? `, done ${day(v.since)}` : ''}${v.daysLate ? ` (${actionLateWords(v)})` : ''}`,
        ),
      ),
    ),
  );
  out.push(
    ...section(
      'Interim controls to put in place',
      r.interims.map(
        (i) => `- ${esc(i.control)} — by ${person(plan, i.owner)}, while \`${i.item.id}\` is ${actionLateWords(i)}`,
      ),
    ),
  );
  return out;
}

function mineState(t: PlanReport['mine'][number], today: Day): string {
  if (t.state === 'overdue' || t.state === 'late-start') return lateWords(t.state, t.daysLate);
  return `${t.task.priority}, start by ${formatDayHuman(t.item.start, t.item.start < today)}`;
}

function stakeholders(plan: Plan, consulted: readonly string[], informed: readonly string[]): string {
  const parts: string[] = [];
  if (consulted.length) parts.push(`**Consulted:** ${consulted.map((id) => person(plan, id)).join(', ')}`);
  if (informed.length) parts.push(`**Informed:** ${informed.map((id) => person(plan, id)).join(', ')}`);
  return parts.join(' · ');
}

function progress(r: PlanReport): string[] {
  const out = [`**Progress:** ${r.done} of ${count(r.total, 'task')} done.`, ''];
  if (r.milestones.length === 0) return out;
  out.push('| Milestone | Done | Review |', '|---|---:|---|');
  for (const m of r.milestones) {
    const review =
      m.review === 'awaiting' ? 'awaiting' : m.review === 'reviewed' ? 'reviewed' : m.review ? 'not yet due' : '';
    const title = esc(m.milestone.title, 120); // markdownEscape escapes | too: a table cell stays one
    out.push(`| ${title} | ${m.total ? `${m.done} of ${m.total}` : 'checkpoint'} | ${review} |`);
  }
  out.push('');
  return out;
}

function escalations(r: PlanReport): string[] {
  const lines = r.escalations.map(
    (e) =>
      `${taskLine(e.item.id, e.item.title, actionLateWords(e))}; ${escalatedWords(e.to === undefined ? undefined : person(r.plan, e.to), e)}`,
  );
  return section('Escalations', lines);
}

const taskLine = (id: string, title: string, state: string): string => `- \`${id}\` ${esc(title)} — ${state}`;

function section(title: string, lines: readonly string[]): string[] {
  return lines.length ? [`### ${title}`, '', ...lines, ''] : [];
}
