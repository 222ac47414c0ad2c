#!/usr/bin/env node
// npm start [-- --check] [-- <folder>]: build, then a real VS Code with the extension loaded on
// examples/ (or <folder>).
//
// - `code` on PATH: `code --extensionDevelopmentPath=<repo> <folder>` (a desktop VS Code).
// - otherwise: install the project's VS Code server (tools/vscode-runtime), start it on
//   127.0.0.1, print the workbench URL (its payload loads the extension from this repo) and
//   keep running until Ctrl+C, which stops the server.
// - --check (or WORKBACK_START_CHECK=1): the server route, then check that the workbench
//   answers with the extension's payload, stop, exit 0. A test runs this.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const check = argv.includes('--check') || process.env.WORKBACK_START_CHECK === '1';
const folder = path.resolve(argv.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'examples'));
const log = (m) => console.log(`[start] ${m}`);

function findOnPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

if (!existsSync(folder)) {
  console.error(`[start] folder not found: ${folder}`);
  process.exit(2);
}
const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('[start] build failed');
  process.exit(1);
}

const code = findOnPath('code');
if (code && !check) {
  log(`${code} --extensionDevelopmentPath=${ROOT} ${folder}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${ROOT}`, folder], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const installed = spawnSync('bash', [path.join(ROOT, 'tools', 'vscode-runtime', 'install.sh')], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (installed.status !== 0) {
  console.error('[start] installing the VS Code server failed');
  process.exit(1);
}
const { startServer, workbenchUrl } = await import('../tools/vscode-runtime/lib.mjs');
let server;
let stopped = false;
const stop = () => {
  if (stopped || !server) return;
  stopped = true;
  server.stop({ removeState: true });
};
process.on('exit', stop);
// before the server starts, so that Ctrl+C is ours (the server has its own process group)
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log('stopping the server');
    stop();
    process.exit(0);
  });
}
server = startServer();
const url = workbenchUrl(server.url, { folder, extensionDevelopmentPath: ROOT });

if (check) {
  try {
    const res = await fetch(url);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the workbench answered ${res.status}`);
    if (!html.includes('workbench')) throw new Error('the answer is not the VS Code workbench');
    const health = await fetch(new URL('healthz', server.url));
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    log(`workbench answers at ${url}`);
    log('check passed');
    stop();
    process.exit(0);
  } catch (e) {
    console.error(`[start] check failed: ${e && e.message ? e.message : e}; server state kept in ${server.state}`);
    stopped = true;
    server.stop({ removeState: false });
    process.exit(1);
  }
}

log(
  `VS Code ${server.url} is serving ${path.relative(process.cwd(), folder) || folder} with the extension from ${ROOT}`,
);
log('open this URL in a browser (from another machine: ssh -L <port>:127.0.0.1:<port> first):');
console.log(`\n  ${url}\n`);
log('Ctrl+C stops the server');
// keep the process (and so the server) alive until a signal
const keepAlive = setInterval(() => {
  try {
    process.kill(server.pid, 0);
  } catch {
    log('the server exited');
    clearInterval(keepAlive);
    stopped = true;
    process.exit(1);
  }
}, 2000);
