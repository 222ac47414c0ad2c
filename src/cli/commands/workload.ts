/** `workback workload`: each person's open tasks week by week across plans, with their overbooked days. */
import { daysText, formatDay, mondayOf, workload, type PersonWorkload, type WorkloadWeek } from '../../core';
import { dayOption, flag, list, positiveInteger, todayOption, UsageError, type ParsedArgs } from '../args';
import { escapeTerminal, safeJson } from '../escape';
import { dayCell, plural, renderTable } from '../format/table';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, JSON_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { loadScheduledPlans } from './plans';

export const workloadCommand: Command = {
  name: 'workload',
  summary: "each person's tasks per week across plans, and the days they are overbooked",
  help: `Usage: workback workload [PATH|GLOB ...] [options]

Each person's open tasks across plans (default: every plan file under the
working directory), week by week, from each task's latest start to its latest
finish, with the workdays on which they have more tasks than their capacity
(people.<id>.capacity, default 1; the smallest any plan gives). People are
the same across plans when both have the same email, else the same id.
Workback does not move tasks: it shows where to.

Options:
  --person ID_OR_EMAIL  only this person (repeatable or comma-separated)
  --from YYYY-MM-DD     the first day shown (default: the Monday of this week)
  --to YYYY-MM-DD       the last day shown (default: the last latest finish)
  --today YYYY-MM-DD    what "this week" is (default: today, local)
  --json                {"from", "to", "people": [...]}
  --max-size BYTES      refuse larger files (default: ${DEFAULT_MAX_SIZE})
  -h, --help            show this help

Exit status: 0 listed, 1 a plan has errors (printed on stderr; the others are
still listed), 2 usage error or unreadable input.
`,
  options: [
    HELP_OPTION,
    TODAY_OPTION,
    JSON_OPTION,
    MAX_SIZE_OPTION,
    { name: 'person', kind: 'value', repeatable: true },
    { name: 'from', kind: 'value' },
    { name: 'to', kind: 'value' },
  ],
  run: runWorkload,
};

async function runWorkload(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'workload');
  const maxSize = positiveInteger(args, 'max-size', 'workload') ?? DEFAULT_MAX_SIZE;
  const from = dayOption(args, 'from', 'workload') ?? mondayOf(today);
  const to = dayOption(args, 'to', 'workload');
  if (to !== undefined && to < from) {
    const start = args.options.has('from')
      ? `--from ${formatDay(from)}`
      : `this week's Monday, ${formatDay(from)} (give --from)`;
    throw new UsageError(`--to ${formatDay(to)} is before ${start}`, 'workload');
  }
  const people = list(args, 'person');
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize });
  if (!loaded) return EXIT_USAGE;
  const rows = workload(loaded.files, {
    from,
    ...(to !== undefined ? { to } : {}),
    ...(people.length ? { people } : {}),
  });
  if (flag(args, 'json')) {
    const window = { from: formatDay(from), to: to === undefined ? null : formatDay(to) };
    await out.out(`${safeJson({ ...window, people: rows.map(personJson) }, 2)}\n`);
  } else if (rows.length === 0) {
    await out.out(people.length ? `No open tasks for ${escapeTerminal(people.join(', '))}.\n` : 'No open tasks.\n');
  } else {
    await out.out(rows.map(personText).join('\n'));
  }
  return loaded.exit;
}

function personText(p: PersonWorkload): string {
  const who = escapeTerminal(p.email !== undefined ? `${p.name} <${p.email}>` : p.name);
  const over = p.overbookedWorkdays ? `, overbooked on ${plural(p.overbookedWorkdays, 'workday', 'workdays')}` : '';
  return `${who}: capacity ${p.capacity}${over}\n${p.weeks.map(weekText).join('')}`;
}

function weekText(w: WorkloadWeek): string {
  const over = w.overbooked.length ? `, overbooked ${w.overbooked.map((r) => daysText(r.from, r.to)).join(', ')}` : '';
  const head = `  Week of ${dayCell(w.monday)}: ${plural(w.tasks.length, 'task', 'tasks')}${over}\n`;
  const table = renderTable(
    [{ header: 'plan' }, { header: 'task' }, { header: 'start by' }, { header: 'finish by' }, { header: 'title' }],
    w.tasks.map((t) => [
      escapeTerminal(t.file),
      escapeTerminal(t.task.id),
      dayCell(t.from),
      dayCell(t.to),
      escapeTerminal(t.task.title),
    ]),
  );
  // the header row once per person would drift from its rows; each week is its own small table
  return (
    head +
    table
      .split('\n')
      .filter(Boolean)
      .map((l) => `    ${l}\n`)
      .join('')
  );
}

function personJson(p: PersonWorkload): unknown {
  return {
    name: p.name,
    email: p.email ?? null,
    ids: p.ids,
    capacity: p.capacity,
    overbookedWorkdays: p.overbookedWorkdays,
    weeks: p.weeks.map((w) => ({
      week: formatDay(w.monday),
      tasks: w.tasks.map((t) => ({
        file: t.file,
        id: t.task.id,
        title: t.task.title,
        from: formatDay(t.from),
        to: formatDay(t.to),
      })),
      overbooked: w.overbooked.map((r) => ({ from: formatDay(r.from), to: formatDay(r.to) })),
    })),
  };
}
