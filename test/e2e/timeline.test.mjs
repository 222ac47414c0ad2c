// The timeline panel in the real VS Code UI (headless Chromium): `Workback: Open Timeline` on
// an example plan draws one bar per task beside the editor, in the light and the dark theme
// (screenshots in test-results/screenshots/timeline-*.png), a click on a bar selects the task
// in the editor, and a plan of hostile titles shows every title as text with no CSP violation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quickOpen, runCommand, waitFor, waitForWorkbench } from '../../tools/vscode-runtime/lib.mjs';
import { openWorkbench } from './helpers/workbench.mjs';
import {
  cspViolations,
  makeWorkspace,
  openTimeline,
  recordCspViolations,
  renderedInfo,
  timelineFrame,
  waitForPicture,
} from './timeline.helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.WORKBACK_SCREENSHOTS || path.join(ROOT, 'test-results', 'screenshots');
const TODAY = '2026-11-24';
const EXAMPLE = 'mfa-rollout.workback.yaml';
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'workspace', 'timeline', 'hostile.workback.yaml');
const FREEZE = path.join(ROOT, 'test', 'fixtures', 'schedule', 'freeze-leave.workback.yaml');

/** Tasks of a plan, from the CLI's JSON schedule. */
function scheduleOf(file) {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, 'dist', 'cli.js'), 'schedule', file, '--today', TODAY, '--json'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}

/** Every title and name of the hostile fixture, as YAML gives them (the file uses plain quoting). */
const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)>',
  '%%{init: {"theme":"forest"}}%%',
  'section x',
  'a: b; c # d',
  'first line\nsection injected: 2026-07-01, 3d',
  'command:workbench.action.closeAllEditors',
  '#60;b#62; &lt;i&gt; %% comment',
  '</style><style>*{display:none}</style>',
  'click t1 call alert()',
  '<script>alert("goal")</script>',
  '%%{init: {"securityLevel": "loose", "theme": "forest"}}%%',
];

/** Every hostile title and name is shown as text in the frame, and nothing came out of one. */
async function assertHostileAsText(frame) {
  const shown = await frame.evaluate(() => {
    const texts = [...document.querySelectorAll('#chart svg text')].map((t) => {
      const title = t.querySelector('title');
      return title ? title.textContent : t.textContent;
    });
    return {
      texts,
      images: document.querySelectorAll('img, image, iframe, object, embed, foreignObject, a').length,
      // VS Code adds its own inline script (acquireVsCodeApi) to the head; nothing else may appear
      scripts: [...document.querySelectorAll('script[src]')].map((s) => s.src.replace(/^.*\//, '')),
      // the body holds the panel's script and, at most, the first render as an inert JSON block
      bodyScripts: [...document.body.querySelectorAll('script')].filter(
        (s) => !s.src.endsWith('/timeline.js') && !(s.id === 'first-render' && s.type === 'application/json'),
      ).length,
      styles: [...document.querySelectorAll('#chart svg style')].map((s) => s.textContent).join('\n'),
      sections: [...document.querySelectorAll('#chart svg text.sectionTitle')].length,
      visible: getComputedStyle(document.querySelector('#chart svg')).display !== 'none',
      options: [...document.querySelectorAll('#toolbar select option')].map((o) => o.textContent),
    };
  });
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const texts = shown.texts.map(norm);
  for (const t of HOSTILE_TITLES)
    assert.ok(texts.includes(norm(t)), `"${t}" is shown as text; shown: ${JSON.stringify(texts)}`);
  assert.equal(shown.images, 0, 'no element came out of a title');
  assert.deepEqual(shown.scripts, ['timeline.js'], "only the panel's own script");
  assert.equal(shown.bodyScripts, 0, "no script in the page body but the panel's");
  assert.ok(shown.visible, "a title's </style><style> did not hide the chart");
  assert.equal(shown.sections, 3, 'two milestones and the goal: no section injected by a title');
  assert.ok(!/#cde498/i.test(shown.styles), 'an %%{init}%% title did not switch Mermaid to the forest theme');
  assert.ok(
    shown.options.includes('</style><style>*{display:none}</style>'),
    'the milestone select shows the title as text',
  );
  assert.ok(
    shown.options.includes('<b onmouseover=alert(1)>Dana</b> (dana)'),
    'the owner select shows the name as text',
  );
}

describe('the timeline in a real VS Code', function () {
  let ws;
  let vscode;
  let page;
  let ok = false;
  const cspConsole = [];

  before(async function () {
    mkdirSync(SHOTS, { recursive: true });
    ws = makeWorkspace(
      'workback-timeline-ui-',
      {
        [EXAMPLE]: { copy: path.join(ROOT, 'examples', EXAMPLE) },
        'edr-deployment.workback.yaml': { copy: path.join(ROOT, 'examples', 'edr-deployment.workback.yaml') },
        'hostile.workback.yaml': { copy: HOSTILE },
        'firewall.workback.yaml': { copy: FREEZE },
        'notes.txt': 'Not a plan.\n',
      },
      { 'workback.today': TODAY, 'workbench.colorTheme': 'Default Light Modern' },
    );
    vscode = await openWorkbench({ folder: ws.folder, extension: ROOT });
    page = vscode.page;
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(m.text())) cspConsole.push(m.text());
    });
  });

  after(async function () {
    if (vscode) await vscode.close({ ok, screenshot: path.join(SHOTS, 'timeline-failure.png') });
    if (ws) rmSync(ws.root, { recursive: true, force: true });
  });

  let frame;

  /** Switch VS Code's theme (the workspace setting) and wait for the panel's picture in it. */
  async function useTheme(name, kind) {
    writeFileSync(
      path.join(ws.folder, '.vscode', 'settings.json'),
      JSON.stringify({ 'workback.today': TODAY, 'workbench.colorTheme': name }, null, 2),
    );
    await waitFor(
      () => frame.evaluate((k) => document.getElementById('chart').dataset.theme === k, kind),
      `the ${kind} picture`,
      { timeout: 30000 },
    );
    await waitForPicture(frame, { what: `the ${kind} picture, drawn` });
  }

  it('opens beside the example plan and draws one bar per task (light theme)', async function () {
    const tasks = scheduleOf(path.join(ws.folder, EXAMPLE)).items.filter((i) => i.kind === 'task');
    await quickOpen(page, EXAMPLE);
    await page.locator('.editor-instance .monaco-editor .view-line').first().click();
    const t0 = Date.now();
    // by its keybinding (Ctrl+K T, in a plan's editor), as a user would
    await page.keyboard.press('Control+K');
    await page.keyboard.press('T');
    frame = await timelineFrame(page);
    await recordCspViolations(frame);
    const r = await waitForPicture(frame, { check: (x) => x.bars > 0, timeout: 60000, what: 'the first picture' });
    console.log(`      picture on screen ${r.at - t0} ms after the command (Mermaid ${r.mermaidMs} ms)`);
    assert.equal(r.bars, tasks.length, 'one bar per task');
    // the plan's days off are shaded: Mermaid's exclude ranges, each starting on a day the plan
    // does not work (it works Monday to Friday, and lists its holidays)
    const shaded = await frame.evaluate(() =>
      [...document.querySelectorAll('#chart svg rect.exclude-range')].map((e) => e.id.slice(-10)),
    );
    assert.ok(shaded.length >= 4, `weekends shaded: ${shaded.join(', ')}`);
    const planText = readFileSync(path.join(ws.folder, EXAMPLE), 'utf8');
    const holidays = new Set(
      [...planText.slice(planText.indexOf('holidays:')).matchAll(/^ {4}- (\d{4}-\d{2}-\d{2})/gm)].map((m) => m[1]),
    );
    assert.ok(holidays.size >= 5, 'the example lists its holidays');
    const weekdayOf = (d) => new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10))).getUTCDay();
    assert.deepEqual(
      shaded.filter((d) => weekdayOf(d) !== 6 && weekdayOf(d) !== 0 && !holidays.has(d)),
      [],
      'every shaded run starts on a weekend day or a holiday of the plan',
    );
    assert.ok(
      shaded.some((d) => holidays.has(d)),
      'a holiday is shaded',
    );
    assert.equal(await frame.evaluate(() => document.getElementById('chart').dataset.theme), 'light');
    // the panel sits beside the editor, which keeps the focus
    await page.locator('.tabs-container .tab[aria-label^="Timeline: mfa-rollout.workback.yaml"]').waitFor();
    assert.match(
      await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'),
      /mfa-rollout\.workback\.yaml/,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-light.png') });
  });

  it('shows owner, dates, slack and status when a bar is hovered', async function () {
    const label = frame
      .locator('#chart svg text.wb-bar', { hasText: 'Enroll the IT team and switch their policy to enforce' })
      .first();
    await label.hover();
    const tip = frame.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    for (const want of [
      'Enroll the IT team and switch their policy to enforce',
      'Owner',
      'Lee Chen (lee)',
      'Start by',
      'Finish by',
      'Slack',
      'Status',
    ]) {
      assert.ok(text.includes(want), `the tooltip shows ${want}: ${text}`);
    }
    await page.screenshot({ path: path.join(SHOTS, 'timeline-tooltip.png') });
  });

  it('selects the task in the editor when its bar is clicked', async function () {
    const text = readFileSync(path.join(ws.folder, EXAMPLE), 'utf8');
    const line = text.slice(0, text.indexOf('- id: enroll-it')).split('\n').length; // 1-based, as the status bar counts
    const bar = frame.locator('#chart svg rect.wb-bar').nth(
      await frame.evaluate(() => {
        const label = [...document.querySelectorAll('#chart svg text.wb-bar')].find((t) =>
          t.textContent.startsWith('Enroll the IT team'),
        );
        return [...document.querySelectorAll('#chart svg rect.wb-bar')].findIndex(
          (r) => r.getAttribute('data-row') === label.getAttribute('data-row'),
        );
      }),
    );
    await bar.click();
    const status = page.locator('.statusbar-item[id="status.editor.selection"]');
    await waitFor(
      async () => /Ln (\d+), Col (\d+) \(9 selected\)/.test(await status.innerText()) && (await status.innerText()),
      'the selection in the status bar',
      { timeout: 20000 },
    );
    const [, ln] = /Ln (\d+)/.exec(await status.innerText());
    assert.equal(Number(ln), line, 'the line of the task id');
    const selected = await page.locator('.editor-instance .monaco-editor .selected-text').count();
    assert.ok(selected > 0, 'the id is selected');
  });

  it('redraws as a title is typed, and leaves the toolbar lists alone', async function () {
    // the previous test selected `enroll-it` on its `- id:` line; its title is the next line
    const before = await renderedInfo(frame);
    await frame.evaluate(() => {
      window.__options = [...document.querySelectorAll('header select option')];
    });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' now');
    const r = await waitForPicture(frame, {
      afterSeq: before.seq,
      check: () => true,
      what: 'the picture of the typed title',
    });
    await waitFor(
      () =>
        frame.evaluate(() =>
          [...document.querySelectorAll('#chart svg text.wb-bar')].some((t) =>
            t.textContent.includes('switch their policy to enforce now'),
          ),
        ),
      'the new title in the picture',
    );
    const kept = await frame.evaluate(() => {
      const now = [...document.querySelectorAll('header select option')];
      return now.length === window.__options.length && now.every((o, i) => o === window.__options[i]);
    });
    assert.ok(kept, 'the options of the toolbar lists were not built again');
    // back to the file as it was
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await waitForPicture(frame, { afterSeq: r.seq, what: 'the picture of the title as it was' });
    await waitFor(
      () =>
        frame.evaluate(() => {
          const labels = [...document.querySelectorAll('#chart svg text.wb-bar')].map((t) => t.textContent);
          return (
            labels.some((t) => t.includes('switch their policy to enforce')) &&
            !labels.some((t) => t.includes('enforce now'))
          );
        }),
      'the title as it was in the picture',
    );
    await page.keyboard.press('Home'); // the editor scrolled back to the start of the line
  });

  it('follows the VS Code theme (dark)', async function () {
    await useTheme('Default Dark Modern', 'dark');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-dark.png') });
  });

  it('and both high-contrast themes, where the edges and the outlined days off carry the states', async function () {
    for (const [theme, kind, shot] of [
      ['Default High Contrast', 'highContrast', 'timeline-hc-dark.png'],
      ['Default High Contrast Light', 'highContrastLight', 'timeline-hc-light.png'],
      ['Default Dark Modern', 'dark', undefined],
    ]) {
      await useTheme(theme, kind);
      if (!shot) continue;
      const off = await frame.evaluate(() => {
        const r = document.querySelector('#chart svg rect.exclude-range');
        return r && getComputedStyle(r).strokeDasharray;
      });
      assert.ok(off && off !== 'none', `the days off are outlined: ${off}`);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(SHOTS, shot) });
    }
  });

  it('compact: no two task labels overlap, and the markers stay inside the chart (dark and light)', async function () {
    const layout = () =>
      frame.evaluate(() => {
        const svg = document.querySelector('#chart svg');
        const shown = [...svg.querySelectorAll('text[id$="-text"]')].filter(
          (t) => t.getAttribute('display') !== 'none' && t.textContent.trim() !== '',
        );
        const boxes = shown.map((t) => {
          const b = t.getBoundingClientRect();
          return { text: t.textContent, x0: b.left, x1: b.right, y0: b.top, y1: b.bottom };
        });
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlaps.push(`${a.text} / ${b.text}`);
          }
        // the plotted area: the time axis's grid (the markers are vertical lines on it)
        const frameBox = (svg.querySelector('g.grid') ?? svg).getBoundingClientRect();
        // and the rows: the today and goal-due lines end with the last row, not far below it
        const rowsBottom = Math.max(
          ...[...svg.querySelectorAll('rect.section')].map((r) => r.getBoundingClientRect().bottom),
        );
        const outside = [...svg.querySelectorAll('rect.vert')]
          .map((e) => e.getBoundingClientRect())
          .filter(
            (r) =>
              r.width + r.height > 0 &&
              (r.left < frameBox.left - 1 || r.right > frameBox.right + 1 || r.bottom > rowsBottom + 1),
          ).length;
        const markers = svg.querySelectorAll('rect.vert').length;
        const hidden = svg.querySelectorAll('text[id$="-text"][display="none"]').length;
        const rows = new Set(shown.map((t) => t.getAttribute('y'))).size;
        return { overlaps, outside, markers, hidden, shown: boxes.length, rows };
      });
    const before = await renderedInfo(frame);
    await frame.locator('#compact').check();
    await waitForPicture(frame, { afterSeq: before.seq, what: 'the compact picture' });
    const dark = await layout();
    assert.deepEqual(dark.overlaps, [], 'no two labels overlap');
    assert.ok(dark.markers >= 1, 'a marker is drawn');
    assert.equal(dark.outside, 0, 'the markers stay inside the chart');
    assert.ok(
      dark.shown > 0 && dark.rows < dark.shown + dark.hidden,
      `a section's tasks share a row: ${JSON.stringify(dark)}`,
    );
    await page.mouse.move(5, 5);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-compact-dark.png') });
    await useTheme('Default Light Modern', 'light');
    const light = await layout();
    assert.deepEqual(light.overlaps, [], 'no two labels overlap (light)');
    await page.screenshot({ path: path.join(SHOTS, 'timeline-compact-light.png') });
    await useTheme('Default Dark Modern', 'dark');
    const compact = await renderedInfo(frame);
    await frame.locator('#compact').uncheck();
    await waitForPicture(frame, { afterSeq: compact.seq, what: 'one row per task again' });
  });

  it('exports the picture as SVG through the save dialog', async function () {
    await frame.locator('#export').click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    // the simple file dialog of the web workbench fills its input in steps
    const offered = await waitFor(
      async () => {
        const v = await input.inputValue();
        return v.endsWith('.svg') && v;
      },
      'the offered file name',
      { timeout: 10000 },
    ).catch(async () => input.inputValue());
    assert.equal(offered, path.join(ws.folder, 'mfa-rollout.timeline.svg'), 'offered beside the plan');
    await page.keyboard.press('Enter');
    const file = path.join(ws.folder, 'mfa-rollout.timeline.svg');
    await waitFor(() => existsSync(file), 'the exported SVG', { timeout: 20000 });
    const svg = await waitFor(() => {
      const t = readFileSync(file, 'utf8');
      return t.includes('</svg>') && t;
    }, 'the whole SVG');
    assert.match(svg, /^<\?xml[^>]*>\s*<svg[\s>]/);
    assert.ok(svg.includes('Enroll the IT team and switch their policy to enforce'));
    assert.ok(!/data-row|tabindex|wb-bar/.test(svg), "none of the panel's own attributes");
  });

  it('exports the picture as PNG through the save dialog, twice its size on screen', async function () {
    const shown = await frame.evaluate(() => {
      const r = document.querySelector('#chart svg').getBoundingClientRect();
      return { width: Math.ceil(r.width), height: Math.ceil(r.height) };
    });
    await frame.locator('#export-png').click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    const file = path.join(ws.folder, 'mfa-rollout.timeline.png');
    await waitFor(async () => (await input.inputValue()) === file, 'the offered file name', { timeout: 10000 });
    await page.keyboard.press('Enter');
    await waitFor(() => existsSync(file) && readFileSync(file).length > 1000, 'the exported PNG', { timeout: 20000 });
    const png = await waitFor(() => {
      const b = readFileSync(file);
      return (
        b
          .subarray(b.length - 8)
          .toString('latin1')
          .includes('IEND') && b
      ); // written whole
    }, 'the whole PNG');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [shown.width * 2, shown.height * 2]);
    writeFileSync(path.join(SHOTS, 'timeline-export.png'), png); // to look at
  });

  it('copies the chart as a Mermaid block from its toolbar button', async function () {
    await frame.locator('#copy-mermaid').click();
    // the host writes the clipboard and says so in the status bar
    await page
      .locator('.part.statusbar')
      .filter({ hasText: 'copied the timeline of mfa-rollout.workback.yaml' })
      .waitFor();
    // (what it holds: test/integration/timeline.test.ts reads the clipboard back)
  });

  it('shows the current picture at once when shown again after another tab hid it', async function () {
    const tab = page.locator('.tabs-container .tab[aria-label^="Timeline: mfa-rollout.workback.yaml"]');
    await tab.click(); // its group is the active one
    const current = await renderedInfo(frame);
    // a file that is not a plan, opened over the panel in its group: VS Code destroys the page
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="notes.txt"]').click();
    await page.locator('.tabs-container .tab.active[aria-label^="notes.txt"]').waitFor();
    await waitFor(
      async () =>
        frame.isDetached() || !(await frame.evaluate(() => document.visibilityState === 'visible').catch(() => false)),
      'the panel hidden',
    );
    const old = frame;
    await tab.click();
    frame = await timelineFrame(page, { timeout: 60000, exclude: [old] });
    const r = await waitForPicture(frame, {
      check: (x) => x.bars === current.bars,
      timeout: 60000,
      what: 'the picture shown again',
    });
    const d = await frame.evaluate(() => ({ ...document.body.dataset }));
    assert.ok(Number(d.restoredAt) > 0, 'the saved picture was shown at once');
    assert.equal(d.firstSeq, String(r.seq), 'the page never took the old render inside its HTML for current');
    assert.equal(r.mermaidMs, 0, 'the current render has the same text: the saved picture was kept');
    await recordCspViolations(frame);
  });

  it('comes back after a window reload', async function () {
    const tasks = scheduleOf(path.join(ws.folder, EXAMPLE)).items.filter((i) => i.kind === 'task').length;
    const old = frame;
    // reload the way a user does: the command lets the workbench save its state (the panel and
    // its webview state) before the page goes; a bare page reload may race that save
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await waitForWorkbench(page);
    await page
      .locator('.tabs-container .tab.active[aria-label^="Timeline: mfa-rollout.workback.yaml"]')
      .waitFor({ timeout: 60000 });
    frame = await timelineFrame(page, { timeout: 60000, exclude: [old] });
    await recordCspViolations(frame);
    const r = await waitForPicture(frame, {
      check: (x) => x.bars === tasks,
      timeout: 60000,
      what: 'the restored picture',
    });
    assert.equal(r.bars, tasks);
    // the new page showed the picture saved with its state at once, and the render of the same
    // text kept it (no Mermaid drawing)
    const d = await frame.evaluate(() => ({ ...document.body.dataset }));
    assert.ok(
      Number(d.restoredAt) > 0 && Number(d.restoredAt) <= Number(d.renderedAt),
      'the saved picture was shown before the render',
    );
    assert.equal(r.mermaidMs, 0, 'the render of an unchanged plan reused the saved picture');
    await page.locator('.tabs-container .tab[aria-label^="Timeline: mfa-rollout.workback.yaml"]').waitFor();
    await runCommand(page, 'View: Focus First Editor Group'); // plans open there, beside the panel
  });

  it('filters by priority when the plan ranks its tasks: p1 only draws the critical systems', async function () {
    const edr = path.join(ws.folder, 'edr-deployment.workback.yaml');
    const tasks = scheduleOf(edr).items.filter((i) => i.kind === 'task');
    // the example's p1 is its servers milestone (its tasks inherit it)
    assert.match(readFileSync(edr, 'utf8'), /- id: servers\n {4}title: .*\n {4}priority: p1 /);
    const p1 = tasks.filter((i) => i.milestone === 'servers').length;
    assert.ok(p1 > 0 && p1 < tasks.length, `some tasks are p1: ${p1} of ${tasks.length}`);
    const before = await renderedInfo(frame);
    await quickOpen(page, 'edr-deployment.workback.yaml'); // the panel follows the active plan
    await waitForPicture(frame, { afterSeq: before.seq, check: (x) => x.bars === tasks.length, what: 'the EDR plan' });
    const priority = frame.locator('#priority');
    assert.deepEqual(await priority.locator('option').allTextContents(), ['All priorities', 'p1 only']);
    assert.ok(await priority.isVisible(), 'the select shows for a plan with priorities');
    const shown = await renderedInfo(frame);
    await priority.selectOption('p1');
    const r = await waitForPicture(frame, { afterSeq: shown.seq, check: (x) => x.bars === p1, what: 'p1 only' });
    assert.equal(r.bars, p1);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-priority.png') });
    const filtered = await renderedInfo(frame);
    await priority.selectOption('');
    await waitForPicture(frame, { afterSeq: filtered.seq, check: (x) => x.bars === tasks.length, what: 'all again' });
  });

  it("draws a task's own freeze and leave as notches in its bar, names them in its tooltip (light and dark)", async function () {
    const before = await renderedInfo(frame);
    await quickOpen(page, 'firewall.workback.yaml');
    await waitForPicture(frame, { afterSeq: before.seq, check: (x) => x.bars === 3, what: 'the firewall plan' });
    for (const [theme, kind] of [
      ['Default Light Modern', 'light'],
      ['Default Dark Modern', 'dark'],
    ]) {
      await useTheme(theme, kind);
      // two notches per run of days off, inside its bar: push-policy's freeze, write-policy's leave
      const gaps = await frame.evaluate(() =>
        [...document.querySelectorAll('#chart svg rect.wb-dayoff')].map((g) => {
          // the notches follow their bar
          let bar = g.previousElementSibling;
          while (bar && !bar.matches('rect.wb-bar')) bar = bar.previousElementSibling;
          const [b, r] = [g.getBoundingClientRect(), bar.getBoundingClientRect()];
          return {
            inside: b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top && b.bottom <= r.bottom,
            share: Math.round((b.width / r.width) * 100),
            fill: getComputedStyle(g).fill,
            barFill: getComputedStyle(bar).fill,
          };
        }),
      );
      assert.equal(gaps.length, 4, JSON.stringify(gaps));
      for (const g of gaps) {
        assert.ok(g.inside, `a notch inside its bar: ${JSON.stringify(g)}`);
        assert.notEqual(g.fill, g.barFill, 'a notch does not look like its bar');
      }
      // 5 of push-policy's 15 days; 5 of write-policy's 12
      assert.deepEqual(gaps.map((g) => g.share).sort(), [33, 33, 42, 42]);
      await page.screenshot({ path: path.join(SHOTS, `timeline-days-off-${kind}.png`) });
    }
    await frame.locator('#chart svg text.wb-bar', { hasText: 'Write policy v2' }).first().hover();
    const tip = frame.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.innerText(), /No work\s+Leave \(leave of Omar Haddad\): Mon 16 – Fri 20 Nov 2026/);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-days-off-tooltip.png') });
    await useTheme('Default Light Modern', 'light');
  });

  it('shows hostile titles as text, with no CSP violation', async function () {
    const before = await renderedInfo(frame);
    await quickOpen(page, 'hostile.workback.yaml'); // the panel follows the active plan
    await waitFor(async () => (await renderedInfo(frame)).seq > before.seq, "the hostile plan's picture", {
      timeout: 30000,
    });
    const r = await waitForPicture(frame, { afterSeq: before.seq, what: "the hostile plan's picture" });
    assert.equal(r.bars, 7);
    await assertHostileAsText(frame);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-hostile.png') });
    // hover the <img> title: the tooltip shows it as text
    await frame.locator('#chart svg text.wb-bar', { hasText: '<img src=x onerror=alert(1)>' }).first().hover();
    const tip = frame.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.ok((await tip.innerText()).includes('<b onmouseover=alert(1)>Dana</b> (dana)'));
    assert.equal(await frame.locator('#tooltip b, #tooltip img').count(), 0);
    await page.screenshot({ path: path.join(SHOTS, 'timeline-hostile-tooltip.png') });
    assert.deepEqual(await cspViolations(frame), [], 'no securitypolicyviolation event');
    assert.equal(
      await frame.evaluate(() => document.body.dataset.cspViolations ?? '0'),
      '0',
      'none since the script started',
    );
  });

  it('opens on the hostile plan with its first picture inside the page: every title as text, no CSP violation', async function () {
    const tab = page.locator('.tabs-container .tab[aria-label^="Timeline: "]');
    await tab.first().click();
    await page.keyboard.press('Control+w');
    await tab.first().waitFor({ state: 'detached' });
    await quickOpen(page, 'hostile.workback.yaml');
    const old = frame;
    await openTimeline(page);
    frame = await timelineFrame(page, { timeout: 60000, exclude: [old] });
    const r = await waitForPicture(frame, {
      check: (x) => x.bars === 7,
      timeout: 60000,
      what: "the hostile plan's first picture",
    });
    assert.equal(r.bars, 7);
    assert.equal(
      await frame.evaluate(() => document.getElementById('first-render')?.type),
      'application/json',
      'the first render came inside the page',
    );
    await assertHostileAsText(frame);
    assert.equal(
      await frame.evaluate(() => document.body.dataset.cspViolations ?? '0'),
      '0',
      'no securitypolicyviolation since the script started',
    );
    assert.deepEqual(cspConsole, [], 'no CSP message in the console');
    assert.deepEqual(vscode.pageErrors, [], 'no page errors');
    ok = true;
  });
});
