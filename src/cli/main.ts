/**
 * The `workback` executable: Node's I/O wired to run() when this file is the one Node runs
 * (dist/cli.js, bin/workback.js). The same bundle is the GitHub Action's: action/index.js
 * requires it and calls actionMain(), so one committed bundle serves both.
 */
import { appendFile } from 'node:fs/promises';
import { runAction } from './action';
import { nodeIO } from './nodeIO';
import { run } from './run';

/** Ends the process with `code`, or with 2 and the error on stderr. */
function exitWith(what: string, done: Promise<number>): void {
  void done.then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${what}: ${String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

/** The GitHub Action (action.yml): the check with the action's inputs, the job summary appended. */
export function actionMain(): void {
  const io = nodeIO();
  exitWith(
    'workback action',
    runAction(io, async (markdown) => appendFile(io.env.GITHUB_STEP_SUMMARY!, markdown)),
  );
}

if (require.main === module) exitWith('workback', run(process.argv.slice(2), nodeIO()));
