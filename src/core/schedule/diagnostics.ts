/**
 * The schedule's diagnostics: messages for planners, spans from the model's nodes, facts in
 * `data` (ISO dates, workday counts, escalation) for the CLI's JSON and for quick fixes.
 * Ids are safe to quote; titles and names are user text that every output layer escapes.
 */
import { CODE_SEVERITY, type Code } from '../codeSeverity';
import { formatDay, formatDayHuman, MAX_DAY, MIN_DAY, type Day } from '../day';
import type { RawDiagnostic, Severity, Span } from '../diagnostic';
import type { FollowUp, Milestone, Person, Plan, Priority, Task } from '../model';
import type { BookingOverlap } from './capacity';
import { pairOf, spanOf, type MapNode } from '../sourceTree';
import { escalationFor, tierText, type Escalation } from './escalation';
import { checkInWith } from './late';

export const human = (d: Day): string => formatDayHuman(d, true);

export function workdays(n: number): string {
  return n === 1 ? '1 workday' : `${n} workdays`;
}

function lateText(n: number): string {
  return n === 0 ? 'no full workday late yet' : `${workdays(n)} late`;
}

export function personText(plan: Plan, id: string): string {
  const p = plan.people.get(id);
  return p && p.name !== id ? `${p.name} (${id})` : id;
}

/** The span of a key's value in a node, else the fallback. */
export function valueSpan(node: MapNode | undefined, key: string, fallback: Span): Span {
  const v = pairOf(node, key)?.value;
  return v ? spanOf(v) : fallback;
}

export function diagnostic(
  code: Code,
  span: Span,
  message: string,
  data?: Record<string, unknown>,
  severity?: Severity,
): RawDiagnostic {
  const d: RawDiagnostic = {
    code,
    severity: severity ?? CODE_SEVERITY[code],
    message,
    span: { start: span.start, end: span.end },
  };
  if (data) d.data = data;
  return d;
}

export function goalDueSpan(plan: Plan): Span {
  return valueSpan(plan.goal.node, 'due', spanOf(plan.goal.node));
}

function escalationText(plan: Plan, e: Escalation): string {
  if (!e.escalate) return '';
  return e.escalateTo !== undefined
    ? `; escalated to ${personText(plan, e.escalateTo)}${tierText(e)}`
    : '; flagged for escalation (no policy.escalate_to or goal.owner to escalate to)';
}

/** Information-level lateness becomes a warning once it calls for escalation. */
function lateSeverity(code: Code, e: Escalation): Severity {
  const base = CODE_SEVERITY[code];
  return e.escalate && base === 'information' ? 'warning' : base;
}

/** `extra` with the lateness added (in place: each caller passes a fresh object literal). */
function lateData(late: number, e: Escalation, extra: Record<string, unknown>): Record<string, unknown> {
  extra.daysLate = late;
  extra.escalate = e.escalate;
  if (e.escalateTo !== undefined) extra.escalateTo = e.escalateTo;
  if (e.tier !== undefined) {
    extra.tier = e.tier;
    extra.tiers = e.tiers;
  }
  return extra;
}

export function startTooLate(
  task: Task,
  latestStart: Day,
  notBefore: Day,
  byNotBefore: boolean,
  short: number,
): RawDiagnostic {
  const what = byNotBefore ? 'its not_before' : "the plan's start";
  const span = byNotBefore ? valueSpan(task.node, 'not_before', task.idSpan) : task.idSpan;
  return diagnostic(
    'start-too-late',
    span,
    `${task.id} must start by ${human(latestStart)} to meet its deadline but cannot start before ${human(notBefore)} (${what}): ${workdays(short)} short.`,
    {
      taskId: task.id,
      latestStart: formatDay(latestStart),
      cannotStartBefore: formatDay(notBefore),
      short,
      boundBy: byNotBefore ? 'not_before' : 'start',
    },
  );
}

export function goalInfeasible(plan: Plan, minSlack: number, critical: string[]): RawDiagnostic {
  const shown = critical.slice(0, 20).join(' → ');
  const more = critical.length > 20 ? ` → ... (${critical.length - 20} more)` : '';
  return diagnostic(
    'goal-infeasible',
    goalDueSpan(plan),
    `The goal cannot be met as planned: ${workdays(-minSlack)} short; critical path: ${shown}${more}.`,
    { short: -minSlack, minSlack, criticalPath: critical },
  );
}

export function taskOverdue(plan: Plan, task: Task, finish: Day, late: number): RawDiagnostic {
  const e = escalationFor(plan, late, task.priority);
  return diagnostic(
    'task-overdue',
    task.idSpan,
    `${task.id} is overdue: it had to finish by ${human(finish)} (${lateText(late)})${escalationText(plan, e)}.`,
    lateData(late, e, { taskId: task.id, latestFinish: formatDay(finish) }),
    lateSeverity('task-overdue', e),
  );
}

export function lateStart(plan: Plan, task: Task, start: Day, late: number): RawDiagnostic {
  const e = escalationFor(plan, late, task.priority);
  const state = task.status === 'blocked' ? 'is blocked and has not started' : 'has not started';
  return diagnostic(
    'late-start',
    task.idSpan,
    `${task.id} ${state}: it had to start by ${human(start)} (${lateText(late)})${escalationText(plan, e)}.`,
    lateData(late, e, { taskId: task.id, latestStart: formatDay(start) }),
    lateSeverity('late-start', e),
  );
}

export function followUpOverdue(plan: Plan, task: Task, f: FollowUp, late: number): RawDiagnostic {
  const e = escalationFor(plan, late, task.priority);
  return diagnostic(
    'follow-up-overdue',
    valueSpan(f.node, 'on', spanOf(f.node)),
    `The follow-up on ${task.id} with ${personText(plan, f.with)} was due ${human(f.on)} and is not done (${lateText(late)})${escalationText(plan, e)}.`,
    lateData(late, e, { taskId: task.id, index: f.index, on: formatDay(f.on), with: f.with }),
    lateSeverity('follow-up-overdue', e),
  );
}

export function checkInOverdue(plan: Plan, task: Task, on: Day, late: number): RawDiagnostic {
  const e = escalationFor(plan, late, task.priority);
  const every = plan.policy.checkInEvery?.text ?? '';
  const by = checkInWith(plan, task);
  return diagnostic(
    'check-in-overdue',
    task.idSpan,
    `A check-in on ${task.id} (every ${every}${by === undefined ? '' : `, by ${by}`}) was due ${human(on)} (${lateText(late)})${escalationText(plan, e)}.`,
    lateData(late, e, { taskId: task.id, on: formatDay(on), ...(by === undefined ? {} : { with: by }) }),
    lateSeverity('check-in-overdue', e),
  );
}

export function awaitingReview(
  plan: Plan,
  item: Task | Milestone,
  by: string,
  since: Day | undefined,
  late: number,
  priority: Priority,
): RawDiagnostic {
  const e = escalationFor(plan, late, priority);
  const what = item.kind === 'task' ? 'is done' : item.tasks.length ? 'has all its tasks done' : 'has come';
  const when = since === undefined ? '' : ` since ${human(since)} (${lateText(late)})`;
  const data: Record<string, unknown> = { itemId: item.id, kind: item.kind, reviewBy: by };
  if (since !== undefined) data.since = formatDay(since);
  return diagnostic(
    'awaiting-review',
    valueSpan(item.node, 'review_by', item.idSpan),
    `${item.id} ${what} and awaits review by ${personText(plan, by)}${when}${escalationText(plan, e)}. Once reviewed, set reviewed_on.`,
    lateData(late, e, data),
    lateSeverity('awaiting-review', e),
  );
}

export function noInterimControl(task: Task, state: 'overdue' | 'late-start', late: number): RawDiagnostic {
  const how = state === 'overdue' ? `overdue (${lateText(late)})` : `late to start (${lateText(late)})`;
  return diagnostic(
    'no-interim-control',
    task.idSpan,
    `${task.id} is ${task.priority} and ${how}, with no interim control: add interim to say what protects the system until it is done.`,
    { taskId: task.id, priority: task.priority, owner: task.owner },
  );
}

export function finishedLate(task: Task, doneOn: Day, latestFinish: Day, late: number): RawDiagnostic {
  return diagnostic(
    'finished-late',
    valueSpan(task.node, 'done_on', task.idSpan),
    `${task.id} was done on ${human(doneOn)}, ${workdays(late)} after its latest finish (${human(latestFinish)}).`,
    { taskId: task.id, doneOn: formatDay(doneOn), latestFinish: formatDay(latestFinish), daysLate: late },
  );
}

function calendarSpan(plan: Plan): Span {
  const cal = pairOf(plan.root, 'calendar');
  if (!cal) return goalDueSpan(plan);
  return valueSpan(cal.value.kind === 'map' ? cal.value : undefined, 'workdays', spanOf(cal.key));
}

export function noWorkdays(plan: Plan): RawDiagnostic {
  return diagnostic(
    'no-workdays',
    calendarSpan(plan),
    `The calendar leaves no workday between ${formatDay(MIN_DAY)} and ${formatDay(MAX_DAY)}: nothing can be scheduled.`,
  );
}

/** The backward pass left the range: a task (or checkpoint) would have to happen before 1970. */
export function outOfRangeBackward(
  plan: Plan,
  id: string,
  task: Task | undefined,
  bound: Day,
  span: Span,
): RawDiagnostic {
  const what = task ? `${task.id} (duration ${task.duration.text})` : id;
  const by = bound < MIN_DAY ? 'before ' + formatDay(MIN_DAY) : `on or before ${human(bound)}`;
  return diagnostic(
    'schedule-out-of-range',
    span,
    `The schedule cannot be computed: ${what} would have to happen ${by}, and plans must stay within ${formatDay(MIN_DAY)}..${formatDay(MAX_DAY)} (huge durations, or holidays covering the calendar?).`,
    { itemId: id, goalDue: formatDay(plan.goal.due) },
  );
}

/**
 * The forward pass left the range: working from today, a task would finish after 2199. A
 * warning: the workback dates are kept (and shown); only earliest dates and slack are left out.
 */
export function outOfRangeForward(task: Task, from: Day, span: Span): RawDiagnostic {
  const start =
    from >= MIN_DAY && from <= MAX_DAY
      ? `starting no earlier than ${human(from)}`
      : `starting from ${from < MIN_DAY ? 'before' : 'after'} the supported range`;
  return diagnostic(
    'earliest-out-of-range',
    span,
    `Earliest dates cannot be computed: ${task.id} (duration ${task.duration.text}), ${start}, would not finish by ${formatDay(MAX_DAY)}; earliest dates and slack are left out, the workback dates are kept.`,
    { itemId: task.id },
  );
}

export function dependencyCycle(names: string[], span: Span): RawDiagnostic {
  const shown = names.length > 20 ? [...names.slice(0, 20), `... (${names.length - 20} more)`] : names;
  const cycle = names.length ? [...shown, names[0]!].join(' → ') : '(unknown)';
  return diagnostic('dependency-cycle', span, `Dependencies form a cycle, so the plan cannot be scheduled: ${cycle}.`, {
    cycle: names,
  });
}

/** `Wed 14 – Tue 20 Oct 2026`, `Wed 30 Sep – Fri 2 Oct 2026`, or one day. */
export function daysText(from: Day, to: Day): string {
  if (from === to) return human(from);
  const [a, b] = [formatDay(from), formatDay(to)];
  const head = formatDayHuman(from).split(' ');
  if (a.slice(0, 7) === b.slice(0, 7)) return `${head[0]} ${head[1]} – ${human(to)}`;
  if (a.slice(0, 4) === b.slice(0, 4)) return `${formatDayHuman(from)} – ${human(to)}`;
  return `${human(from)} – ${human(to)}`;
}

/**
 * `owner-overbooked`: on the task's `owner`, naming its first overbooked days and the tasks on
 * them (in file order; `more` when the person had more tasks alongside than were kept).
 */
export function ownerOverbooked(
  plan: Plan,
  person: Person,
  task: Task,
  o: BookingOverlap,
  tasks: readonly Task[],
  more: boolean,
): RawDiagnostic {
  const names = tasks.map((t) => t.id);
  const count = more ? `${names.length} or more` : `${names.length}`;
  const rest = o.workdays - o.firstWorkdays;
  const also = rest > 0 ? ` It is overbooked on ${workdays(rest)} more, up to ${human(o.last)}.` : '';
  return diagnostic(
    'owner-overbooked',
    task.ownerSpan,
    `${personText(plan, person.id)} has ${count} tasks on ${daysText(o.from, o.to)}, capacity ${person.capacity}: ${names.join(', ')}${more ? ', ...' : ''}.${also}`,
    {
      person: person.id,
      capacity: person.capacity,
      from: formatDay(o.from),
      to: formatDay(o.to),
      workdays: o.workdays,
      tasks: names,
    },
  );
}
