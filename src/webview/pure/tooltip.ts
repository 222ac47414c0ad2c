/** What a bar's tooltip says, as plain text (the page sets it as textContent), and what a click does. */
import type { BarInfo } from '../../shared/protocol';
import { plural } from '../../shared/wording';

function statusText(b: BarInfo): string {
  const parts: string[] = [];
  if (b.kind === 'task') parts.push(b.status);
  else parts.push(b.kind === 'goal' ? 'goal' : 'checkpoint');
  if (b.critical) parts.push('critical path');
  if (b.late) parts.push(b.late);
  return parts.join(' · ');
}

/** The tooltip's lines: [label, value] pairs, shown as text. */
export function tooltipLines(b: BarInfo): [string, string][] {
  const lines: [string, string][] = [];
  if (b.milestone) lines.push(['Milestone', b.milestone]);
  if (b.owner) lines.push(['Owner', b.owner]);
  if (b.kind === 'task') {
    if (b.doneOn) lines.push(['Done on', b.doneOn]);
    lines.push(['Start by', b.startBy], ['Finish by', b.finishBy]);
    if (b.earliestStart && b.earliestFinish) lines.push(['Earliest', `${b.earliestStart} – ${b.earliestFinish}`]);
    if (b.slack !== undefined)
      lines.push(b.slack < 0 ? ['Behind', plural(-b.slack, 'workday')] : ['Slack', plural(b.slack, 'workday')]);
    for (const off of b.daysOff ?? []) lines.push(['No work', off.label]);
  } else {
    lines.push([b.kind === 'goal' ? 'Due' : 'Day', b.finishBy]);
  }
  lines.push(['Status', statusText(b)]);
  return lines;
}

/** The line under the tooltip's table ('' for the goal, which has nothing to show in the editor). */
export function tooltipHint(b: BarInfo): string {
  return b.kind === 'goal' ? '' : 'Click to show it in the editor';
}

/** A click (or Enter, Space) on the row shows its task or checkpoint in the editor. */
export function revealable(b: BarInfo | undefined): b is BarInfo {
  return !!b && b.kind !== 'goal' && !!b.itemId;
}
