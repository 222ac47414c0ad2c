// The timeline measures Mermaid's task labels on a canvas while Mermaid draws (no layout per
// label; src/webview/chart.ts, withTextWidthsFromCanvas). In headless Chromium, for the golden
// Mermaid texts, the examples and the benchmark's 200 tasks, at two widths and two themes: every
// label gets the same place and classes as with the browser's own measure, and the widths agree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchBrowser } from '../../tools/vscode-runtime/lib.mjs';
import { mermaidGanttOnly } from '../../src/webview/mermaidGanttOnly.mjs';
import { BENCH_TODAY, timelinePlan } from '../../bench/timelinePlans.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Section names and the row count of a Mermaid Gantt text (what the panel passes along). */
function shape(text) {
  const lines = text.split('\n').map((l) => l.trim());
  return {
    sections: lines.filter((l) => l.startsWith('section ')).map((l) => l.slice('section '.length)),
    rows: lines.filter((l) => /^[^\s].*:.*,/.test(l) && !/^(dateFormat|axisFormat|title|todayMarker|tickInterval)\b/.test(l)).length,
  };
}

describe('task labels measured on a canvas while Mermaid draws', function () {
  this.timeout(180000);
  let tmp;
  let browser;
  let page;
  const cases = [];

  before(async function () {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-labels-'));
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'test', 'e2e', 'pages', 'mermaidLabels.ts')], bundle: true, platform: 'browser', format: 'iife',
      target: 'es2022', outfile: path.join(tmp, 'page.js'), plugins: [mermaidGanttOnly], logLevel: 'warning',
    });
    writeFileSync(path.join(tmp, 'index.html'), '<!doctype html><html><body><script src="page.js"></script></body></html>');
    const golden = path.join(ROOT, 'test', 'fixtures', 'mermaid');
    for (const f of readdirSync(golden).filter((x) => x.endsWith('.mmd'))) cases.push([f, readFileSync(path.join(golden, f), 'utf8')]);
    const plan = path.join(tmp, 'plan200.workback.yaml');
    writeFileSync(plan, timelinePlan(200));
    cases.push(['200 tasks', execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'gantt', plan, '--today', BENCH_TODAY], { encoding: 'utf8' })]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1800, height: 900 } });
    await page.goto(`file://${path.join(tmp, 'index.html')}`);
    await page.waitForFunction(() => typeof window.compare === 'function');
  });

  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('places every label as the browser\'s own measure does', async () => {
    let compared = 0;
    let worst = 0;
    for (const [name, text] of cases) {
      const { sections, rows } = shape(text);
      for (const width of [700, 1400]) {
        for (const theme of ['light', 'dark']) {
          const { canvas, layout } = await page.evaluate(([t, w, th, s, r]) => window.compare(t, w, th, s, r), [text, width, theme, sections, rows]);
          const what = `${name} at ${width} px, ${theme}`;
          assert.ok(layout.length > 0, `${what}: labels drawn`);
          assert.deepEqual(canvas.map(({ id, x, classes }) => ({ id, x, classes })), layout.map(({ id, x, classes }) => ({ id, x, classes })), `${what}: places and classes`);
          canvas.forEach((c, i) => {
            const l = layout[i];
            if (c.width !== null && l.width !== null) worst = Math.max(worst, Math.abs(c.width - l.width));
            if (c.width !== null && l.width !== null) assert.ok(Math.abs(c.width - l.width) < 1.5, `${what}: ${c.id} is ${c.width} px on the canvas, ${l.width} px laid out`);
          });
          compared += layout.length;
        }
      }
    }
    console.log(`      ${compared} labels compared; widths differ by ${worst.toFixed(2)} px at most`);
    assert.ok(compared > 1000, `labels compared: ${compared}`);
  });
});
