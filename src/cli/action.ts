/**
 * The GitHub Action (action.yml at the root): `workback check` with the action's inputs, its
 * output in the log (annotations by default), and each plan's summary appended to the job
 * summary. Inputs arrive as a runner passes them, in the environment (`INPUT_PATHS`,
 * `INPUT_FAIL-ON`, `INPUT_TODAY`, `INPUT_FORMAT`); a wrong value is the CLI's own usage error
 * (exit 2), naming the input. `paths` takes one path a line, or paths separated by spaces.
 */
import type { CliIO } from './io';
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
 * Runs the check once: its output to the log (exit code by `fail-on`), and, when the runner names
 * a job summary file, the Markdown summary of the same pass handed to `appendSummary`, also when a
 * plan could not be read (exit 2, the others were checked); not when an input is wrong (the check
 * does not run).
 */
export async function runAction(io: CliIO, appendSummary: (markdown: string) => Promise<void>): Promise<number> {
  const inputs = actionInputs(io);
  const dated = inputs.today ? ['--today', inputs.today] : [];
  let markdown = '';
  const code = await run(
    ['check', '--fail-on', inputs.failOn, '--format', inputs.format, ...dated, '--', ...inputs.paths],
    io,
    io.env.GITHUB_STEP_SUMMARY ? { summary: (md) => (markdown = md) } : {},
  );
  if (markdown) await appendSummary(markdown);
  return code;
}
