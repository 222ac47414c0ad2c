// `npm start` works: `node scripts/start.mjs --check` builds, starts the project's VS Code
// server on examples/ with the extension, checks that the workbench answers, and stops.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm start', () => {
  it('--check: builds, serves the workbench with the extension on examples/, stops', async function () {
    const { code, out } = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--check'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.on('close', (c) => resolve({ code: c, out }));
    });
    assert.equal(code, 0, out);
    const url = /workbench answers at (\S+)/.exec(out)?.[1];
    assert.ok(url, out);
    const u = new URL(url);
    assert.equal(u.hostname, '127.0.0.1');
    assert.equal(u.searchParams.get('folder'), path.join(ROOT, 'examples'));
    const payload = JSON.parse(u.searchParams.get('payload'));
    assert.ok(
      payload.some(([k, v]) => k === 'extensionDevelopmentPath' && v.endsWith(ROOT)),
      JSON.stringify(payload),
    );
    assert.match(out, /check passed/);
  });
});
