/** `workback tasks --me ID`: my open tasks across plans, most urgent first. */
import { actions, formatDay, tasksFor, type MyTask } from '../../core';
import { actionJson, actionSections } from '../format/actions';
import { flag, positiveInteger, todayOption, type ParsedArgs } from '../args';
import { escapeTerminal, safeJson } from '../escape';
import { stateText } from '../format/state';
import { dayCell, renderTable } from '../format/table';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, JSON_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { ME_HELP, ME_OPTION, noteUnknownMe, requiredMe } from './me';
import { loadScheduledPlans } from './plans';
import { PRIORITY_HELP, PRIORITY_OPTION, priorityOption } from './priority';

export const tasksCommand: Command = {
  name: 'tasks',
  summary: 'list my open tasks across plans, most urgent first',
  help: `Usage: workback tasks [PATH|GLOB ...] --me ID_OR_EMAIL [options]

The open tasks owned by me across plans (default: every plan file under the
working directory): overdue first, then late starts, then the rest; p1 before
p4 in each, then by the day they must start. Then, under their own headings,
what the plans ask of me beyond my tasks: items escalated to me, interim
controls I must put in place while a task is late, and work I must review.
Finished plans (goal.achieved_on) ask nothing.

Options:
${ME_HELP}
${PRIORITY_HELP}
  --today YYYY-MM-DD  the date lateness is counted from (default: today, local)
  --json              {"today", "me", "tasks": [...], "actions": [...]}
  --max-size BYTES    refuse larger files (default: ${DEFAULT_MAX_SIZE})
  -h, --help          show this help

Exit status: 0 listed, 1 a plan has errors (printed on stderr; the others are
still listed), 2 usage error or unreadable input.
`,
  options: [HELP_OPTION, TODAY_OPTION, JSON_OPTION, MAX_SIZE_OPTION, ME_OPTION, PRIORITY_OPTION],
  run: runTasks,
};

async function runTasks(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'tasks');
  const maxSize = positiveInteger(args, 'max-size', 'tasks') ?? DEFAULT_MAX_SIZE;
  const me = requiredMe(args, io, 'tasks');
  const priorities = priorityOption(args, 'tasks');
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize });
  if (!loaded) return EXIT_USAGE;
  await noteUnknownMe(loaded.files, me, out);
  const tasks = tasksFor(loaded.files, me, today, priorities);
  const asked = actions(loaded.files, today, priorities ? { me, priorities } : { me });
  if (flag(args, 'json')) {
    const json = { today: formatDay(today), me, tasks: tasks.map(taskJson), actions: asked.map(actionJson) };
    await out.out(`${safeJson(json, 2)}\n`);
    return loaded.exit;
  }
  await out.out(tasks.length === 0 ? `No open tasks for ${escapeTerminal(me.join(', '))}.\n` : tasksTable(tasks));
  const sections = actionSections(asked);
  if (sections) await out.out(`\n${sections}`);
  return loaded.exit;
}

function tasksTable(tasks: readonly MyTask[]): string {
  const rows = tasks.map((t) =>
    [
      stateText(t, t.task.status),
      t.task.priority,
      dayCell(t.item.start),
      dayCell(t.item.finish),
      t.item.slack === undefined ? '-' : String(t.item.slack),
      t.file,
      t.task.id,
      t.task.title,
    ].map(escapeTerminal),
  );
  return renderTable(
    [
      { header: 'status' },
      { header: 'prio' },
      { header: 'start by' },
      { header: 'finish by' },
      { header: 'slack', right: true },
      { header: 'plan' },
      { header: 'task' },
      { header: 'title' },
    ],
    rows,
  );
}

function taskJson(t: MyTask): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: t.file,
    plan: t.planTitle,
    id: t.task.id,
    title: t.task.title,
    milestone: t.task.milestone,
    owner: t.task.owner,
    status: t.task.status,
    priority: t.task.priority,
    state: t.state,
    start: formatDay(t.item.start),
    finish: formatDay(t.item.finish),
  };
  if (t.item.earliestStart !== undefined) out['earliestStart'] = formatDay(t.item.earliestStart);
  if (t.item.earliestFinish !== undefined) out['earliestFinish'] = formatDay(t.item.earliestFinish);
  if (t.item.slack !== undefined) out['slack'] = t.item.slack;
  out['critical'] = t.item.critical;
  out['daysLate'] = t.daysLate;
  out['escalate'] = t.escalate;
  if (t.escalateTo !== undefined) out['escalateTo'] = t.escalateTo;
  if (t.tier !== undefined) {
    out['tier'] = t.tier;
    out['tiers'] = t.tiers;
  }
  return out;
}
