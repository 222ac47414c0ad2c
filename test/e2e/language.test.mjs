// The editing features in the real VS Code UI (headless Chromium): the suggest widget in a
// half-typed `depends_on: [` and after `owner:`, a hover over a task id, the start-by lenses, a
// quick fix from the light bulb, and `Workback: New Plan…` from a template.
// Screenshots: test-results/screenshots/completion.png, completion-owner.png, hover.png, quick-fix.png,
// new-plan.png.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quickOpen, runCommand, waitFor } from '../../tools/vscode-runtime/lib.mjs';
import { openWorkbench } from './helpers/workbench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.WORKBACK_SCREENSHOTS || path.join(ROOT, 'test-results', 'screenshots');
/** The extension to load (a private copy may be given while developing). */
const EXTENSION = process.env.WORKBACK_EXTENSION_PATH || ROOT;

describe('editing plans in a real VS Code', function () {
  let tmp;
  let vscode;
  let page;
  let pageErrors;
  let ok = false;

  before(async function () {
    assert.ok(existsSync(path.join(EXTENSION, 'dist', 'extension.js')), 'the extension is built');
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-language-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), path.join(tmp, 'workspace'), { recursive: true });
    vscode = await openWorkbench({
      folder: path.join(tmp, 'workspace'),
      extension: EXTENSION,
      settings: {
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.startupEditor': 'none',
        'files.autoSave': 'off',
        'editor.hover.delay': 200,
        'editor.suggest.showStatusBar': true,
      },
    });
    ({ page, pageErrors } = vscode);
    await quickOpen(page, 'editing.workback.yaml');
    await editor().locator('.view-line').first().waitFor();
    // the lenses are drawn once the plan is checked
    await editor()
      .locator('.codelens-decoration')
      .filter({ hasText: 'goal feasible' })
      .first()
      .waitFor({ timeout: 60000 });
  });

  after(async function () {
    if (vscode) await vscode.close({ ok, screenshot: path.join(SHOTS, 'language-failure.png') });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const editor = () => page.locator('.editor-instance .monaco-editor').first();

  /** Revert the plan to its text on disk (the tab is clean again). */
  async function revert() {
    const dirty = page.locator('.tabs-container .tab.dirty[aria-label^="editing.workback.yaml"]');
    if ((await dirty.count()) === 0) return;
    await editor().click({ position: { x: 300, y: 10 } });
    await runCommand(page, 'File: Revert File');
    await dirty.waitFor({ state: 'detached', timeout: 15000 });
  }

  /** Put the cursor at the end of a 1-based line (Ctrl+G, then End). */
  async function goToLineEnd(line) {
    await page.keyboard.press('Control+g');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
  }

  /** The suggest widget's rows, once it shows `want`. */
  async function suggestRows(want) {
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.locator('.monaco-list-row').filter({ hasText: want }).first().waitFor({ timeout: 20000 });
    return (await widget.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Open the details pane of the suggest widget (Ctrl+Space toggles it) and wait for `text` in it. */
  async function showDetails(text) {
    const details = page.locator('.suggest-details-container .suggest-details');
    for (let attempt = 0; attempt < 4; attempt++) {
      if (
        await details
          .filter({ hasText: text })
          .first()
          .isVisible()
          .catch(() => false)
      )
        return;
      if (!(await details.isVisible().catch(() => false))) await page.keyboard.press('Control+Space');
      await details
        .filter({ hasText: text })
        .first()
        .waitFor({ timeout: 3000 })
        .catch(() => {});
    }
    await details.filter({ hasText: text }).first().waitFor({ timeout: 5000 });
  }

  it('suggests the ids a half-typed depends_on: [ may take, with titles and dates', async function () {
    // after enroll-it's tags (line 50): a new key; the editor closes the bracket itself
    await goToLineEnd(50);
    await page.keyboard.press('Enter');
    await page.keyboard.type('depends_on: [', { delay: 30 });
    let rows = await suggestRows('pick-method').catch(async () => {
      await page.keyboard.press('Control+Space');
      return suggestRows('pick-method');
    });
    console.log(`      suggested: ${rows.join(' | ')}`);
    assert.equal(rows.length, 3, 'design, licensing, pick-method: nothing that depends on enroll-it');
    assert.ok(
      rows[0].startsWith('design') && rows[0].includes('Method chosen with stakeholders'),
      'titles on every row',
    );
    assert.ok(rows[2].includes('Choose MFA method'));
    // down to pick-method (the list may still be refreshed under the first presses, which puts the
    // focus back on its first row: look at the focused row, not at the number of presses)
    const focused = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    await waitFor(
      async () => {
        if (await focused.filter({ hasText: 'pick-method' }).count()) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      },
      'pick-method focused in the suggestions',
      { timeout: 15000, interval: 300 },
    );
    await showDetails('Start by Wed 5 Aug 2026');
    rows = await suggestRows('pick-method');
    await page.screenshot({ path: path.join(SHOTS, 'completion.png') });
    // accept the focused id
    await focused.filter({ hasText: 'pick-method' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
    await editor().locator('.view-line').filter({ hasText: 'depends_on: [pick-method]' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('suggests people with their names after owner:', async function () {
    await revert();
    // pick-method's owner (line 33): `owner: dana` -> `owner:`, then a space opens the suggestions
    await goToLineEnd(33);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(' ', { delay: 50 });
    const rows = await suggestRows('ravi').catch(async () => {
      await page.keyboard.press('Control+Space');
      return suggestRows('ravi');
    });
    console.log(`      suggested: ${rows.join(' | ')}`);
    assert.deepEqual(
      rows.map((r) => r.split(' ')[0]),
      ['dana', 'ravi', 'lee'],
    );
    assert.ok(rows[0].includes('Dana Whitfield'));
    await showDetails('IT director');
    await page.screenshot({ path: path.join(SHOTS, 'completion-owner.png') });
    await page
      .locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused')
      .filter({ hasText: 'dana' })
      .first()
      .waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter'); // dana again: the plan is clean
    await editor()
      .locator('.view-line')
      .filter({ hasText: /owner:\s+dana/ })
      .first()
      .waitFor();
  });

  it("shows a task's computed dates on hover", async function () {
    await page.keyboard.press('Escape');
    await revert();
    await page.keyboard.press('Control+Home');
    await editor()
      .locator('.codelens-decoration')
      .filter({ hasText: 'goal feasible' })
      .first()
      .waitFor({ timeout: 30000 });
    const token = editor()
      .locator('.view-line span span')
      .filter({ hasText: /^pick-method$/ })
      .first();
    await token.waitFor();
    const box = await token.boundingBox();
    assert.ok(box, 'the id is on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Start by' }).first();
    await hover.waitFor({ timeout: 20000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    console.log(`      hover: ${text}`);
    assert.match(text, /Task pick-method — Choose MFA method/);
    assert.match(text, /Start by Wed 5 Aug 2026 · finish by Fri 7 Aug 2026/);
    assert.match(text, /slack 25 workdays · critical/);
    assert.equal(await hover.locator('a').count(), 0, 'no links in the hover');
    await page.screenshot({ path: path.join(SHOTS, 'hover.png') });
    // the lenses as they settle: a check of the reverted text may still be on its way
    await editor()
      .locator('.codelens-decoration')
      .filter({ hasText: /goal feasible · minimum slack 25 workdays/ })
      .first()
      .waitFor({ timeout: 30000 });
    const lenses = (await editor().locator('.codelens-decoration').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    console.log(`      lenses: ${lenses.join(' | ')}`);
    assert.ok(lenses.some((l) => l.includes('start by Wed 5 Aug · slack 25 workdays · critical')));
    assert.ok(
      lenses.some((l) => l.includes('goal feasible · minimum slack 25 workdays') && l.includes('Open Timeline')),
    );
  });

  it('fixes a problem from the light bulb: Add "sam" to people', async function () {
    await page.keyboard.press('Escape');
    await revert();
    // pick-method's owner (line 33): dana -> sam, who is not in people
    // one edit (select "dana", insert "sam"): key by key, a squiggle for "s" or "sa" could be the
    // one awaited, and the light bulb would then offer to add "sa"
    await goToLineEnd(33);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.insertText('sam');
    await page.keyboard.press('Escape');
    await editor()
      .locator('.view-line')
      .filter({ hasText: /owner:\s+sam\s*$/ })
      .first()
      .waitFor();
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 30000 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    const add = menu.locator('.monaco-list-row.action').filter({ hasText: 'Add "sam" to people' }).first();
    await add.waitFor({ timeout: 20000 });
    const rows = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    console.log(`      quick fixes: ${rows.join(' | ')}`);
    assert.deepEqual(rows, ['Add "sam" to people'], 'no person id is near "sam"');
    await page.screenshot({ path: path.join(SHOTS, 'quick-fix.png') });
    // (a click meets the menu's pointer block: Enter applies the focused fix, as a person would)
    await menu.locator('.monaco-list-row.action.focused').filter({ hasText: 'Add "sam" to people' }).first().waitFor();
    await page.keyboard.press('Enter');
    await editor()
      .locator('.view-line')
      .filter({ hasText: /sam:\s+\{\s+name:\s+sam\s+\}/ })
      .first()
      .waitFor();
    await editor().locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30000 });
  });

  it('makes a new plan from a template: Workback: New Plan…', async function () {
    await runCommand(page, 'Workback: New Plan…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const firstRow = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    // 1. the template
    await firstRow.filter({ hasText: 'MFA rollout' }).waitFor();
    await input.fill('EDR');
    await firstRow.filter({ hasText: 'EDR deployment' }).waitFor();
    await page.keyboard.press('Enter');
    // 2. the title, 3. the due date (today + the template's weeks, proposed)
    await page.locator('.quick-input-widget').filter({ hasText: '(1/3)' }).waitFor();
    await input.fill('EDR for the clinics');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').filter({ hasText: '(2/3)' }).waitFor();
    assert.equal(await input.inputValue(), '2026-10-07', 'today (Wed 1 Jul 2026) + 14 weeks');
    await page.keyboard.press('Enter');
    // 4. where: a file in the workspace, or untitled
    await page.locator('.quick-input-widget').filter({ hasText: '(3/3)' }).waitFor();
    await firstRow.filter({ hasText: 'edr-for-the-clinics.workback.yaml' }).waitFor();
    await input.fill('Untitled');
    await firstRow.filter({ hasText: 'Untitled plan' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab[aria-label^="edr-for-the-clinics.workback.yaml"]').first().waitFor();
    await editor()
      .locator('.codelens-decoration')
      .filter({ hasText: 'goal feasible' })
      .first()
      .waitFor({ timeout: 30000 });
    assert.equal(await editor().locator('.squiggly-error').count(), 0, 'a plan without errors');
    await page.screenshot({ path: path.join(SHOTS, 'new-plan.png') });
    assert.deepEqual(pageErrors, [], 'no page errors');
    ok = true;
  });
});
