/** `workback ics --me ID`: my deadlines across plans as an iCalendar file, for Outlook or Google Calendar. */
import { calendarEvents, toICalendar } from '../../core';
import { positiveInteger, todayOption, type ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { VERSION } from '../version';
import { EXIT_USAGE, HELP_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { ME_HELP, ME_OPTION, noteUnknownMe, requiredMe } from './me';
import { loadScheduledPlans } from './plans';

export const icsCommand: Command = {
  name: 'ics',
  summary: 'my deadlines across plans as an iCalendar file (Outlook, Google Calendar)',
  help: `Usage: workback ics [PATH|GLOB ...] --me ID_OR_EMAIL [options] > workback.ics

An iCalendar file of my deadlines across plans (default: every plan file under
the working directory), one all-day event a deadline: the day each of my open
tasks must start by and finish by, the due date of the goals I own, and the
follow-ups and check-ins I owe. Each event keeps its UID from one export to the
next, so importing the file again updates the events instead of adding others.

Options:
${ME_HELP}
  --today YYYY-MM-DD  the date lateness and check-ins are counted from
                      (default: today, local)
  --max-size BYTES    refuse larger files (default: ${DEFAULT_MAX_SIZE})
  -h, --help          show this help

Exit status: 0 written, 1 a plan has errors (printed on stderr; the others are
still in the file), 2 usage error or unreadable input.
`,
  options: [HELP_OPTION, TODAY_OPTION, MAX_SIZE_OPTION, ME_OPTION],
  run: runIcs,
};

async function runIcs(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'ics');
  const maxSize = positiveInteger(args, 'max-size', 'ics') ?? DEFAULT_MAX_SIZE;
  const me = requiredMe(args, io, 'ics');
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize });
  if (!loaded) return EXIT_USAGE;
  await noteUnknownMe(loaded.files, me, out);
  const events = calendarEvents(loaded.files, me, today);
  await out.out(
    toICalendar(events, {
      stamp: today,
      product: `-//Workback//Workback ${VERSION}//EN`,
      name: `Workback: ${me.join(', ')}`,
    }),
  );
  return loaded.exit;
}
