// The Workback sidebar in the real VS Code UI (headless Chromium): the activity bar icon opens
// "My Tasks" and "Follow-ups" with Mira's items of the sidebar fixtures (today pinned to
// 2026-07-01), the status bar says "3 overdue", a click shows a task in its plan, the inline
// "Mark Task Done" button edits the file, and the welcome view asks who you are.
// Screenshots: test-results/screenshots/sidebar-*.png.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hoverUntilVisible, runCommand, waitFor } from '../../tools/vscode-runtime/lib.mjs';
import { openWorkbench } from './helpers/workbench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.WORKBACK_SCREENSHOTS || path.join(ROOT, 'test-results', 'screenshots');
/** The extension under test (default: this repository, built by `npm test`). */
const EXTENSION = process.env.WORKBACK_E2E_EXTENSION || ROOT;
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'workspace', 'sidebar');

function makeWorkspace(settings) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'workback-sidebar-ui-'));
  const folder = path.join(root, 'workspace');
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  cpSync(FIXTURES, path.join(folder, 'plans'), { recursive: true });
  return { root, folder };
}

/** The workspace's settings: today pinned, no auto save, and `extra` (who I am, the theme). */
function writeSettings(folder, extra) {
  writeFileSync(
    path.join(folder, '.vscode', 'settings.json'),
    JSON.stringify({ 'workback.today': '2026-07-01', 'files.autoSave': 'off', ...extra }, null, 2),
  );
}

/** A sidebar view (by its title). */
function pane(page, title) {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator(`.pane-header[aria-label^="${title}"]`) });
}

/** The rows of a sidebar view as `label | description` lines (spaces normalised). */
async function rows(page, title) {
  return pane(page, title)
    .locator('.monaco-list-row')
    .evaluateAll((els) =>
      els.map((el) => {
        const text = (sel) => (el.querySelector(sel)?.textContent || '').replace(/\s+/g, ' ').trim();
        return `${text('.label-name')} | ${text('.label-description')}`;
      }),
    );
}

/** A row of a view, by a text in it. */
function row(page, title, text) {
  return pane(page, title).locator('.monaco-list-row').filter({ hasText: text });
}

describe('the Workback sidebar in a real VS Code', function () {
  let ws;
  let vscode;
  let page;
  let pageErrors;
  let ok = false;

  before(async function () {
    mkdirSync(SHOTS, { recursive: true });
    ws = makeWorkspace({
      'workback.today': '2026-07-01',
      'workback.me': 'mira@sidebar.example',
      'files.autoSave': 'off',
    });
    vscode = await openWorkbench({
      folder: ws.folder,
      extension: EXTENSION,
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    });
    ({ page, pageErrors } = vscode);
  });

  after(async function () {
    if (vscode) await vscode.close({ ok, screenshot: path.join(SHOTS, 'sidebar-failure.png') });
    if (ws) rmSync(ws.root, { recursive: true, force: true });
  });

  it('the activity bar icon opens My Tasks and Follow-ups with my items; the status bar counts what is overdue', async function () {
    await page.locator('.activitybar .action-item a[aria-label^="Workback"]').click();
    // at the default width, a row leads with what matters: its title, then how late it is (a
    // title of 27 characters and "3 workdays late" take about 35 pixels more than the default
    // sidebar has: "3 workdays la…" is what shows, the dates and the plan are in the tooltip)
    const first = pane(page, 'My Tasks').locator('.monaco-list-row', { hasText: 'Write the landing page copy' });
    await first.waitFor();
    const urgency = await first.evaluate((el) => {
      const want = '3 work';
      const d = el.querySelector('.label-description');
      const walker = document.createTreeWalker(d, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.indexOf(want);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + want.length);
        const r = range.getBoundingClientRect();
        // the label's container clips the description (with an ellipsis)
        const clip = (d.closest('.monaco-icon-label-container') ?? d).getBoundingClientRect();
        return { right: r.right, visibleTo: Math.min(clip.right, el.getBoundingClientRect().right) };
      }
      return undefined;
    });
    assert.ok(urgency && urgency.right <= urgency.visibleTo, `how late, in view: ${JSON.stringify(urgency)}`);
    await page.screenshot({ path: path.join(SHOTS, 'sidebar-default-width.png') });
    // a wider sidebar, as people working from it make it (the default cuts descriptions short)
    const box = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(box.x + box.width + 1, 400);
    await page.mouse.down();
    await page.mouse.move(box.x + 560, 400, { steps: 5 });
    await page.mouse.up();
    // Both plans are indexed in the background: wait until the views show them both (a view
    // may render one plan's items first), then compare; on a timeout the last rows are compared.
    const expectedTasks = [
      'Overdue | 1',
      'Write the landing page copy | 3 workdays late · 7 workdays behind · start by Mon 22 Jun · finish by Fri 26 Jun · Website relaunch',
      'Late start | 1',
      'Pick the hero photos | start 2 workdays late · 2 workdays behind · start by Mon 29 Jun · finish by Fri 3 Jul · Website relaunch',
      'Due this week | 1',
      'Review the page with legal | slack 2 · start by Fri 3 Jul · finish by Fri 3 Jul · Website relaunch',
      'Later | 2',
      'Agree the floor plan | slack 5 · start by Wed 8 Jul · finish by Fri 10 Jul · Office move',
      'Launch the new site | slack 16 · start by Thu 30 Jul · finish by Fri 31 Jul · Website relaunch',
    ];
    const expectedFollowUps = [
      'Overdue | 2',
      'Registrar access? | 5 workdays late · escalated to Nora Vance · with Theo Brandt · Wed 24 Jun · Move the DNS records',
      'Check-in | 2 workdays late · with Nora Vance · Mon 29 Jun · Write the landing page copy',
      'Upcoming | 3',
      'Legal contact? | with Theo Brandt · Thu 2 Jul · Review the page with legal',
      'Budget approved? | with Theo Brandt · Fri 3 Jul · Book the movers',
      'Check-in | with Nora Vance · Mon 6 Jul · Pick the hero photos',
    ];
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    let myTasks = [];
    let followUps = [];
    await waitFor(
      async () => {
        myTasks = await rows(page, 'My Tasks');
        followUps = await rows(page, 'Follow-ups');
        return same(myTasks, expectedTasks) && same(followUps, expectedFollowUps);
      },
      'the My Tasks and Follow-ups rows of both plans',
      { timeout: 60000 },
    ).catch(() => undefined);
    for (const r of myTasks) console.log(`      my tasks: ${r}`);
    for (const r of followUps) console.log(`      follow-ups: ${r}`);
    assert.deepEqual(myTasks, expectedTasks);
    assert.deepEqual(followUps, expectedFollowUps);

    const status = page.locator('.part.statusbar .statusbar-item').filter({ hasText: '3 overdue' });
    await status.waitFor();
    // the badge on the activity bar icon: the views' badges added up (1 task, 2 follow-ups overdue)
    // (the workbench draws it after the status bar item: wait for it to settle, then compare)
    const badgeLocator = page
      .locator('.activitybar .action-item')
      .filter({ has: page.locator('a[aria-label^="Workback"]') })
      .locator('.badge-content');
    let badge = '';
    await waitFor(async () => (badge = (await badgeLocator.innerText()).trim()) === '3', 'the activity bar badge', {
      timeout: 20000,
    }).catch(() => undefined);
    assert.equal(badge, '3');

    // hover a task: its inline buttons (start, mark done) show; the tooltip has the details
    const photos = row(page, 'My Tasks', 'Pick the hero photos');
    await hoverUntilVisible(photos, photos.locator('.actions .action-label[aria-label="Mark Task Done"]'));
    await photos.locator('.actions .action-label[aria-label="Start Task"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'sidebar-mytasks.png') });
    await page.locator('.part.statusbar').screenshot({ path: path.join(SHOTS, 'sidebar-statusbar.png') });
  });

  it('a follow-up row: its tooltip and its inline button; the Follow-ups view in a screenshot', async function () {
    const registrar = row(page, 'Follow-ups', 'Registrar access?');
    await hoverUntilVisible(registrar, registrar.locator('.actions .action-label[aria-label="Mark Follow-up Done"]'));
    const hover = page
      .locator('.monaco-hover')
      .filter({ hasText: 'Follow-up with Mira Ruiz (you) on Wed 24 Jun 2026' })
      .first();
    await hover.waitFor({ timeout: 15000 });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Task: Move the DNS records \(owner Theo Brandt\)/);
    assert.match(text, /Escalated to Nora Vance/);
    await page.screenshot({
      path: path.join(SHOTS, 'sidebar-followups.png'),
      clip: { x: 0, y: 0, width: 1100, height: 900 },
    });
    await page.mouse.move(700, 450);
  });

  it('a click shows the task in its plan; the inline button marks it done in the file', async function () {
    await row(page, 'My Tasks', 'Review the page with legal').click();
    await page.locator('.tabs-container .tab[aria-label^="website.workback.yaml"]').waitFor();
    const selected = await waitFor(
      () =>
        page.evaluate(
          () => window.getSelection()?.toString() || document.querySelector('.monaco-editor .selected-text') !== null,
        ),
      'a selection in the editor',
    );
    assert.ok(selected);
    const review = row(page, 'My Tasks', 'Review the page with legal');
    await (
      await hoverUntilVisible(review, review.locator('.actions .action-label[aria-label="Mark Task Done"]'))
    ).click();
    const file = path.join(ws.folder, 'plans', 'website.workback.yaml');
    await waitFor(
      () =>
        /id: review\n {8}title: "Review the page with legal"\n {8}owner: mira\n {8}duration: 1d\n {8}due: 2026-07-03\n {8}status: done\n {8}done_on: 2026-07-01\n/.test(
          readFileSync(file, 'utf8'),
        ),
      'review done in the file',
    );
    await waitFor(
      async () => !(await rows(page, 'My Tasks')).some((r) => r.includes('Review the page with legal')),
      'the task to leave My Tasks',
    );
  });

  it('the method: Escalated to me, Put in place, To review, in light and dark; Mark Reviewed writes the file', async function () {
    const settings = (me, theme) => writeSettings(ws.folder, { 'workback.me': me, 'workbench.colorTheme': theme });
    settings('casey@sidebar.example', 'Default Light Modern');
    const escalated = [
      'Escalated to me | 1',
      'Patch the VPN appliances | tier 2 of 2 · not started · start 3 workdays late · owner Omar Haddad · p1 · VPN hardening',
    ];
    await waitFor(
      async () => JSON.stringify(await rows(page, 'My Tasks')) === JSON.stringify(escalated),
      "Casey's view",
    );
    await page.locator('.part.sidebar').screenshot({ path: path.join(SHOTS, 'sidebar-escalated-light.png') });
    settings(['omar@sidebar.example', 'rui@sidebar.example'], 'Default Dark Modern');
    const method = [
      'Late start | 1',
      'Patch the VPN appliances | start 3 workdays late · 3 workdays behind · start by Fri 26 Jun · finish by Thu 2 Jul · VPN hardening',
      'Put in place | 1',
      'Put in place: Block the VPN admin portal at the firewall (for Patch the VPN appliances) | start 3 workdays late · p1 · VPN hardening',
      'To review | 1',
      'Review: Write the VPN runbook | done Mon 29 Jun · 2 workdays late · VPN hardening',
    ];
    await waitFor(
      async () => JSON.stringify(await rows(page, 'My Tasks')) === JSON.stringify(method),
      "Omar and Rui's view",
    );
    await page.locator('.part.sidebar').screenshot({ path: path.join(SHOTS, 'sidebar-method-dark.png') });
    const review = row(page, 'My Tasks', 'Review: Write the VPN runbook');
    await (
      await hoverUntilVisible(review, review.locator('.actions .action-label[aria-label="Mark Reviewed"]'))
    ).click();
    const file = path.join(ws.folder, 'plans', 'vpn.workback.yaml');
    await waitFor(
      () => /review_by: rui\n {8}reviewed_on: 2026-07-01\n/.test(readFileSync(file, 'utf8')),
      'reviewed_on in the file',
    );
    await waitFor(
      async () => !(await rows(page, 'My Tasks')).some((r) => r.startsWith('To review')),
      'the review to leave My Tasks',
    );
  });

  it('Workback: Status Report opens the report in the Markdown preview', async function () {
    await runCommand(page, 'Workback: Status Report');
    const tab = page.locator('.tabs-container .tab[aria-label*="Status report"]');
    await tab.first().waitFor({ timeout: 30000 });
    // the preview is a webview: wait for its heading inside the frame
    const heading = await waitFor(async () => {
      for (const f of page.frames()) {
        const h = await f
          .locator('h1')
          .first()
          .textContent({ timeout: 200 })
          .catch(() => undefined);
        if (h && /^Status report, Wed 1 Jul 2026/.test(h)) return h;
      }
      return undefined;
    }, 'the report in the preview');
    assert.match(heading, /^Status report, Wed 1 Jul 2026/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'status-report-dark.png') });
  });

  it('the Workload view: a person overbooked only across plans, in light and dark', async function () {
    const plan = (title, id, email, task, due) =>
      `workback: 1\ntitle: ${title}\ngoal: { outcome: O, measure: M, due: ${due}, owner: ${id} }\n` +
      `people:\n  ${id}: { name: Priya Nair, email: ${email} }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - ${task}\n`;
    writeFileSync(
      path.join(ws.folder, 'plans', 'edr.workback.yaml'),
      plan(
        'EDR',
        'priya',
        'priya@msp.example',
        '{ id: agents, title: Push the EDR agents, owner: priya, duration: 5d }',
        '2026-07-10',
      ),
    );
    writeFileSync(
      path.join(ws.folder, 'plans', 'siem.workback.yaml'),
      plan(
        'SIEM',
        'pnair',
        'PRIYA@msp.example',
        '{ id: firewalls, title: Connect the firewalls, owner: pnair, duration: 3d }',
        '2026-07-08',
      ),
    );
    for (const [theme, shot] of [
      ['Default Light Modern', 'sidebar-workload-light.png'],
      ['Default Dark Modern', 'sidebar-workload-dark.png'],
    ]) {
      writeSettings(ws.folder, { 'workback.me': 'mira@sidebar.example', 'workbench.colorTheme': theme });
      for (const title of ['My Tasks', 'Follow-ups']) {
        const header = pane(page, title).locator('.pane-header');
        if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
      }
      const workload = pane(page, 'Workload').locator('.pane-header');
      if ((await workload.getAttribute('aria-expanded')) !== 'true') await workload.click();
      await waitFor(async () => {
        const r = await rows(page, 'Workload');
        return (
          r.includes('Priya Nair | capacity 1 · overbooked 3 workdays') &&
          r.includes('Week of Mon 6 Jul 2026 | 2 tasks · overbooked Mon 6 – Wed 8 Jul 2026') &&
          r.some((x) => x.startsWith('Connect the firewalls | firewalls · Mon 6 – Wed 8 Jul 2026 · '))
        );
      }, 'Priya overbooked in the Workload view');
      const kind = theme.includes('Light') ? 'vs' : 'vs-dark';
      await waitFor(
        () => page.evaluate((k) => document.querySelector('.monaco-workbench')?.classList.contains(k), kind),
        `the ${theme} theme`,
      );
      await page.locator('.part.sidebar').screenshot({ path: path.join(SHOTS, shot) });
    }
    const task = row(page, 'Workload', 'Connect the firewalls');
    await task.click();
    await page.locator('.tabs-container .tab[aria-label*="siem.workback.yaml"]').first().waitFor();
    // the views as the next test expects them
    await pane(page, 'Workload').locator('.pane-header').click();
    for (const title of ['My Tasks', 'Follow-ups']) await pane(page, title).locator('.pane-header').click();
  });

  it('asks who you are when nobody matches', async function () {
    writeSettings(ws.folder, { 'workback.me': 'nobody@example.org' });
    const button = page
      .locator('.part.sidebar .welcome-view a, .part.sidebar .welcome-view .monaco-button')
      .filter({ hasText: 'Set Who I Am' })
      .first();
    await button.waitFor({ timeout: 30000 });
    await page.locator('.part.sidebar').screenshot({ path: path.join(SHOTS, 'sidebar-welcome.png') });
    assert.deepEqual(pageErrors, [], 'no page errors');
    ok = true;
  });
});
