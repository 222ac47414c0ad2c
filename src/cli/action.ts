/**
 * The GitHub Action (action.yml at the root): `workback check` with the action's inputs, its
 * output in the log (annotations by default), and each plan's summary appended to the job
 * summary. Inputs arrive as a runner passes them, in the environment (`INPUT_PATHS`,
 * `INPUT_FAIL-ON`, `INPUT_TODAY`, `INPUT_FORMAT`); a wrong value is the CLI's own usage error
 * (exit 2), naming the input. `paths` takes one path a line, or paths separated by spaces.
 */
import type { CliIO, OutStream } from './io';
import { FAIL_ON_LEVELS, FORMATS } from './commands/check';
import { run } from './run';

export interface ActionInputs {
  /** Paths, directories or globs, separated by spaces or lines; none: every plan in the workspace. */
  paths: string[];
  failOn: string;
  today?: string;
  format: string;
}

const input = (io: CliIO, name: string): string => (io.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();

export function actionInputs(io: CliIO): ActionInputs {
  const paths = input(io, 'paths');
  const out: ActionInputs = {
    // one a line when there are several lines (a path may then hold spaces), else separated by spaces
    paths: paths
      .split(paths.includes('\n') ? /\r?\n/ : /\s+/)
      .map((p) => p.trim())
      .filter(Boolean),
    failOn: input(io, 'fail-on') || 'error',
    format: input(io, 'format') || 'github',
  };
  const today = input(io, 'today');
  if (today) out.today = today;
  return out;
}

/**
 * Runs the check (output to the log, exit code by `fail-on`), then, when the runner names a job
 * summary file, checks again for the Markdown summary and hands it to `appendSummary`: also
 * when a plan could not be read (exit 2, the others were checked); not when an input is wrong
 * (a wrong `today` makes the second run write nothing either). The second run's notes on stderr were said by the first.
 */
export async function runAction(io: CliIO, appendSummary: (markdown: string) => Promise<void>): Promise<number> {
  const inputs = actionInputs(io);
  const dated = inputs.today ? ['--today', inputs.today] : [];
  const code = await run(
    ['check', '--fail-on', inputs.failOn, '--format', inputs.format, ...dated, '--', ...inputs.paths],
    io,
  );
  const wrongInput =
    !(FORMATS as readonly string[]).includes(inputs.format) ||
    !(FAIL_ON_LEVELS as readonly string[]).includes(inputs.failOn);
  if (!io.env.GITHUB_STEP_SUMMARY || wrongInput) return code;
  const chunks: string[] = [];
  const capture: OutStream = { write: (text) => void chunks.push(text) };
  const silent: OutStream = { write: () => undefined };
  await run(['check', '--format', 'markdown', ...dated, '--', ...inputs.paths], {
    ...io,
    stdout: capture,
    stderr: silent,
  });
  const markdown = chunks.join('');
  if (markdown) await appendSummary(markdown);
  return code;
}
