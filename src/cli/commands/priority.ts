/** `--priority p1,p2`: only items of these priorities (docs/format.md "Priority"). */
import { PRIORITIES, type Priority } from '../../core';
import { list, UsageError, type OptionSpec, type ParsedArgs } from '../args';

export const PRIORITY_OPTION: OptionSpec = { name: 'priority', kind: 'value', repeatable: true };

export const PRIORITY_HELP = `  --priority P1,P2    only items of these priorities (p1 to p4; a task
                      without one has its milestone's, else p3)`;

/** The priorities asked for, or undefined for all; a value that is not p1..p4 is a usage error. */
export function priorityOption(args: ParsedArgs, command: string): ReadonlySet<Priority> | undefined {
  const given = list(args, 'priority');
  if (given.length === 0) return undefined;
  const out = new Set<Priority>();
  for (const p of given) {
    const v = p.trim().toLowerCase();
    if (!PRIORITIES.includes(v as Priority))
      throw new UsageError(`--priority takes p1, p2, p3 or p4 (comma-separated), not '${p}'`, command);
    out.add(v as Priority);
  }
  return out;
}
