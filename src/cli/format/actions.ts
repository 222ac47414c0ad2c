/**
 * What the method asks of a person, as tables and JSON (`workback tasks --me`, `workback
 * escalations`): items escalated, interim controls to put in place, work to review. Cells are
 * escaped here (escapeTerminal): plan text never reaches the terminal raw.
 */
import {
  actionLateWords,
  escalatedWords,
  formatDay,
  type ActionItem,
  type EscalatedItem,
  type InterimItem,
  type ReviewItem,
} from '../../core';
import { escapeTerminal } from '../escape';
import { renderTable } from './table';

const WHAT: Record<EscalatedItem['what'], string> = {
  'task-overdue': 'overdue',
  'late-start': 'late start',
  'follow-up-overdue': 'follow-up',
  'check-in-overdue': 'check-in',
  'awaiting-review': 'review',
};

const lateText = actionLateWords;

export function escalationsTable(items: readonly EscalatedItem[]): string {
  const rows = items.map((e) =>
    [
      e.to ?? '-',
      e.tiers > 1 ? `${e.tier} of ${e.tiers}` : String(e.tier),
      lateText(e),
      e.priority,
      WHAT[e.what],
      e.owner || '-',
      e.file,
      e.item.id,
      e.item.title,
    ].map(escapeTerminal),
  );
  return renderTable(
    [
      { header: 'to' },
      { header: 'tier' },
      { header: 'late' },
      { header: 'prio' },
      { header: 'what' },
      { header: 'owner' },
      { header: 'plan' },
      { header: 'item' },
      { header: 'title' },
    ],
    rows,
  );
}

function interimTable(items: readonly InterimItem[]): string {
  const rows = items.map((i) =>
    [lateText(i), i.priority, i.file, i.item.id, `Put in place: ${i.control} (for ${i.item.title})`].map(
      escapeTerminal,
    ),
  );
  return renderTable(
    [{ header: 'late' }, { header: 'prio' }, { header: 'plan' }, { header: 'task' }, { header: 'interim control' }],
    rows,
  );
}

function reviewTable(items: readonly ReviewItem[]): string {
  const rows = items.map((r) =>
    [
      r.since === undefined ? '-' : formatDay(r.since),
      r.daysLate ? lateText(r) : 'today',
      r.priority,
      r.file,
      r.item.id,
      r.item.title,
    ].map(escapeTerminal),
  );
  return renderTable(
    [
      { header: 'done' },
      { header: 'waiting' },
      { header: 'prio' },
      { header: 'plan' },
      { header: 'item' },
      { header: 'title' },
    ],
    rows,
  );
}

/** The sections a person has beyond their own tasks, each under its heading; '' when none. */
export function actionSections(items: readonly ActionItem[]): string {
  const escalated = items.filter((a): a is EscalatedItem => a.kind === 'escalated');
  const interim = items.filter((a): a is InterimItem => a.kind === 'interim');
  const review = items.filter((a): a is ReviewItem => a.kind === 'review');
  const parts: string[] = [];
  if (escalated.length) parts.push(`Escalated to you:\n${escalationsTable(escalated)}`);
  if (interim.length) parts.push(`Interim controls to put in place:\n${interimTable(interim)}`);
  if (review.length) parts.push(`To review:\n${reviewTable(review)}`);
  return parts.join('\n');
}

export function actionJson(a: ActionItem): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: a.kind,
    file: a.file,
    plan: a.planTitle,
    item: a.item.id,
    itemKind: a.item.kind,
    title: a.item.title,
    priority: a.priority,
    daysLate: a.daysLate,
  };
  if (a.kind === 'escalated') {
    out['what'] = a.what;
    out['owner'] = a.owner;
    if (a.to !== undefined) out['to'] = a.to;
    out['tier'] = a.tier;
    out['tiers'] = a.tiers;
    out['words'] = escalatedWords(a.to, a);
    if (a.with !== undefined) out['with'] = a.with;
  } else if (a.kind === 'interim') {
    out['control'] = a.control;
    out['owner'] = a.owner;
    out['state'] = a.state;
  } else {
    out['reviewer'] = a.reviewer;
    if (a.since !== undefined) out['since'] = formatDay(a.since);
  }
  return out;
}
