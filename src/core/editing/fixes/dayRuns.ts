/**
 * A refactoring offered where the cursor is, with no diagnostic behind it: a run of single days
 * listed one by one in `calendar.holidays` or a person's `away` (24, 25, 28, 29, 30, 31 December:
 * days off in between do not break it) becomes one range `{ from, to }`. Checked like a quick
 * fix: an edit that would lose a comment or break the YAML is not offered.
 */
import { formatDay, parseDay, weekday, type Day } from '../../day';
import { editBase, editProblem } from '../../edit/verify';
import type { Weekday } from '../../day';
import type { ScalarNode, SeqNode, SourceNode } from '../../sourceTree';
import type { FixInput, QuickFix } from './types';

/** Fewer listed days than this are left as they are (two lines read as well as one range). */
export const MIN_RUN = 3;

const MON_FRI: readonly Weekday[] = [0, 1, 2, 3, 4];

export function dayRunRefactors(input: FixInput, offset: number): QuickFix[] {
  const tree = input.tree;
  if (tree?.kind !== 'map') return [];
  const workdays = input.plan?.calendar.workdays ?? MON_FRI;
  for (const list of dayLists(tree)) {
    if (offset < list.start || offset > list.end) continue;
    const i = list.items.findIndex((it) => it.start <= offset && offset <= it.end);
    const run = i < 0 ? undefined : runAround(list, i, workdays);
    if (!run) return [];
    const edit = replaceRun(input.text, list, run);
    if (!edit) return [];
    const fix: QuickFix = {
      title: `Write ${run.last - run.first + 1} days as one range: ${formatDay(run.from)} to ${formatDay(run.to)}`,
      edits: [edit],
    };
    return editProblem(editBase(input.text), fix.edits) === undefined ? [fix] : [];
  }
  return [];
}

/** `calendar.holidays` and every person's `away`, where they are lists. */
function dayLists(root: SourceNode): SeqNode[] {
  const out: SeqNode[] = [];
  const at = (n: SourceNode | undefined, key: string): SourceNode | undefined =>
    n?.kind === 'map' ? n.byKey.get(key)?.value : undefined;
  const holidays = at(at(root, 'calendar'), 'holidays');
  if (holidays?.kind === 'seq') out.push(holidays);
  const people = at(root, 'people');
  if (people?.kind === 'map')
    for (const p of people.pairs) {
      const away = at(p.value, 'away');
      if (away?.kind === 'seq') out.push(away);
    }
  return out;
}

interface Run {
  first: number;
  last: number;
  from: Day;
  to: Day;
}

/** The longest run of single days around item `i`, in order, with only days off between them. */
function runAround(list: SeqNode, i: number, workdays: readonly Weekday[]): Run | undefined {
  const dayAt = (k: number): Day | undefined => {
    const n = list.items[k];
    if (n?.kind !== 'scalar' || n.style !== 'plain') return undefined;
    const d = parseDay(n.text);
    return typeof d === 'number' ? d : undefined;
  };
  const follows = (a: Day, b: Day): boolean => {
    if (b <= a || b - a > 7) return false;
    for (let d = a + 1; d < b; d++) if (workdays.includes(weekday(d))) return false;
    return true;
  };
  const here = dayAt(i);
  if (here === undefined) return undefined;
  let first = i;
  let last = i;
  for (let d = dayAt(first - 1); d !== undefined && follows(d, dayAt(first)!); d = dayAt(first - 1)) first--;
  for (let d = dayAt(last + 1); d !== undefined && follows(dayAt(last)!, d); d = dayAt(last + 1)) last++;
  if (last - first + 1 < MIN_RUN) return undefined;
  return { first, last, from: dayAt(first)!, to: dayAt(last)! };
}

/**
 * The run's entries replaced by one range, in the list's style; none when anything but the days,
 * dashes, commas and spaces lies between them (a comment, an anchor, a tag: not to be lost).
 */
function replaceRun(text: string, list: SeqNode, run: Run): QuickFix['edits'][number] | undefined {
  const a = list.items[run.first] as ScalarNode;
  const b = list.items[run.last] as ScalarNode;
  for (let k = run.first; k < run.last; k++) {
    const between = text.slice(list.items[k]!.end, list.items[k + 1]!.start);
    if (!/^[\s,-]*$/.test(between)) return undefined;
  }
  return { start: a.start, end: b.end, text: `{ from: ${formatDay(run.from)}, to: ${formatDay(run.to)} }` };
}
