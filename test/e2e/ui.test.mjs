// The real VS Code UI (the VS Code server's web workbench in headless Chromium, driven by
// playwright-core): a broken plan shows highlighting and squiggles, the Problems panel lists
// the problems of the workspace's plans. Screenshots: test-results/screenshots/.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { problemRows, quickOpen, runCommand, waitFor, waitForSettled } from '../../tools/vscode-runtime/lib.mjs';
import { openWalkthrough, openWorkbench } from './helpers/workbench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.WORKBACK_SCREENSHOTS || path.join(ROOT, 'test-results', 'screenshots');

describe('the UI of a real VS Code', function () {
  let tmp;
  let vscode;
  let page;
  let pageErrors;
  let ok = false;

  before(async function () {
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-ui-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), path.join(tmp, 'workspace'), { recursive: true });
    vscode = await openWorkbench({
      folder: path.join(tmp, 'workspace'),
      extension: ROOT,
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    });
    ({ page, pageErrors } = vscode);
    assert.match(await page.title(), /Extension Development Host/);
  });

  after(async function () {
    if (vscode) await vscode.close({ ok, screenshot: path.join(SHOTS, 'failure.png') });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('opens a broken plan with plan highlighting and squiggles', async function () {
    await quickOpen(page, 'unknown-owner.workback.yaml');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line').first().waitFor();
    // the error squiggle under `sam`
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
    // the language is shown in the status bar
    await page.locator('.statusbar-item[id="status.editor.mode"]').filter({ hasText: 'Workback Plan' }).waitFor();
    // tokens: a date, a status and a depends_on id are colored unlike plain text
    // (Monaco renders spaces as no-break spaces and merges neighbours of one color into one span;
    // a line is one span until the grammar has tokenized it, so each color is awaited)
    const colorOf = async (text, lineHas = text) => {
      const found = await page.waitForFunction(
        ([want, line]) => {
          const root = document.querySelector('.editor-instance .monaco-editor');
          const norm = (el) => el.textContent.replace(/\u00a0/g, ' ');
          for (const l of root?.querySelectorAll('.view-line') ?? []) {
            if (!norm(l).includes(line)) continue;
            for (const el of l.querySelectorAll('span span'))
              if (norm(el).trim() === want) return getComputedStyle(el).color;
          }
          return null;
        },
        [text, lineHas],
        { timeout: 15000 },
      );
      return found.jsonValue();
    };
    const plain = await colorOf('Get three quotes');
    const date = await colorOf('2026-10-30');
    const status = await colorOf('doing');
    const ref = await colorOf('quote', 'depends_on: [quote]');
    const key = await colorOf('owner');
    console.log(`      colors: text ${plain}, key ${key}, date ${date}, status ${status}, depends_on id ${ref}`);
    assert.notEqual(date, plain, 'a date is highlighted');
    assert.notEqual(status, plain, 'a status is highlighted');
    assert.notEqual(ref, plain, 'a depends_on id is highlighted');
    // hover the squiggle: the problem's message
    const box = await editor.locator('.squiggly-error').first().boundingBox();
    assert.ok(box, 'the squiggle is on screen');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'is not in people' }).first();
    // a hover the editor drops (it was still settling: decorations, the index's first checks)
    // is asked for again: the mouse leaves the squiggle and comes back
    await waitFor(
      async () => {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        if (await hover.isVisible()) return true;
        await hover.waitFor({ timeout: 3000 }).catch(() => undefined);
        if (await hover.isVisible()) return true;
        await page.mouse.move(5, 5);
        return false;
      },
      'the hover of the squiggle',
      { timeout: 30000, interval: 250 },
    );
    await waitForSettled(hover);
    assert.match(await hover.innerText(), /"sam" \(owner of quote\) is not in people/);
    await page.screenshot({ path: path.join(SHOTS, 'editor.png') });
    await page.keyboard.press('Escape');
  });

  it('lists the problems of the workspace in the Problems panel', async function () {
    const rows = await waitFor(
      async () => {
        const r = await problemRows(page);
        return r.some((x) => x.includes('exprot')) && r.some((x) => x.includes('is not in people')) && r;
      },
      "the plans' problems in the Problems panel",
      { timeout: 30000 },
    );
    for (const r of rows) console.log(`      problem row: ${r}`);
    const row = (needle) => rows.find((r) => r.includes(needle));
    assert.match(
      row('is not in people'),
      /"sam" \(owner of quote\) is not in people\. .*workback\W+unknown-person\W+\[Ln 19, Col 16\]/,
    );
    assert.match(
      row('exprot'),
      /"exprot" is not a task or milestone of this plan.*workback\W+unknown-id\W+\[Ln 19, Col 22\]/,
    );
    assert.ok(
      rows.some((r) => /not closed.*workback\W+yaml-syntax\W+\[Ln 16, Col 21\]/.test(r)),
      'the YAML syntax error of a plan that is not open, at the [ left open',
    );
    assert.ok(
      rows.some((r) => /"survey" is not a task.*workback\W+unknown-id\W+\[Ln 16, Col 22\]/.test(r)),
      'and the problem after it',
    );
    for (const f of ['unknown-owner.workback.yaml', 'never-opened.workback.yaml', 'syntax-error.workback.yaml']) {
      assert.ok(
        rows.some((r) => r.startsWith(f)),
        `a row for ${f}`,
      );
    }
    assert.ok(!rows.some((r) => r.startsWith('mfa.workback.yaml')), 'no row for the clean plan');
    await page.locator('.markers-panel').screenshot({ path: path.join(SHOTS, 'problems-panel.png') });
    await page.screenshot({ path: path.join(SHOTS, 'problems.png') });
  });

  it('"Check All Plans" ends with a summary that offers the Problems panel', async function () {
    await runCommand(page, 'View: Close Panel');
    await runCommand(page, 'Workback: Check All Plans in the Workspace');
    const toast = page
      .locator('.notifications-toasts .notification-toast')
      .filter({ hasText: /Workback: \d+ plans: \d+ with errors/ })
      .first();
    await toast.waitFor({ timeout: 30000 });
    const text = (await toast.locator('.notification-list-item-message').innerText()).trim();
    console.log(`      summary: ${text}`);
    assert.match(text, /^Workback: \d+ plans: \d+ with errors, \d+ overdue tasks?, \d+ overdue follow-ups?\.$/);
    await waitForSettled(toast); // (it slides in)
    await page.screenshot({ path: path.join(SHOTS, 'check-all-summary.png') });
    await toast.locator('.monaco-button', { hasText: 'Show Problems' }).click();
    await page.locator('.markers-panel').waitFor();
  });

  it('shows the goal in the language status of a clean plan', async function () {
    await quickOpen(page, 'mfa.workback.yaml');
    await runCommand(page, 'View: Close Panel');
    // the language status item sits behind the {} next to the language in the status bar
    await page.locator('.statusbar-item[id="status.languageStatus"]').click();
    const item = page.locator('.hover-language-status').filter({ hasText: 'Goal feasible' }).first();
    await item.waitFor({ timeout: 15000 });
    assert.match(await item.innerText(), /Goal feasible · minimum slack 25 workdays/);
    await waitForSettled(page.locator('.monaco-hover').filter({ has: item }).first());
    await page.screenshot({ path: path.join(SHOTS, 'language-status.png') });
    await page.keyboard.press('Escape');
    assert.deepEqual(pageErrors, [], 'no page errors');
  });

  it('walks a newcomer through a first plan: the walkthrough, in dark and light', async function () {
    const walkthrough = await openWalkthrough(page);
    for (const step of ['Create a plan from a template', 'Open the timeline', 'Say who you are', 'See My Tasks'])
      await walkthrough.locator('.getting-started-step').filter({ hasText: step }).first().waitFor();
    // the first step is open, with its button and its page
    const newPlan = walkthrough.locator('.getting-started-step.expanded').filter({ hasText: 'New Plan…' });
    await newPlan.waitFor();
    await page.waitForTimeout(300); // the step's expand animation
    await page.screenshot({ path: path.join(SHOTS, 'walkthrough-dark.png') });
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'walkthrough-light.png') });
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    assert.deepEqual(pageErrors, [], 'no page errors');
    ok = true;
  });
});
