/** The `workback` executable: Node's I/O wired to run(). */
import { nodeIO } from './nodeIO';
import { run } from './run';

void run(process.argv.slice(2), nodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`workback: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
