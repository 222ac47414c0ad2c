/** `workback escalations`: late items that reached someone on their escalation ladder. */
import { actions, formatDay, type EscalatedItem } from '../../core';
import { flag, positiveInteger, todayOption, type ParsedArgs } from '../args';
import { escapeTerminal, safeJson } from '../escape';
import { actionJson, escalationsTable } from '../format/actions';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, JSON_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { ME_OPTION, meOption, noteUnknownMe } from './me';
import { loadScheduledPlans } from './plans';
import { PRIORITY_HELP, PRIORITY_OPTION, priorityOption } from './priority';

export const escalationsCommand: Command = {
  name: 'escalations',
  summary: "list late items escalated by the plans' ladders, and to whom",
  help: `Usage: workback escalations [PATH|GLOB ...] [options]

Late items across plans (default: every plan file under the working directory)
that are escalated: tasks overdue or late to start, follow-ups and check-ins
overdue, work waiting for review, late by more than a tier of their ladder
(policy.escalation, or escalate_after). Each row gives the person it reached,
the tier, how late, the priority, the owner, the plan and the item; the
highest tier first. Finished plans (goal.achieved_on) have none.

Options:
  --me ID_OR_EMAIL    only those escalated to me (repeatable or comma-separated;
                      default: WORKBACK_ME if set)
${PRIORITY_HELP}
  --today YYYY-MM-DD  the date lateness is counted from (default: today, local)
  --json              {"today", "escalations": [...]}
  --max-size BYTES    refuse larger files (default: ${DEFAULT_MAX_SIZE})
  -h, --help          show this help

Exit status: 0 listed, 1 a plan has errors (printed on stderr; the others are
still listed), 2 usage error or unreadable input.
`,
  options: [HELP_OPTION, TODAY_OPTION, JSON_OPTION, MAX_SIZE_OPTION, ME_OPTION, PRIORITY_OPTION],
  run: runEscalations,
};

async function runEscalations(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'escalations');
  const maxSize = positiveInteger(args, 'max-size', 'escalations') ?? DEFAULT_MAX_SIZE;
  const priorities = priorityOption(args, 'escalations');
  const me = meOption(args, io);
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize });
  if (!loaded) return EXIT_USAGE;
  if (me.length) await noteUnknownMe(loaded.files, me, out);
  const options = { ...(me.length ? { me } : {}), ...(priorities ? { priorities } : {}) };
  const items = actions(loaded.files, today, options).filter((a): a is EscalatedItem => a.kind === 'escalated');
  if (flag(args, 'json')) {
    await out.out(`${safeJson({ today: formatDay(today), escalations: items.map(actionJson) }, 2)}\n`);
  } else if (items.length === 0) {
    await out.out(
      me.length ? `Nothing is escalated to ${escapeTerminal(me.join(', '))}.\n` : 'Nothing is escalated.\n',
    );
  } else {
    await out.out(escalationsTable(items));
  }
  return loaded.exit;
}
