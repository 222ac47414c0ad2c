// The timeline measures Mermaid's task labels on a canvas while Mermaid draws (no layout per
// label; src/webview/chart.ts, withTextWidthsFromCanvas). In headless Chromium, for the golden
// Mermaid texts, the examples and the benchmark's 200 tasks, at two widths and two themes: every
// label gets the same place and classes as with the browser's own measure, and the widths agree.
// And every hostile title (Mermaid's own entity placeholders, C1 controls, NUL, CR, lone
// surrogates) is shown exactly, or visibly escaped, in the picture the timeline adopts.
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
    rows: lines.filter(
      (l) => /^[^\s].*:.*,/.test(l) && !/^(dateFormat|axisFormat|title|todayMarker|tickInterval)\b/.test(l),
    ).length,
  };
}

/**
 * Titles built from every kind of text Mermaid or an HTML parser treats specially: its entity
 * placeholders (`ﬂ°°60¶ß` is `&#60;` to it) and their pieces, text that looks like an entity,
 * every C1 control (HTML reads `&#133;` as `…`), NUL, CR, lone surrogates, and the code points
 * next to them.
 */
const HOSTILE = [
  'ﬂ°°60¶ß',
  'ﬂ°lt¶ß',
  'aﬂ°°34¶ßb',
  'ﬂ°',
  'ﬂ°°',
  '¶ß',
  'ß¶',
  '°°60',
  'x¶ßy ﬂ°amp¶ß',
  '#60;',
  '&#60;',
  '#lt;',
  '&lt;',
  '#x85;',
  '&#133;',
  '#133;',
  'style x:#1;',
  'classDef a fill:#f00;',
  '<br>',
  ...Array.from(
    { length: 8 },
    (_, i) => `C1 ${String.fromCharCode(0x80 + 4 * i, 0x81 + 4 * i, 0x82 + 4 * i, 0x83 + 4 * i)} end`,
  ),
  'nul \0 cr \r crlf \r\n lf \n tab \t',
  'lone \ud800 \udfff \ud83d',
  'pair \ud83d\ude80 ok',
  '\x7f\xa0\xad\ufffd\uffff \u{10ffff}',
];
const yamlQuoted = (t) =>
  `"${Array.from({ length: t.length }, (_, i) => {
    const c = t.charCodeAt(i);
    return c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c ? `\\u${c.toString(16).padStart(4, '0')}` : t[i];
  }).join('')}"`;
function hostilePlan(titles) {
  const tasks = titles.map((t, i) =>
    [`      - id: t${i + 1}`, `        title: ${yamlQuoted(t)}`, '        owner: dana', '        duration: 1d'].join(
      '\n',
    ),
  );
  return (
    [
      'workback: 1',
      `title: ${yamlQuoted(titles.join(' | '))}`,
      'goal:',
      '  outcome: Done',
      '  due: 2026-12-30',
      '  owner: dana',
      'people:',
      '  dana: { name: Dana }',
      'milestones:',
      '  - id: m1',
      `    title: ${yamlQuoted(titles.slice(0, 12).join(''))}`,
      '    tasks:',
      ...tasks,
    ].join('\n') + '\n'
  );
}

/** What the chart must show (docs/format.md): the text, with NUL, CR, C1 controls and lone surrogates as visible escapes. */
const shown = (t) =>
  t.replace(/[\0\r\u0080-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (ch) =>
    ch === '\r' ? '\\r' : `\\u{${ch.codePointAt(0).toString(16)}}`,
  );

describe('task labels measured on a canvas while Mermaid draws', function () {
  this.timeout(180000);
  let tmp;
  let browser;
  let page;
  const cases = [];

  before(async function () {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-labels-'));
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'test', 'e2e', 'pages', 'mermaidLabels.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      outfile: path.join(tmp, 'page.js'),
      plugins: [mermaidGanttOnly],
      logLevel: 'warning',
    });
    // UTF-8 as the timeline's page declares it: Mermaid's bundled code holds its placeholders (`ﬂ°°`) as raw text
    writeFileSync(
      path.join(tmp, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="page.js"></script></body></html>',
    );
    const golden = path.join(ROOT, 'test', 'fixtures', 'mermaid');
    for (const f of readdirSync(golden).filter((x) => x.endsWith('.mmd')))
      cases.push([f, readFileSync(path.join(golden, f), 'utf8')]);
    const plan = path.join(tmp, 'plan200.workback.yaml');
    writeFileSync(plan, timelinePlan(200));
    cases.push([
      '200 tasks',
      execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'gantt', plan, '--today', BENCH_TODAY], {
        encoding: 'utf8',
      }),
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1800, height: 900 } });
    await page.goto(`file://${path.join(tmp, 'index.html')}`);
    await page.waitForFunction(() => typeof window.compare === 'function');
  });

  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("places every label as the browser's own measure does", async () => {
    let compared = 0;
    let worst = 0;
    for (const [name, text] of cases) {
      const { sections, rows } = shape(text);
      for (const width of [700, 1400]) {
        for (const theme of ['light', 'dark']) {
          const { canvas, layout } = await page.evaluate(
            ([t, w, th, s, r]) => window.compare(t, w, th, s, r),
            [text, width, theme, sections, rows],
          );
          const what = `${name} at ${width} px, ${theme}`;
          assert.ok(layout.length > 0, `${what}: labels drawn`);
          assert.deepEqual(
            canvas.map(({ id, x, classes }) => ({ id, x, classes })),
            layout.map(({ id, x, classes }) => ({ id, x, classes })),
            `${what}: places and classes`,
          );
          canvas.forEach((c, i) => {
            const l = layout[i];
            if (c.width !== null && l.width !== null) worst = Math.max(worst, Math.abs(c.width - l.width));
            if (c.width !== null && l.width !== null)
              assert.ok(
                Math.abs(c.width - l.width) < 1.5,
                `${what}: ${c.id} is ${c.width} px on the canvas, ${l.width} px laid out`,
              );
          });
          compared += layout.length;
        }
      }
    }
    console.log(`      ${compared} labels compared; widths differ by ${worst.toFixed(2)} px at most`);
    assert.ok(compared > 1000, `labels compared: ${compared}`);
  });

  it('shows every hostile title exactly, or visibly escaped', async () => {
    const titles = HOSTILE;
    const plan = path.join(tmp, 'hostile.workback.yaml');
    writeFileSync(plan, hostilePlan(titles));
    const text = execFileSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), 'gantt', plan, '--today', '2026-11-24'],
      { encoding: 'utf8' },
    );
    const { sections, rows } = shape(text);
    const seen = await page.evaluate(([t, s, r]) => window.readBack(t, s, r), [text, sections, rows]);
    assert.equal(seen.title, shown(titles.join(' | ')));
    assert.deepEqual(seen.sections, [shown(titles.slice(0, 12).join('')), 'Goal']);
    const labels = new Map(seen.labels);
    for (const [i, title] of titles.entries()) assert.equal(labels.get(`t${i + 1}`), shown(title), `t${i + 1}`);
  });
});
