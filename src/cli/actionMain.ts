/** The GitHub Action's entry point (bundled into action/index.js): Node's I/O wired to runAction(). */
import { appendFile } from 'node:fs/promises';
import { runAction } from './action';
import { nodeIO } from './nodeIO';

const io = nodeIO();
void runAction(io, async (markdown) => appendFile(io.env.GITHUB_STEP_SUMMARY!, markdown)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`workback action: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
