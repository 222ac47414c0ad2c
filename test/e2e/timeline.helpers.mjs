// Shared by the timeline's UI tests and its benchmark: a workspace of plans, and the timeline
// webview's frame inside the real workbench (VS Code nests webviews two iframes deep).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand, waitFor } from '../../tools/vscode-runtime/lib.mjs';

/** A temporary workspace: `files` maps relative paths to text or to a source file ({ copy }). */
export function makeWorkspace(prefix, files, settings = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const folder = path.join(root, 'workspace');
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(folder, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === 'string') writeFileSync(target, content);
    else cpSync(content.copy, target);
  }
  return { root, folder };
}

/** The frame of the timeline webview (the one whose document has `#chart`), other than `exclude`. */
export async function timelineFrame(page, { timeout = 30000, exclude = [] } = {}) {
  return waitFor(
    async () => {
      for (const f of page.frames()) {
        if (f.isDetached() || exclude.includes(f)) continue;
        const has = await f
          .evaluate(() => !!document.getElementById('chart') && !!document.getElementById('toolbar'))
          .catch(() => false);
        if (has) return f;
      }
      return undefined;
    },
    'the timeline webview',
    { timeout, interval: 25 },
  );
}

/** What the webview last drew (from the attributes it sets after each picture). */
export function renderedInfo(frame) {
  return frame.evaluate(() => {
    const b = document.body.dataset;
    const chart = document.getElementById('chart');
    return {
      seq: Number(b.renderedSeq || 0),
      at: Number(b.renderedAt || 0),
      mermaidMs: Number(b.mermaidMs || 0),
      totalMs: Number(b.totalMs || 0),
      bars: Number(chart?.dataset.bars || 0),
      version: chart?.dataset.version,
      svg: !!chart?.querySelector('svg'),
      status: document.getElementById('status')?.textContent || '',
      notice: document.getElementById('notice')?.hidden ? '' : document.getElementById('notice')?.textContent || '',
    };
  });
}

/** Wait until the webview drew a picture newer than `afterSeq` (and `check` holds). */
export async function waitForPicture(
  frame,
  { afterSeq = 0, check = () => true, timeout = 30000, what = 'a new timeline picture' } = {},
) {
  return waitFor(
    async () => {
      const r = await renderedInfo(frame);
      return r.svg && r.seq > afterSeq && r.status === '' && check(r) ? r : undefined;
    },
    what,
    { timeout, interval: 20 },
  );
}

/** Run `Workback: Open Timeline` from the command palette. */
export async function openTimeline(page) {
  await runCommand(page, 'Workback: Open Timeline');
}

/** Install a `securitypolicyviolation` recorder in the webview frame. */
export async function recordCspViolations(frame) {
  await frame.evaluate(() => {
    const w = window;
    if (w.__cspViolations) return;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`);
    });
  });
}

export function cspViolations(frame) {
  return frame.evaluate(() => window.__cspViolations || []);
}
