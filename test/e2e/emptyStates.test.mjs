// Issue 14: every empty state says what to do next, with a button for it. In a real VS Code on a
// folder with no plan: the sidebar's welcome offers New Plan…, the timeline's "No plan" page
// too, and its button opens New Plan…'s template list; the walkthrough leads from there to a plan
// on the timeline. Screenshots in light and dark: test-results/screenshots/empty-*.png,
// walkthrough-to-timeline.png.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, waitFor } from '../../tools/vscode-runtime/lib.mjs';
import { openWalkthrough, openWorkbench } from './helpers/workbench.mjs';
import { makeWorkspace, timelineFrame } from './timeline.helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.WORKBACK_SCREENSHOTS || path.join(ROOT, 'test-results', 'screenshots');
const EXTENSION = process.env.WORKBACK_E2E_EXTENSION || ROOT;

describe('the empty states in a real VS Code', function () {
  this.timeout(180000);
  let ws;
  let vscode;
  let page;
  let ok = false;

  before(async function () {
    ws = makeWorkspace('workback-empty-', { 'README.md': '# Infrastructure\n' }, { 'workback.me': 'dana' });
    vscode = await openWorkbench({
      folder: ws.folder,
      extension: EXTENSION,
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
    });
    page = vscode.page;
  });

  after(async function () {
    if (vscode) await vscode.close({ ok, screenshot: path.join(SHOTS, 'empty-failure.png') });
    if (ws) rmSync(ws.root, { recursive: true, force: true });
  });

  it('the sidebar of a folder without plans offers New Plan…', async function () {
    await page.locator('.activitybar .action-item a[aria-label^="Workback"]').click();
    const welcome = page.locator('.part.sidebar .welcome-view').first();
    await welcome.filter({ hasText: 'No workback plans in this workspace yet' }).waitFor();
    const buttons = await welcome.locator('.monaco-button, a').allInnerTexts();
    assert.ok(
      buttons.some((b) => b.trim() === 'New Plan…'),
      `the welcome's buttons: ${buttons.join(', ')}`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'empty-sidebar-light.png') });
  });

  it("the timeline's No plan page offers New Plan…, which opens the template list", async function () {
    await runCommand(page, 'Workback: Open Timeline');
    const frame = await timelineFrame(page);
    const notice = frame.locator('#notice');
    await notice.filter({ hasText: 'Open a workback plan' }).waitFor();
    const button = notice.locator('button', { hasText: 'New Plan…' });
    await button.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'empty-timeline-light.png') });
    await button.click();
    const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await first.filter({ hasText: 'MFA rollout' }).waitFor();
    const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes('Blank plan')),
      `the templates: ${rows.join(' | ')}`,
    );
    await page.keyboard.press('Escape');
  });

  it('in the dark theme too', async function () {
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    const frame = await timelineFrame(page);
    await frame.locator('#notice button', { hasText: 'New Plan…' }).waitFor();
    await page.waitForTimeout(300); // the webview's colours follow the theme message
    await page.screenshot({ path: path.join(SHOTS, 'empty-timeline-dark.png') });
  });

  it('the walkthrough takes a newcomer from the empty folder to a plan on the timeline', async function () {
    await page.keyboard.press('Escape');
    const walkthrough = await openWalkthrough(page);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // step 1: New Plan…, a blank plan as a file of the folder. The walkthrough marks the step done
    // as the command starts, and takes the focus back as it does: wait for that, then click
    // into each prompt (New Plan's prompts stay open when the focus leaves them).
    const first = walkthrough.locator('.getting-started-step', { hasText: 'Create a plan from a template' }).first();
    await first.locator('.monaco-button', { hasText: 'New Plan…' }).click();
    await first.locator('.complete').waitFor();
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await row.filter({ hasText: 'MFA rollout' }).waitFor();
    await input.fill('Blank');
    await row.filter({ hasText: 'Blank plan' }).click();
    await page.locator('.quick-input-widget').filter({ hasText: '(1/3)' }).waitFor();
    await input.click();
    await input.fill('Printer fleet');
    await input.press('Enter');
    await page.locator('.quick-input-widget').filter({ hasText: '(2/3)' }).waitFor();
    await input.click();
    await input.press('Enter'); // the due date proposed
    await page.locator('.quick-input-widget').filter({ hasText: '(3/3)' }).waitFor();
    await row.filter({ hasText: 'printer-fleet.workback.yaml' }).click();
    await waitFor(() => existsSync(path.join(ws.folder, 'printer-fleet.workback.yaml')), 'the new plan file');
    const tab = page.locator('.tabs-container .tab[aria-label^="printer-fleet.workback.yaml"]').first();
    await tab.waitFor();
    // step 2: Open Timeline, on the plan just made
    await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
    await walkthrough.locator('.getting-started-step', { hasText: 'Open the timeline' }).first().click();
    await walkthrough.locator('.getting-started-step.expanded .monaco-button', { hasText: 'Open Timeline' }).click();
    const frame = await timelineFrame(page, { exclude: [] });
    await waitFor(
      () => frame.evaluate(() => Number(document.getElementById('chart')?.dataset.bars ?? 0) === 1),
      'the plan on the timeline: its one task',
      { timeout: 60000 },
    );
    await page.screenshot({ path: path.join(SHOTS, 'walkthrough-to-timeline.png') });
    ok = true;
  });
});
