/** The shape every subcommand has, so run.ts can list, parse and dispatch them alike. */
import type { OptionSpec, ParsedArgs } from '../args';
import type { CliIO } from '../io';
import type { Output } from '../output';

export interface Command {
  name: string;
  /** One line for `workback --help`. */
  summary: string;
  /** The full text of `workback NAME --help`. */
  help: string;
  options: readonly OptionSpec[];
  run(args: ParsedArgs, io: CliIO, out: Output, context?: RunContext): Promise<number>;
}

/** What a caller inside the program (the GitHub Action) asks of a run beyond argv. */
export interface RunContext {
  /** `check` also writes its Markdown summary here, from the same pass over the plans. */
  summary?: (markdown: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export const HELP_OPTION: OptionSpec = { name: 'help', kind: 'flag', short: 'h' };
export const TODAY_OPTION: OptionSpec = { name: 'today', kind: 'value' };
export const JSON_OPTION: OptionSpec = { name: 'json', kind: 'flag' };
export const MAX_SIZE_OPTION: OptionSpec = { name: 'max-size', kind: 'value' };
