/**
 * What a hover shows: on a key, its documentation from the schema; on a task or milestone id
 * (or a reference to one), its computed dates and state; on a person, name, email and open
 * tasks. Content is a list of parts: `md` is markdown written by Workback (labels, dates, the
 * schema's documentation), `text` is plan text, which the extension appends as plain text.
 */
import { formatDayHuman, type Day } from '../day';
import type { Span } from '../diagnostic';
import { DEFAULT_PRIORITY, type Milestone, type Plan, type Task } from '../model';
import { taskState } from '../query/planFile';
import type { Schedule, ScheduledItem } from '../schedule/types';
import { daysOffWithin } from '../schedule/taskCalendars';
import { slackWords } from '../schedule/slack';
import { daysText, personText } from '../schedule/diagnostics';
import { tierText } from '../schedule/escalation';
import { cursorContext } from './cursorContext';
import { inertText } from './inertText';
import { schemaAt, type PathSeg } from '../schemaView';
import { occurrenceAt, type Occurrence } from './symbols';

export type HoverPart = { kind: 'md'; value: string } | { kind: 'text'; value: string };

export interface HoverInfo {
  span: Span;
  parts: HoverPart[];
}

export interface HoverData {
  plan?: Plan;
  schedule?: Schedule;
}

const md = (value: string): HoverPart => ({ kind: 'md', value });
const text = (value: string, max = 200): HoverPart => ({ kind: 'text', value: inertText(value, max) });
const day = (d: Day): string => formatDayHuman(d, true);
const workdays = (n: number): string => `${n} workday${n === 1 || n === -1 ? '' : 's'}`;
const PARA = /* @__PURE__ */ md('\n\n');

export function hoverAt(source: string, offset: number, data: HoverData): HoverInfo | undefined {
  const plan = data.plan;
  const occ = plan ? occurrenceAt(plan, offset) : undefined;
  if (plan && occ)
    return {
      span: occ.span,
      parts: occ.kind === 'person' ? personHover(plan, occ) : itemHover(plan, data.schedule, occ),
    };
  return keyHover(source, offset);
}

/** On a key's name: the key's documentation. */
export function keyHover(source: string, offset: number): HoverInfo | undefined {
  const ctx = cursorContext(source, offset);
  if (ctx.kind !== 'key' || !ctx.hasColon) return undefined;
  const key = source.slice(ctx.replace.start, ctx.replace.end);
  const path: PathSeg[] = [...ctx.path, key];
  const view = schemaAt(path);
  const doc = view?.markdownDescription ?? view?.description;
  if (!doc) return undefined;
  return { span: ctx.replace, parts: [md(`**${key}**`), PARA, md(doc)] };
}

function itemHover(plan: Plan, schedule: Schedule | undefined, occ: Occurrence): HoverPart[] {
  const item = plan.items.get(occ.id);
  if (!item) return [md('**Unknown id** '), text(occ.id), md(': no task or milestone of this plan has it.')];
  const parts: HoverPart[] = [];
  if (!occ.definition) parts.push(md('Depends on '));
  parts.push(
    md(`**${item.kind === 'task' ? 'Task' : item.tasks.length ? 'Milestone' : 'Checkpoint'}** `),
    text(item.id, 100),
    md(' — '),
    text(item.title),
  );
  return [
    ...parts,
    ...(item.kind === 'task' ? taskLines(plan, schedule, item) : milestoneLines(schedule, item)),
    ...methodLines(plan, item),
  ];
}

function taskLines(plan: Plan, schedule: Schedule | undefined, t: Task): HoverPart[] {
  const owner = plan.people.get(t.owner);
  const parts: HoverPart[] = [
    PARA,
    md('Milestone '),
    text(t.milestone, 100),
    md(' · owner '),
    owner ? text(`${owner.name} (${t.owner})`) : text(t.owner || 'none'),
    md(` · ${t.duration.text} · ${t.status}`),
  ];
  const scheduled = schedule?.byId.get(t.id);
  if (!schedule || !scheduled || scheduled.task !== t) {
    parts.push(PARA, md('_Dates are computed once the plan has no errors._'));
    return parts;
  }
  parts.push(PARA, md(`Start by **${day(scheduled.start)}** · finish by **${day(scheduled.finish)}**`));
  if (scheduled.earliestStart !== undefined && scheduled.slack !== undefined) {
    parts.push(
      PARA,
      md(
        `Earliest start ${day(scheduled.earliestStart)} · ${slackWords(scheduled.slack)}${scheduled.critical ? ' · **critical**' : ''}`,
      ),
    );
  }
  parts.push(...daysOffLines(plan, t, scheduled));
  const state = taskState({ file: '', plan, schedule }, t, schedule.today);
  if (state) {
    const line =
      state.state === 'done'
        ? `Done${t.doneOn !== undefined ? ` on ${day(t.doneOn)}` : ''}`
        : state.state === 'overdue'
          ? `⚠ Overdue: ${workdays(state.daysLate)} late`
          : state.state === 'late-start'
            ? `⚠ Late start: ${workdays(state.daysLate)} late`
            : `Open as of ${day(schedule.today)}`;
    parts.push(PARA, md(line));
    // the recipient's name is plan text: appended as text
    if (state.escalate && state.escalateTo === undefined) parts.push(md(' · flagged for escalation'));
    else if (state.escalate) parts.push(md(' · escalated to '), person(plan, state.escalateTo!), md(tierText(state)));
  }
  if (plan.goal.achievedOn !== undefined)
    parts.push(PARA, md(`The plan is finished: goal met on ${day(plan.goal.achievedOn)}`));
  return parts;
}

/**
 * The days the task's own calendar loses between its earliest and latest dates, and why: each
 * freeze and leave that covers a workday of the plan there (docs/format.md "Freezes, leave and
 * each task's calendar"). Names are plan text.
 */
function daysOffLines(plan: Plan, t: Task, item: ScheduledItem): HoverPart[] {
  const from = Math.min(item.start, item.earliestStart ?? item.start);
  const to = Math.max(item.finish, item.earliestFinish ?? item.finish);
  const within = daysOffWithin(plan, t, from, to);
  const parts: HoverPart[] = [];
  for (const { off, lost } of within.slice(0, MAX_DAYS_OFF_SHOWN)) {
    const what = off.why === 'leave' ? 'Leave of the owner' : off.tag !== undefined ? 'Freeze' : 'Freeze (every task)';
    parts.push(PARA, md(`⛔ ${what} `));
    if (off.range.name !== undefined) parts.push(text(off.range.name, 100), md(' '));
    parts.push(md(`· ${daysText(off.range.from, off.range.to)} · loses ${workdays(lost)}`));
    if (off.tag !== undefined) parts.push(md(' · tag '), text(off.tag, 100));
  }
  if (within.length > MAX_DAYS_OFF_SHOWN)
    parts.push(PARA, md(`⛔ and ${within.length - MAX_DAYS_OFF_SHOWN} more freezes or leaves`));
  return parts;
}

/** A hover names this many of a task's freezes and leaves at most. */
const MAX_DAYS_OFF_SHOWN = 6;

/** Priority, review and interim control of a task or milestone. */
function methodLines(plan: Plan, item: Task | Milestone): HoverPart[] {
  const parts: HoverPart[] = [];
  // p3, the default, goes without saying
  if (item.priority !== undefined && item.priority !== DEFAULT_PRIORITY)
    parts.push(PARA, md(`Priority **${item.priority}**`));
  const review = item.review;
  if (review) {
    parts.push(PARA, md('Reviewed by '), person(plan, review.by));
    parts.push(md(review.on !== undefined ? ` on ${day(review.on)}` : ' · _not reviewed yet_'));
  }
  if (item.kind === 'task' && item.interim) {
    parts.push(
      PARA,
      md('Interim control: '),
      text(item.interim.control),
      md(' · by '),
      person(plan, item.interim.owner),
    );
    parts.push(md(item.interim.inPlace ? ' · **in place**' : ' · _not in place_'));
  }
  if (item.kind === 'milestone') parts.push(...stakeholderLines(plan, item.consulted, item.informed));
  return parts;
}

/** A person as the diagnostics name them, `Dana Whitfield (dana)`, as plan text. */
const person = (plan: Plan, id: string): HoverPart => text(personText(plan, id));

function stakeholderLines(plan: Plan, consulted: readonly string[], informed: readonly string[]): HoverPart[] {
  const parts: HoverPart[] = [];
  const names = (ids: readonly string[]) => ids.map((id) => plan.people.get(id)?.name ?? id).join(', ');
  if (consulted.length) parts.push(PARA, md('Consulted: '), text(names(consulted)));
  if (informed.length) parts.push(PARA, md('Informed: '), text(names(informed)));
  return parts;
}

function milestoneLines(schedule: Schedule | undefined, m: Milestone): HoverPart[] {
  const parts: HoverPart[] = [];
  const done = m.tasks.filter((t) => t.status === 'done').length;
  const facts: string[] = [];
  if (m.tasks.length) facts.push(`${m.tasks.length} task${m.tasks.length === 1 ? '' : 's'}, ${done} done`);
  if (m.due !== undefined) facts.push(`due ${day(m.due)}`);
  if (m.dependsOn.length) facts.push(`depends on ${m.dependsOn.length} item${m.dependsOn.length === 1 ? '' : 's'}`);
  if (facts.length) parts.push(PARA, md(facts.join(' · ')));
  if (!schedule || schedule.items.length === 0) {
    parts.push(PARA, md('_Dates are computed once the plan has no errors._'));
    return parts;
  }
  if (!m.tasks.length) {
    const cp = schedule.byId.get(m.id);
    if (cp?.checkpoint === m) parts.push(PARA, md(`Passes by **${day(cp.finish)}**`));
    return parts;
  }
  let start = Infinity;
  let finish = -Infinity;
  let critical = false;
  let minSlack: number | undefined;
  for (const t of m.tasks) {
    const s = schedule.byId.get(t.id);
    if (!s || s.task !== t) continue;
    start = Math.min(start, s.start);
    finish = Math.max(finish, s.finish);
    critical ||= s.critical;
    if (s.slack !== undefined) minSlack = minSlack === undefined ? s.slack : Math.min(minSlack, s.slack);
  }
  if (Number.isFinite(start)) parts.push(PARA, md(`Start by **${day(start)}** · finish by **${day(finish)}**`));
  if (minSlack !== undefined)
    parts.push(
      PARA,
      md(
        `${minSlack < 0 ? `Behind by ${workdays(-minSlack)}` : `Minimum slack ${workdays(minSlack)}`}${critical ? ' · **on the critical path**' : ''}`,
      ),
    );
  else if (done === m.tasks.length) parts.push(PARA, md('Every task done'));
  return parts;
}

function personHover(plan: Plan, occ: Occurrence): HoverPart[] {
  const p = plan.people.get(occ.id);
  if (!p) return [md('**Unknown person** '), text(occ.id, 100), md(': not in `people`.')];
  const parts: HoverPart[] = [md('**Person** '), text(p.id, 100), md(' — '), text(p.name)];
  if (p.role) parts.push(PARA, text(p.role));
  if (p.email) parts.push(PARA, md('Email '), text(p.email));
  if (p.capacity !== 1) parts.push(PARA, md(`Capacity: ${p.capacity} tasks at once`));
  for (const r of p.away.slice(0, 5)) {
    parts.push(PARA, md(`Away ${daysText(r.from, r.to)}`));
    if (r.name !== undefined) parts.push(md(' · '), text(r.name, 100));
  }
  if (p.away.length > 5) parts.push(PARA, md(`Away ${p.away.length - 5} more times`));
  const mine = plan.tasks.filter((t) => t.owner === p.id);
  const open = mine.filter((t) => t.status !== 'done').length;
  parts.push(
    PARA,
    md(`${open} open task${open === 1 ? '' : 's'}${mine.length !== open ? ` (${mine.length - open} done)` : ''}`),
  );
  const roles = personRoles(plan, p.id);
  if (roles.length) parts.push(PARA, md(roles.join(' · ')));
  return parts;
}

/** What a person does in the plan beyond their tasks: the goal, escalations, reviews, stakeholders. */
function personRoles(plan: Plan, id: string): string[] {
  const roles: string[] = [];
  if (plan.goal.owner === id) roles.push('owns the goal');
  const ladders = plan.policy.escalation;
  if (ladders) {
    for (const [key, tiers] of ladders)
      tiers.forEach((t, i) => {
        if (t.to === id) roles.push(`escalations: ${key} tier ${i + 1} of ${tiers.length}`);
      });
  } else if (plan.policy.escalateAfter && (plan.policy.escalateTo ?? plan.goal.owner) === id)
    roles.push('late work is escalated to them');
  const reviews =
    plan.tasks.filter((t) => t.review?.by === id).length + plan.milestones.filter((m) => m.review?.by === id).length;
  if (reviews) roles.push(`reviews ${reviews} item${reviews === 1 ? '' : 's'}`);
  const interims = plan.tasks.filter((t) => t.interim?.owner === id).length;
  if (interims) roles.push(`${interims} interim control${interims === 1 ? '' : 's'}`);
  if (plan.goal.consulted.includes(id) || plan.milestones.some((m) => m.consulted.includes(id)))
    roles.push('consulted');
  if (plan.goal.informed.includes(id) || plan.milestones.some((m) => m.informed.includes(id))) roles.push('informed');
  return roles;
}
