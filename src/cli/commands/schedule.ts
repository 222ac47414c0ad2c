/** `workback schedule FILE`: the workback schedule as a table, or its JSON (docs/cli.md). */
import {
  criticalPath,
  formatDay,
  slackState,
  taskState,
  toScheduleJson,
  type PlanFile,
  type ScheduledItem,
} from '../../core';
import { flag, positiveInteger, todayOption, UsageError, type ParsedArgs } from '../args';
import { escapeTerminal, safeJson } from '../escape';
import { stateText } from '../format/state';
import { dayCell, plural, renderTable } from '../format/table';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, JSON_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { loadScheduledPlans } from './plans';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'show the workback schedule of one plan (latest and earliest dates, slack)',
  help: `Usage: workback schedule FILE [--today YYYY-MM-DD] [--json]

The workback schedule of one plan: for every task the latest day it may start
and finish and still land the goal (start by, finish by), and from today the
earliest start, the slack in workdays, whether it is on the critical path and
its status. Checkpoints (milestones without tasks) are listed on their day.

Options:
  --today YYYY-MM-DD  the date the forward pass starts from (default: today, local)
  --json              print the machine-readable schedule (docs/cli.md):
                      {"today", "minSlack", "items": [...]}
  --max-size BYTES    refuse a larger file (default: ${DEFAULT_MAX_SIZE})
  -h, --help          show this help

Exit status: 0 printed, 1 the plan has errors (printed on stderr), 2 usage
error or unreadable file.
`,
  options: [HELP_OPTION, TODAY_OPTION, JSON_OPTION, MAX_SIZE_OPTION],
  run: runSchedule,
};

async function runSchedule(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'schedule');
  const maxSize = positiveInteger(args, 'max-size', 'schedule') ?? DEFAULT_MAX_SIZE;
  if (args.positionals.length !== 1)
    throw new UsageError(args.positionals.length === 0 ? 'missing FILE' : 'schedule takes one FILE', 'schedule');
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize, exactlyOne: 'schedule' });
  if (!loaded) return EXIT_USAGE;
  const planFile = loaded.files[0];
  if (!planFile) return loaded.exit;
  if (flag(args, 'json')) await out.out(`${safeJson(toScheduleJson(planFile.schedule), 2)}\n`);
  else await out.out(scheduleTable(planFile));
  return loaded.exit;
}

function statusCell(planFile: PlanFile, item: ScheduledItem): string {
  if (!item.task) return 'checkpoint';
  const state = taskState(planFile, item.task, planFile.schedule.today);
  return state ? stateText(state, item.task.status) : item.task.status;
}

export function scheduleTable(planFile: PlanFile): string {
  const { plan, schedule } = planFile;
  const rows = schedule.items.map((item) =>
    [
      item.id,
      item.task?.owner ?? '-',
      dayCell(item.start),
      dayCell(item.finish),
      dayCell(item.earliestStart),
      item.slack === undefined ? '-' : String(item.slack),
      item.critical ? 'yes' : '',
      statusCell(planFile, item),
    ].map(escapeTerminal),
  );
  const table = renderTable(
    [
      { header: 'id' },
      { header: 'owner' },
      { header: 'start by' },
      { header: 'finish by' },
      { header: 'earliest' },
      { header: 'slack', right: true },
      { header: 'critical' },
      { header: 'status' },
    ],
    rows,
  );
  const head = `${escapeTerminal(plan.title)}: goal due ${dayCell(plan.goal.due)}, today ${formatDay(schedule.today)}\n\n`;
  return head + table + '\n' + slackLine(planFile) + '\n';
}

function slackLine({ schedule }: PlanFile): string {
  const state = slackState(schedule);
  if (state.kind === 'all-done') return 'Every task is done.';
  if (state.kind === 'out-of-range')
    return 'Slack and the critical path are left out: the earliest dates would end after 2199 (see the warning).';
  const path = criticalPath(schedule).map(escapeTerminal).join(' -> ');
  if (state.workdays < 0) {
    return `The goal cannot be met as planned: ${plural(-state.workdays, 'workday', 'workdays')} short. Critical path: ${path}`;
  }
  return `Minimum slack ${plural(state.workdays, 'workday', 'workdays')}. Critical path: ${path}`;
}
