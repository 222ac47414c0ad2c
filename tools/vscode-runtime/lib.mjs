// The project's VS Code test harness: start/stop the VS Code server (code-server's
// bundled VS Code, installed by install.sh), launch Debian's Chromium with the
// project's playwright-core, build workbench URLs, run extension tests in the real
// extension host, and a few UI actions for the e2e tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CACHE = process.env.VSCODE_RUNTIME_CACHE || path.join(os.homedir(), '.cache', 'vscode-runtime');
/** The code-server install (install.sh links the last one it made as `code-server`). */
export const CODE_SERVER_HOME = process.env.VSCODE_RUNTIME_CODE_SERVER || path.join(CACHE, 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** VS Code inside code-server (built-in extensions, vscode-textmate...). */
export const VSCODE_HOME = path.join(CODE_SERVER_HOME, 'node_modules', 'code-server', 'lib', 'vscode');
/** Debian's chromium: $CHROMIUM_PATH, else `chromium` found on PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH || findOnPath('chromium');

function findOnPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return name;
}

// Flags that make Debian's Chromium quiet and offline-safe when run as root.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Run install.sh (idempotent). */
export function install({ quiet = false } = {}) {
  execFileSync('bash', [path.join(HERE, 'install.sh')], { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
}

export function isInstalled() {
  return existsSync(CODE_SERVER_ENTRY);
}

/** playwright-core: the project's devDependency. */
export function loadPlaywright() {
  return createRequire(import.meta.url)('playwright-core');
}

/** Parse --key value / --key=value / --flag arguments. */
export function parseArgs(argv, booleans = []) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const k = a.slice(2);
    if (booleans.includes(k)) {
      out[k] = true;
      continue;
    }
    const v = argv[++i];
    if (out[k] === undefined) out[k] = v;
    else out[k] = [].concat(out[k], v);
  }
  return out;
}

/** Servers started by this process and not yet stopped: stopped when the process exits. */
const live = new Set();
let exitHooked = false;
function stopAllOnExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const srv of [...live]) srv.stop();
  });
  // Ctrl+C reaches us, not the servers (their own process group): stop them, then exit
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (process.listenerCount(sig) === 0)
      process.once(sig, () => process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1)));
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Start the server with start-server.sh (127.0.0.1, a free port, no auth), its state (user
 * data, extensions, logs) in a new temp dir named workback-vscode-* unless `state` is given.
 * `env` is added to the server's environment, which the extension host inherits.
 * Returns { url, pid, state, stop({ removeState }) }.
 */
export function startServer({ state, env = {}, settings } = {}) {
  const dir = state || mkdtempSync(path.join(os.tmpdir(), 'workback-vscode-'));
  const extra = settings ? { VSCODE_RUNTIME_SETTINGS: JSON.stringify(settings) } : {};
  const out = execFileSync('bash', [path.join(HERE, 'start-server.sh'), dir], {
    env: { ...process.env, ...extra, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kv = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const srv = {
    url: kv.VSCODE_SERVER_URL,
    pid: Number(kv.VSCODE_SERVER_PID),
    state: kv.VSCODE_SERVER_STATE,
    /** Stop the server (its whole process group); with removeState, also delete its state dir. */
    stop({ removeState = false } = {}) {
      live.delete(srv);
      try {
        execFileSync('bash', [path.join(HERE, 'stop-server.sh'), srv.state], { stdio: 'ignore' });
      } catch {
        /* state dir gone: below */
      }
      // by the process group we know, whatever happened to the state dir
      if (groupAlive(srv.pid)) {
        try {
          process.kill(-srv.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        const end = Date.now() + 5000;
        while (groupAlive(srv.pid) && Date.now() < end) spawnSync('sleep', ['0.2']);
        try {
          process.kill(-srv.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      if (removeState) rmSync(srv.state, { recursive: true, force: true });
    },
  };
  stopAllOnExit();
  live.add(srv);
  return srv;
}

export async function launchBrowser({ headless = true } = {}) {
  const { chromium } = loadPlaywright();
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}

/** vscode-remote URI for a path on the server machine. */
export function remoteUri(serverUrl, p) {
  const u = new URL(serverUrl);
  const abs = path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${u.host}${abs}`;
}

/**
 * Workbench URL: ?folder=<abs path>&payload=[[key, value], ...].
 * Payload keys the web workbench reads: extensionDevelopmentPath (repeatable),
 * extensionTestsPath, skipWelcome, skipReleaseNotes, openFile.
 */
export function workbenchUrl(
  serverUrl,
  { folder, extensionDevelopmentPath = [], extensionTestsPath, openFile, payload = [] } = {},
) {
  const pl = [];
  for (const d of [].concat(extensionDevelopmentPath)) pl.push(['extensionDevelopmentPath', remoteUri(serverUrl, d)]);
  if (extensionTestsPath) pl.push(['extensionTestsPath', remoteUri(serverUrl, extensionTestsPath)]);
  if (openFile) pl.push(['openFile', remoteUri(serverUrl, openFile)]);
  pl.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ...payload);
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  else q.push('ew=true');
  q.push(`payload=${encodeURIComponent(JSON.stringify(pl))}`);
  return `${serverUrl}?${q.join('&')}`;
}

export function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, rej) => {
      t = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/**
 * Run extension tests in the real extension host, like @vscode/test-electron's runTests:
 * open the workbench with extensionDevelopmentPath + extensionTestsPath; the workbench
 * calls window.codeAutomationExit(code) when the test module's run() settles.
 * Returns the exit code. Uses `server` when given, otherwise starts (and stops) one.
 */
export async function runExtensionTests({
  server,
  extensionDevelopmentPath,
  extensionTestsPath,
  folder,
  timeoutMs = 300000,
  logsDir,
  screenshot,
  verbose = false,
  env = {},
  settings,
  out = (line) => console.log(line),
  err = (line) => console.error(line),
  onPage,
  beforeClose,
}) {
  const own = !server;
  const srv = server || startServer({ env, settings });
  let browser;
  let code = 1;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (onPage) await onPage(page); // e.g. a benchmark's CPU profile of the workbench
    if (verbose) page.on('console', (m) => err(`[browser:${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => err(`[pageerror] ${e.message}`));
    let finish;
    const done = new Promise((r) => {
      finish = r;
    });
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (type === 'error') err(line);
      else out(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode, logs) => {
      if (logsDir && Array.isArray(logs)) {
        for (const { relativePath, contents } of logs) {
          const p = path.join(logsDir, relativePath);
          mkdirSync(path.dirname(p), { recursive: true });
          writeFileSync(p, contents);
        }
      }
      finish(exitCode);
    });
    await page.goto(workbenchUrl(srv.url, { folder, extensionDevelopmentPath, extensionTestsPath }));
    try {
      code = await withTimeout(done, timeoutMs, 'extension tests');
    } catch (e) {
      err(`[run-tests] ${e.message}`);
      code = 1;
    }
    if (screenshot && code !== 0) await page.screenshot({ path: screenshot }).catch(() => {});
    if (beforeClose) await beforeClose(page).catch((e) => err(`[run-tests] ${e.message}`));
  } catch (e) {
    err(`[run-tests] ${e.stack || e}`);
    code = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (own) {
      srv.stop({ removeState: code === 0 });
      if (code !== 0) err(`[vscode-runtime] server state and logs kept in ${srv.state}`);
    }
  }
  return code;
}

/** Run the server's own CLI (code-server) with a private user data dir next to `extensionsDir`. */
function codeServerCli(args, extensionsDir) {
  const home = path.join(path.dirname(path.resolve(extensionsDir)), 'cli-home');
  const r = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, ...args, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(home, 'user-data')],
    {
      encoding: 'utf8',
      timeout: 60000,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        EXTENSIONS_GALLERY: '{}',
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
      },
    },
  );
  return { status: r.status, stdout: r.stdout || '', stderr: r.stderr || '' };
}

/** Install a .vsix into an extensions dir with the server's own CLI. Returns { status, stdout, stderr }. */
export function installVsix(vsix, extensionsDir) {
  return codeServerCli(['--install-extension', path.resolve(vsix)], extensionsDir);
}

/** `publisher.name@version` of every extension in an extensions dir, one a line. */
export function listExtensions(extensionsDir) {
  return codeServerCli(['--list-extensions', '--show-versions'], extensionsDir).stdout;
}

// ------------------------------------------------------------------ UI actions

/** Wait until the workbench shell is up (and, with a folder, the Explorer has rows). */
export async function waitForWorkbench(page, { timeout = 90000, folder = true } = {}) {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout });
  if (folder) await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
}

async function quickInput(page, key, text) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  // the list filters as we type: wait until its first row is the one we asked for
  const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
  await first.waitFor({ state: 'visible' });
  const want = text.replace(/^>/, '').toLowerCase();
  const end = Date.now() + 5000;
  while (Date.now() < end) {
    const label = ((await first.getAttribute('aria-label').catch(() => '')) || '').toLowerCase();
    if (label.includes(want)) break;
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Enter');
}

/** Run a command by its palette title (F1, type, Enter). */
export async function runCommand(page, title) {
  await quickInput(page, 'F1', `>${title}`);
}

/** Open a workspace file by name through Quick Open (Ctrl+P) and wait for its tab. */
export async function quickOpen(page, name) {
  await quickInput(page, 'Control+p', name);
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ timeout: 20000 });
}

/** Texts of the Problems panel's rows (focuses the panel). */
export async function problemRows(page) {
  await runCommand(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 20000 });
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Poll `fn` until it returns a truthy value; returns it, or throws after `timeout` ms. */
export async function waitFor(fn, what, { timeout = 20000, interval = 150 } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(
    `timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/**
 * Hover `target` until `shown` is visible, and return `shown`. A tree or list may re-render the
 * row under a still mouse (a refresh after indexing), which drops the hover: hover again then.
 */
export async function hoverUntilVisible(target, shown, { timeout = 30000 } = {}) {
  await waitFor(
    async () => {
      await target.hover({ timeout: 5000 });
      return shown.isVisible();
    },
    'a hover to show its element',
    { timeout, interval: 250 },
  );
  return shown;
}

/**
 * Wait until an element is fully shown: opaque (hovers fade in) and no longer moving or
 * growing between two looks. For screenshots.
 */
export async function waitForSettled(locator, { timeout = 5000 } = {}) {
  let last = '';
  await waitFor(
    async () => {
      const now = await locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        let o = 1;
        for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
        return JSON.stringify([Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height), o]);
      });
      const settled = now === last && JSON.parse(now)[4] === 1;
      last = now;
      return settled;
    },
    'the element to settle',
    { timeout, interval: 100 },
  );
}

export function readJson(p) {
  return JSON.parse(readFileSync(p, 'utf8'));
}
