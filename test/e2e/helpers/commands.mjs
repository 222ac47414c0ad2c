// Running a command as a person would in a terminal, for the tests of what ships outside VS Code
// (the CLI package, the pre-commit hook): its exit code and both outputs, colours off.
import { spawnSync } from 'node:child_process';

export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

export function runCommand(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
