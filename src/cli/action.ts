/**
 * The GitHub Action (action.yml at the root): `workback check` with the action's inputs, its
 * output in the log (annotations by default), and each plan's summary appended to the job
 * summary. Inputs arrive as a runner passes them, in the environment (`INPUT_PATHS`,
 * `INPUT_FAIL-ON`, `INPUT_TODAY`, `INPUT_FORMAT`); a wrong value is the CLI's own usage error
 * (exit 2), naming the input.
 */
import type { CliIO, OutStream } from './io';
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
  const out: ActionInputs = {
    paths: input(io, 'paths').split(/\s+/).filter(Boolean),
    failOn: input(io, 'fail-on') || 'error',
    format: input(io, 'format') || 'github',
  };
  const today = input(io, 'today');
  if (today) out.today = today;
  return out;
}

/**
 * Runs the check (output to the log, exit code by `fail-on`), then, when the runner names a job
 * summary file, checks again for the Markdown summary and hands it to `appendSummary`.
 */
export async function runAction(io: CliIO, appendSummary: (markdown: string) => Promise<void>): Promise<number> {
  const inputs = actionInputs(io);
  const dated = inputs.today ? ['--today', inputs.today] : [];
  const code = await run(
    ['check', ...inputs.paths, '--fail-on', inputs.failOn, '--format', inputs.format, ...dated],
    io,
  );
  if (code === 2 || !io.env.GITHUB_STEP_SUMMARY) return code;
  const chunks: string[] = [];
  const capture: OutStream = { write: (text) => void chunks.push(text) };
  await run(['check', ...inputs.paths, '--format', 'markdown', ...dated], { ...io, stdout: capture });
  await appendSummary(chunks.join(''));
  return code;
}
