/**
 * Start-by lenses: above each task "start by Wed 5 Aug · slack 25 workdays · critical" (or
 * "done"), and above the goal whether it is feasible. Text only; the extension places them.
 */
import { formatDayHuman, type Day } from '../day';
import type { Span } from '../diagnostic';
import type { Plan } from '../model';
import { taskState } from '../query/planFile';
import { lateWords, slackState, slackWords } from '../schedule/slack';
import type { Schedule } from '../schedule/types';
import { lineShape, Lines, unquote } from './yamlLines';

export interface LensInfo {
  kind: 'task' | 'goal';
  /** Where the lens sits: the task's id, or the `goal` key. */
  span: Span;
  title: string;
  /** The task's id (task lenses). */
  id?: string;
}

const workdays = (n: number): string => `${n} workday${n === 1 || n === -1 ? '' : 's'}`;

/** The goal's line: finished, feasible with the minimum slack, or how many workdays short. */
export function goalLensTitle(schedule: Schedule | undefined, errors: number, achievedOn?: Day): string {
  if (!schedule)
    return errors > 0
      ? `schedule not computed: ${errors} error${errors === 1 ? '' : 's'} to fix`
      : 'schedule not computed';
  if (schedule.items.length === 0) return 'schedule not computed';
  if (achievedOn !== undefined) return `finished: goal met on ${formatDayHuman(achievedOn, true)}`;
  const state = slackState(schedule);
  if (state.kind === 'all-done') return 'every task done';
  if (state.kind === 'out-of-range') return 'slack not computed: earliest dates past 2199';
  const slack = state.workdays;
  return slack >= 0 ? `goal feasible · minimum slack ${workdays(slack)}` : `goal ${workdays(-slack)} short`;
}

export function planLenses(plan: Plan, schedule: Schedule | undefined, errors: number): LensInfo[] {
  const out: LensInfo[] = [];
  if (plan.goal.keySpan)
    out.push({ kind: 'goal', span: plan.goal.keySpan, title: goalLensTitle(schedule, errors, plan.goal.achievedOn) });
  if (!schedule || schedule.items.length === 0) return out;
  for (const t of plan.tasks) {
    const item = schedule.byId.get(t.id);
    if (!item || item.task !== t) continue;
    let title: string;
    if (t.status === 'done') title = 'done';
    else {
      const parts = [`start by ${formatDayHuman(item.start)}`];
      if (item.slack !== undefined) parts.push(slackWords(item.slack));
      else parts.push(`finish by ${formatDayHuman(item.finish)}`);
      if (item.critical) parts.push('critical');
      const state = taskState({ file: '', plan, schedule }, t, schedule.today);
      if (state?.state === 'overdue' || state?.state === 'late-start')
        parts.push(lateWords(state.state, state.daysLate));
      title = parts.join(' · ');
    }
    out.push({ kind: 'task', span: t.idSpan, title, id: t.id });
  }
  return out;
}

/**
 * The lenses of an earlier version moved onto the current text, by id: while an edit leaves
 * the plan with errors (or not parsing), each task keeps its last start-by line instead of
 * every lens vanishing and the text jumping under the cursor. The goal's lens says why.
 */
export function reanchorLenses(text: string, previous: readonly LensInfo[], goalTitle: string): LensInfo[] {
  const lines = new Lines(text);
  const byId = new Map<string, LensInfo>();
  for (const l of previous) if (l.kind === 'task' && l.id !== undefined && !byId.has(l.id)) byId.set(l.id, l);
  const out: LensInfo[] = [];
  const placed = new Set<string>();
  for (let n = 0; n < lines.count; n++) {
    const ind = lines.indent(n);
    if (ind < 0) continue;
    const line = lines.line(n);
    const goal = ind === 0 && out.length === 0 ? lineShape(line).entries[0] : undefined;
    if (goal?.kind === 'key' && goal.key === 'goal') {
      // the key as the parse tree spans it (quotes included), where planLenses puts the lens
      out.push({
        kind: 'goal',
        span: { start: lines.start(n) + goal.col, end: lines.start(n) + goal.keyEnd },
        title: goalTitle,
      });
      continue;
    }
    if (!line.includes('id')) continue;
    for (const e of lineShape(line).entries) {
      if (e.kind !== 'key' || e.key !== 'id' || !e.value) continue;
      const id = unquote(e.value);
      const lens = byId.get(id);
      if (!lens || placed.has(id)) continue;
      placed.add(id);
      out.push({
        kind: 'task',
        id,
        title: lens.title,
        span: { start: lines.start(n) + e.valueCol, end: lines.start(n) + e.valueCol + e.value.length },
      });
    }
  }
  return out;
}
