/**
 * The `workback` CLI: `run(argv, io)` parses the command line, runs one command and returns
 * the exit code. All I/O goes through `io` (see io.ts), so tests drive it in memory.
 */
import { describeFailure } from '../core';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { checkCommand } from './commands/check';
import { EXIT_USAGE, HELP_OPTION, type Command, type RunContext } from './commands/command';
import { followUpsCommand } from './commands/followUps';
import { ganttCommand } from './commands/gantt';
import { icsCommand } from './commands/ics';
import { scheduleCommand } from './commands/schedule';
import { tasksCommand } from './commands/tasks';
import { escalationsCommand } from './commands/escalations';
import { reportCommand } from './commands/report';
import { workloadCommand } from './commands/workload';
import { escapeTerminal } from './escape';
import type { CliIO } from './io';
import { Output } from './output';
import { VERSION } from './version';

export type { CliIO } from './io';

/**
 * Every subcommand, in help order.
 */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  scheduleCommand,
  tasksCommand,
  escalationsCommand,
  followUpsCommand,
  reportCommand,
  workloadCommand,
  ganttCommand,
  icsCommand,
];

const TOP_OPTIONS: readonly OptionSpec[] = [HELP_OPTION, { name: 'version', kind: 'flag', short: 'v' }];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: workback <command> [options]

Plans as code: check, schedule and query *.workback.yaml workback plans.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help (workback <command> --help for a command's)
  -v, --version  print the version

Exit status: 0 success, 1 problems found, 2 usage error or unreadable input.
`;
}

export async function run(argv: readonly string[], io: CliIO, context: RunContext = {}): Promise<number> {
  const out = new Output(io);
  try {
    return await dispatch(argv, io, out, context);
  } catch (err) {
    if (err instanceof UsageError) {
      await out.problem(err.message);
      await out.err(`Run 'workback ${err.command ? `${err.command} ` : ''}--help' for usage.\n`);
      return EXIT_USAGE;
    }
    await out.err(`workback: internal error (please report it): ${escapeTerminal(describeFailure(err))}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIO, out: Output, context: RunContext): Promise<number> {
  const name = argv[0];
  if (name === undefined || name.startsWith('-')) {
    const args = parseArgs(argv, TOP_OPTIONS);
    if (args.options.has('version')) {
      await out.out(`${VERSION}\n`);
      return 0;
    }
    if (args.options.has('help')) {
      await out.out(mainHelp());
      return 0;
    }
    if (args.positionals.length > 0) return dispatch(args.positionals, io, out, context);
    await out.err(mainHelp());
    return EXIT_USAGE;
  }
  if (name === 'help') {
    const command = argv[1] === undefined ? undefined : findCommand(argv[1]);
    await out.out(command ? command.help : mainHelp());
    return 0;
  }
  const command = findCommand(name);
  const args = parseArgs(argv.slice(1), command.options, command.name);
  if (args.options.has('help')) {
    await out.out(command.help);
    return 0;
  }
  return command.run(args, io, out, context);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  throw new UsageError(`unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
}
