/** `workback gantt FILE`: the timeline as Mermaid Gantt text (what the editor's panel draws). */
import { toMermaidGantt, type GanttOptions } from '../../core';
import { dayOption, flag, list, positiveInteger, todayOption, UsageError, value, type ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { loadScheduledPlans } from './plans';
import { PRIORITY_OPTION, priorityOption } from './priority';

export const ganttCommand: Command = {
  name: 'gantt',
  summary: 'print the timeline of one plan as Mermaid Gantt text',
  help: `Usage: workback gantt FILE [--today YYYY-MM-DD] [filters]

The workback schedule of one plan as a Mermaid Gantt chart: each task from the
latest day it may start to the latest day it may finish, a section per
milestone, checkpoints and the goal as milestones, markers for today and the
goal's due. Paste it into any Mermaid renderer (a Markdown file on a forge,
the Mermaid live editor). Plan text is escaped: titles are shown as written
and can never change the chart.

Options:
  --today YYYY-MM-DD   the date of the today marker and of the critical path
                       (default: today, local)
  --milestone ID       only this milestone's section
  --owner ID           only tasks owned by this person (repeatable)
  --priority P1,P2     only tasks of these priorities (p1 to p4)
  --critical           only the critical path
  --from YYYY-MM-DD    only what overlaps this window; the today and goal-due
  --to YYYY-MM-DD      markers only when they fall inside it (a marker far away
                       would stretch the time axis and squeeze every bar)
  --compact            several tasks per row
  --max-size BYTES     refuse a larger file (default: ${DEFAULT_MAX_SIZE})
  -h, --help           show this help

Exit status: 0 printed, 1 the plan has errors (printed on stderr), 2 usage
error or unreadable file.
`,
  options: [
    HELP_OPTION,
    TODAY_OPTION,
    MAX_SIZE_OPTION,
    { name: 'milestone', kind: 'value' },
    { name: 'owner', kind: 'value', repeatable: true },
    PRIORITY_OPTION,
    { name: 'critical', kind: 'flag' },
    { name: 'from', kind: 'value' },
    { name: 'to', kind: 'value' },
    { name: 'compact', kind: 'flag' },
  ],
  run: runGantt,
};

async function runGantt(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'gantt');
  const maxSize = positiveInteger(args, 'max-size', 'gantt') ?? DEFAULT_MAX_SIZE;
  if (args.positionals.length !== 1)
    throw new UsageError(args.positionals.length === 0 ? 'missing FILE' : 'gantt takes one FILE', 'gantt');
  const options: GanttOptions = {
    from: dayOption(args, 'from', 'gantt'),
    to: dayOption(args, 'to', 'gantt'),
    milestone: value(args, 'milestone'),
    criticalOnly: flag(args, 'critical'),
    compact: flag(args, 'compact'),
  };
  if (options.from !== undefined || options.to !== undefined) options.markers = 'inView';
  const owners = list(args, 'owner');
  if (owners.length) options.owners = owners;
  const priorities = priorityOption(args, 'gantt');
  if (priorities) options.priorities = [...priorities];
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize, exactlyOne: 'gantt' });
  if (!loaded) return EXIT_USAGE;
  const planFile = loaded.files[0];
  if (!planFile) return loaded.exit;
  if (options.milestone !== undefined && !planFile.plan.milestones.some((m) => m.id === options.milestone)) {
    throw new UsageError(`no milestone '${options.milestone}' in this plan`, 'gantt');
  }
  await out.out(toMermaidGantt(planFile.plan, planFile.schedule, options).text);
  return loaded.exit;
}
