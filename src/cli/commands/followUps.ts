/** `workback follow-ups`: follow-ups and check-ins due, overdue first. */
import { escalatedWords, formatDay, followUps, lateWords, type FollowUpEntry } from '../../core';
import { flag, positiveInteger, todayOption, type ParsedArgs } from '../args';
import { escapeTerminal, safeJson } from '../escape';
import { dayCell, renderTable } from '../format/table';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, JSON_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { ME_OPTION, meOption, noteUnknownMe } from './me';
import { loadScheduledPlans } from './plans';

export const followUpsCommand: Command = {
  name: 'follow-ups',
  summary: 'list follow-ups and check-ins still to do, overdue first',
  help: `Usage: workback follow-ups [PATH|GLOB ...] [options]

Follow-ups still to do across plans (default: every plan file under the
working directory), with the check-ins due under policy.check_in_every:
overdue first (most workdays late first, with escalation), then by day.

Options:
  --overdue           only the overdue ones
  --me ID_OR_EMAIL    only those I owe: on tasks I own or where I am 'with'
                      (repeatable or comma-separated; default: WORKBACK_ME if set)
  --today YYYY-MM-DD  the date lateness is counted from (default: today, local)
  --json              {"today", "followUps": [...]}
  --max-size BYTES    refuse larger files (default: ${DEFAULT_MAX_SIZE})
  -h, --help          show this help

Exit status: 0 listed, 1 a plan has errors (printed on stderr; the others are
still listed), 2 usage error or unreadable input.
`,
  options: [HELP_OPTION, TODAY_OPTION, JSON_OPTION, MAX_SIZE_OPTION, ME_OPTION, { name: 'overdue', kind: 'flag' }],
  run: runFollowUps,
};

async function runFollowUps(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'follow-ups');
  const maxSize = positiveInteger(args, 'max-size', 'follow-ups') ?? DEFAULT_MAX_SIZE;
  const me = meOption(args, io);
  const overdueOnly = flag(args, 'overdue');
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize });
  if (!loaded) return EXIT_USAGE;
  if (me.length > 0) await noteUnknownMe(loaded.files, me, out);
  const entries = followUps(loaded.files, today, me.length > 0 ? { me, overdueOnly } : { overdueOnly });
  if (flag(args, 'json')) {
    await out.out(`${safeJson({ today: formatDay(today), followUps: entries.map(entryJson) }, 2)}\n`);
  } else if (entries.length === 0) {
    await out.out(overdueOnly ? 'No overdue follow-ups.\n' : 'No follow-ups to do.\n');
  } else {
    await out.out(followUpsTable(entries));
  }
  return loaded.exit;
}

function whenText(e: FollowUpEntry): string {
  let text = e.overdue ? lateWords('overdue', e.daysLate) : 'upcoming';
  if (e.escalate) text += `, ${escalatedWords(e.escalateTo, e)}`;
  return text;
}

function followUpsTable(entries: readonly FollowUpEntry[]): string {
  const rows = entries.map((e) =>
    [whenText(e), dayCell(e.on), e.kind, e.with, e.file, e.task.id, e.about ?? e.task.title].map(escapeTerminal),
  );
  return renderTable(
    [
      { header: 'status' },
      { header: 'on' },
      { header: 'kind' },
      { header: 'with' },
      { header: 'plan' },
      { header: 'task' },
      { header: 'about' },
    ],
    rows,
  );
}

function entryJson(e: FollowUpEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: e.file,
    plan: e.planTitle,
    task: e.task.id,
    taskTitle: e.task.title,
    owner: e.task.owner,
    kind: e.kind,
    on: formatDay(e.on),
    with: e.with,
  };
  if (e.about !== undefined) out['about'] = e.about;
  out['done'] = e.done;
  out['overdue'] = e.overdue;
  out['daysLate'] = e.daysLate;
  out['escalate'] = e.escalate;
  if (e.escalateTo !== undefined) out['escalateTo'] = e.escalateTo;
  return out;
}
