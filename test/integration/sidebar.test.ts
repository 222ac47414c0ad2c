/**
 * The sidebar in the real VS Code: the exact groups and items of "My Tasks" and "Follow-ups"
 * for two people of the fixture plans (test/fixtures/workspace/sidebar/, today pinned to
 * Wed 1 Jul 2026), the badge and the status bar, show done, the plan filter, who-am-I, the
 * refresh after an external change and after the day rolls over, show in plan.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readingProgress } from '../../src/extension/sidebar';
import { followUps, tasksFor } from '../../src/core';
import { gitUserEmail } from '../../src/extension/sidebar/identity';
import { whoIAmItems } from '../../src/extension/sidebar/setMe';
import { computeSnapshot, groupOf, planPart } from '../../src/extension/sidebar/snapshot';
import { fixture, getApi, setSetting, waitFor } from './helpers';
import { beMe, render, sidebar } from './sidebarHelpers';

const MIRA_TASKS = [
  'Overdue (1)',
  '  Write the landing page copy — 3 workdays late · 7 workdays behind · start by Mon 22 Jun · finish by Fri 26 Jun · Website relaunch [error] {task.doing}',
  'Late start (1)',
  '  Pick the hero photos — start 2 workdays late · 2 workdays behind · start by Mon 29 Jun · finish by Fri 3 Jul · Website relaunch [warning] {task.todo}',
  'Due this week (1)',
  '  Review the page with legal — slack 2 · start by Fri 3 Jul · finish by Fri 3 Jul · Website relaunch [circle-large-outline] {task.todo}',
  'Later (2)',
  '  Agree the floor plan — slack 5 · start by Wed 8 Jul · finish by Fri 10 Jul · Office move [circle-large-outline] {task.todo}',
  '  Launch the new site — slack 16 · start by Thu 30 Jul · finish by Fri 31 Jul · Website relaunch [circle-large-outline] {task.todo}',
];

const MIRA_FOLLOW_UPS = [
  'Overdue (2)',
  '  Registrar access? — 5 workdays late · escalated to Nora Vance · with Theo Brandt · Wed 24 Jun · Move the DNS records [flame] {followUp}',
  '  Check-in — 2 workdays late · with Nora Vance · Mon 29 Jun · Write the landing page copy [bell-dot] {checkIn}',
  'Upcoming (3)',
  '  Legal contact? — with Theo Brandt · Thu 2 Jul · Review the page with legal [bell] {followUp}',
  '  Budget approved? — with Theo Brandt · Fri 3 Jul · Book the movers [bell] {followUp}',
  '  Check-in — with Nora Vance · Mon 6 Jul · Pick the hero photos [comment-discussion] {checkIn}',
];

describe('sidebar: My Tasks and Follow-ups', function () {
  this.timeout(60000);

  after(async () => {
    await setSetting('me', undefined);
    await setSetting('today', '2026-07-01');
    const api = await getApi();
    api.sidebar.model.showDone = false;
    api.sidebar.model.planFilter = undefined;
  });

  it('showing the Workback views starts the workspace index', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.workback');
    const api = await getApi();
    await waitFor(() => api.sidebar.myTasksView.visible, 'the My Tasks view to be visible');
    await waitFor(() => api.planIndex.started, 'the index to start');
    await api.planIndex.whenIdle();
    assert.ok(api.planIndex.get(fixture('sidebar', 'website.workback.yaml')), 'the sidebar fixtures are indexed');
    // every plan file the scan found is read; the views say how far reading is only meanwhile
    assert.ok(
      api.planIndex.filesFound >= 5 && api.planIndex.size >= api.planIndex.filesFound,
      `${api.planIndex.size} plans of ${api.planIndex.filesFound} found`,
    );
    await api.sidebar.whenFresh();
    assert.doesNotMatch(api.sidebar.myTasksView.description ?? '', /reading/);
    assert.equal(readingProgress(true, { filesFound: 1000, size: 340 }), 'reading plans: 340 of 1,000');
    assert.equal(
      readingProgress(true, { filesFound: 3, size: 5 }),
      'reading plans: 3 of 3',
      'open documents outside the scan do not count past it',
    );
    assert.equal(readingProgress(false, { filesFound: 1000, size: 340 }), undefined);
  });

  it('Mira (by email): her tasks in groups, her follow-ups, the badges and the status bar', async () => {
    const s = await beMe('mira@sidebar.example');
    assert.deepEqual(render(s.myTasks), MIRA_TASKS);
    assert.deepEqual(render(s.followUps), MIRA_FOLLOW_UPS);
    assert.deepEqual(s.myTasksView.badge, { value: 1, tooltip: '1 overdue task' });
    assert.deepEqual(s.followUpsView.badge, { value: 2, tooltip: '2 overdue follow-ups' });
    assert.deepEqual(s.statusItem.shown, {
      text: '$(warning) 3 overdue',
      tooltip: 'Workback: 1 task and 2 follow-ups of yours are overdue. Click to see them.',
    });
    assert.equal(s.myTasksView.description, 'as of Wed 1 Jul 2026');
    assert.equal(s.model.snapshot.state, 'ready');
  });

  it('Theo (by id): his tasks and follow-ups; the other side of a follow-up is named', async () => {
    const s = await beMe('theo');
    assert.deepEqual(render(s.myTasks), [
      'Overdue (1)',
      '  Book the movers — 1 workday late · 2 workdays behind · start by Mon 29 Jun · finish by Tue 30 Jun · Office move [error] {task.todo}',
      'Due this week (1)',
      '  Collect the keys — slack 1 · start by Thu 2 Jul · finish by Thu 2 Jul · Office move [play-circle] {task.doing}',
      'Later (1)',
      '  Move the DNS records — slack 3 · start by Mon 6 Jul · finish by Tue 7 Jul · Website relaunch [circle-slash] {task.blocked}',
    ]);
    assert.deepEqual(render(s.followUps), [
      'Overdue (1)',
      '  Registrar access? — 5 workdays late · escalated to Nora Vance · with Mira Ruiz · Wed 24 Jun · Move the DNS records [flame] {followUp}',
      'Upcoming (2)',
      '  Legal contact? — with Mira Ruiz · Thu 2 Jul · Review the page with legal [bell] {followUp}',
      '  Budget approved? — with Mira Ruiz · Fri 3 Jul · Book the movers [bell] {followUp}',
    ]);
    assert.deepEqual(s.statusItem.shown?.text, '$(warning) 2 overdue');
  });

  it('items have stable ids, inert tooltips and a command that shows them in their plan', async () => {
    const s = await beMe(['mira']);
    const overdue = s.myTasks.getChildren(undefined)[0]!;
    const task = s.myTasks.getChildren(overdue)[0]!;
    const item = s.myTasks.getTreeItem(task);
    assert.equal(item.id, `${fixture('sidebar', 'website.workback.yaml').toString()}#task/copy`);
    assert.equal(item.tooltip, undefined, 'the tooltip is built on hover');
    const tip = s.myTasks.resolveTreeItem(item, task).tooltip as vscode.MarkdownString;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.equal(tip.isTrusted, false);
    assert.equal(tip.supportHtml, false);
    assert.equal(tip.supportThemeIcons, false);
    const text = tip.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(
      text,
      /^\*\*Write the landing page copy\*\*\n\nPlan: Website relaunch \(sidebar\/website\.workback\.yaml\)\n/,
    );
    assert.match(text, /\n\nOverdue: 3 workdays past its latest finish\n\nEscalated to Nora Vance\n/);
    assert.match(text, /\n\nBehind: 7 workdays · on the critical path\n/);
    assert.deepEqual(item.command?.command, 'workback.revealInPlan');

    const found = await vscode.commands.executeCommand<boolean>('workback.revealInPlan', task);
    assert.equal(found, true);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), fixture('sidebar', 'website.workback.yaml').toString());
    assert.equal(editor.document.getText(editor.selection), 'copy');

    const fuGroup = s.followUps.getChildren(undefined)[0]!;
    const fu = s.followUps.getChildren(fuGroup)[0]!;
    await vscode.commands.executeCommand('workback.revealInPlan', fu);
    const e2 = vscode.window.activeTextEditor!;
    assert.equal(e2.document.getText(e2.selection), '2026-06-24');
    assert.equal(e2.document.lineAt(e2.selection.start.line).text.trim(), '- on: 2026-06-24');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('show done adds the Done group; the plan filter keeps one plan', async () => {
    const s = await beMe('mira@sidebar.example');
    await vscode.commands.executeCommand('workback.showDone');
    await s.whenFresh();
    assert.deepEqual(render(s.myTasks).slice(-2), [
      'Done (1)',
      '  Archive the old site — done Sat 20 Jun · Website relaunch [pass-filled] {task.done}',
    ]);
    await vscode.commands.executeCommand('workback.showDone'); // a toggle
    await s.whenFresh();
    assert.deepEqual(render(s.myTasks), MIRA_TASKS);

    await vscode.commands.executeCommand('workback.filterPlan', fixture('sidebar', 'office.workback.yaml'));
    await s.whenFresh();
    assert.deepEqual(render(s.myTasks), [
      'Later (1)',
      '  Agree the floor plan — slack 5 · start by Wed 8 Jul · finish by Fri 10 Jul · Office move [circle-large-outline] {task.todo}',
    ]);
    assert.deepEqual(render(s.followUps), [
      'Upcoming (1)',
      '  Budget approved? — with Theo Brandt · Fri 3 Jul · Book the movers [bell] {followUp}',
    ]);
    assert.equal(s.myTasksView.badge, undefined, 'no overdue task in this plan');
    assert.equal(s.statusItem.shown?.text, '$(warning) 3 overdue', 'the status bar counts every plan');
    await vscode.commands.executeCommand('workback.clearPlanFilter');
    await s.whenFresh();
    assert.deepEqual(render(s.myTasks), MIRA_TASKS);
  });

  it('nobody matching: empty views (the welcome view says so), no status bar item', async () => {
    const s = await beMe('nobody@example.org');
    assert.equal(s.model.snapshot.state, 'unmatched');
    assert.deepEqual(render(s.myTasks), []);
    assert.deepEqual(render(s.followUps), []);
    assert.equal(s.statusItem.shown, undefined);
    assert.equal(s.myTasksView.message, undefined, 'no message: the welcome view shows');
    assert.match(s.myTasksView.description ?? '', /as nobody@example\.org/);
  });

  it('without workback.me: the git user.email of the folder', async () => {
    const s = await beMe(undefined);
    let email: string | undefined;
    try {
      email =
        execFileSync('git', ['config', '--get', 'user.email'], {
          cwd: vscode.workspace.workspaceFolders![0]!.uri.fsPath,
          encoding: 'utf8',
        }).trim() || undefined;
    } catch {
      email = undefined;
    }
    assert.deepEqual(s.model.identity, email ? { me: [email], source: 'git' } : { me: [], source: 'none' });
    assert.equal(s.model.snapshot.state, email ? 'unmatched' : 'noMe');
  });

  it("gitUserEmail reads a repository's user.email, with a timeout, only on disk", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'workback-git-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      execFileSync('git', ['config', 'user.email', 'Mira@Sidebar.Example'], { cwd: dir });
      assert.equal(await gitUserEmail(vscode.Uri.file(dir), true), 'Mira@Sidebar.Example');
      assert.notEqual(
        await gitUserEmail(vscode.Uri.file(dir), false),
        'Mira@Sidebar.Example',
        "untrusted: the folder's config is not read",
      );
      assert.equal(await gitUserEmail(vscode.Uri.parse('vscode-vfs://github/x/y'), true), undefined);
      assert.equal(await gitUserEmail(vscode.Uri.file(path.join(dir, 'missing')), true), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("workback.setMe writes the setting (here the workspace's, which is set)", async () => {
    const s = await beMe('nobody@example.org');
    await vscode.commands.executeCommand('workback.setMe', 'theo');
    await waitFor(
      () => JSON.stringify(s.model.identity.me) === '["theo"]' && s.model.snapshot.state === 'ready',
      'theo',
    );
    assert.equal(vscode.workspace.getConfiguration('workback').inspect('me')?.workspaceValue, 'theo');
  });

  it('the identity picker shows who I am now first, marked', async () => {
    const api = await getApi();
    await api.planIndex.whenIdle();
    const items = whoIAmItems(api.planIndex, ['MIRA@sidebar.example']);
    assert.deepEqual(
      items.slice(0, 3).map((i) => [i.kind === vscode.QuickPickItemKind.Separator, i.label]),
      [
        [true, 'You now'],
        [false, '$(account) Mira Ruiz'],
        [true, 'People of the plans'],
      ],
    );
    assert.match(items[1]!.description ?? '', /· you now$/);
    assert.ok(items.slice(3).every((i) => !/you now/.test(i.description ?? '')));
    assert.ok(items.slice(3).some((i) => i.label === 'Theo Brandt'));
    // by id as well; nobody matching: no "You now" group
    assert.equal(whoIAmItems(api.planIndex, ['theo'])[1]!.label, '$(account) Theo Brandt');
    assert.equal(whoIAmItems(api.planIndex, ['nobody'])[0]!.kind, undefined);
  });

  it('refreshes when a plan that is not open changes on disk', async () => {
    const s = await beMe('mira');
    const uri = fixture('sidebar', 'tmp-external.workback.yaml');
    const text = `workback: 1
title: Newsletter
goal: { outcome: Sent, due: 2026-07-03, owner: mira }
people: { mira: { name: Mira Ruiz } }
milestones:
  - id: m
    title: M
    tasks:
      - { id: draft, title: Draft the newsletter, owner: mira, due: 2026-06-30 }
`;
    const changed = (): Promise<void> =>
      new Promise((resolve) => {
        const sub = s.myTasks.onDidChangeTreeData(() => {
          if (render(s.myTasks).some((l) => l.includes('Draft the newsletter'))) {
            sub.dispose();
            resolve();
          }
        });
      });
    try {
      const seen = changed();
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await seen;
      assert.deepEqual(render(s.myTasks).slice(0, 3), [
        'Overdue (2)',
        MIRA_TASKS[1],
        '  Draft the newsletter — 1 workday late · 1 workday behind · start by Tue 30 Jun · finish by Tue 30 Jun · Newsletter [error] {task.todo}',
      ]);
      await vscode.workspace.fs.writeFile(
        uri,
        new TextEncoder().encode(text.replace('due: 2026-06-30', 'due: 2026-07-02')),
      );
      await waitFor(
        () =>
          render(s.myTasks).some((l) => l.startsWith('  Draft the newsletter — ') && l.includes('start by Thu 2 Jul')),
        'the change on disk',
      );
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    await waitFor(
      () => !render(s.myTasks).some((l) => l.includes('Draft the newsletter')),
      'the deleted plan to leave the view',
    );
    assert.deepEqual(render(s.myTasks), MIRA_TASKS);
  });

  it('refreshes when the day changes', async () => {
    const s = await beMe('mira');
    await setSetting('today', '2026-07-06');
    try {
      const want = [
        'Overdue (3)',
        '  Write the landing page copy — 6 workdays late · 10 workdays behind · start by Mon 22 Jun · finish by Fri 26 Jun · Website relaunch [error] {task.doing}',
        '  Pick the hero photos — 1 workday late · 5 workdays behind · start by Mon 29 Jun · finish by Fri 3 Jul · Website relaunch [error] {task.todo}',
        '  Review the page with legal — 1 workday late · 1 workday behind · start by Fri 3 Jul · finish by Fri 3 Jul · Website relaunch [error] {task.todo}',
      ];
      // the first picture shown on the new day is already consistent (no slack of the old day)
      await waitFor(() => render(s.myTasks)[0] === 'Overdue (3)', 'Monday 6 July', 20000);
      assert.deepEqual(render(s.myTasks).slice(0, 4), want);
    } finally {
      await setSetting('today', '2026-07-01');
    }
    await waitFor(() => JSON.stringify(render(s.myTasks)) === JSON.stringify(MIRA_TASKS), 'back to 1 July', 20000);
  });

  it("merges the plans' parts in the order of the core's tasksFor and followUps", async () => {
    const api = await getApi();
    await sidebar();
    const files = api.planIndex
      .all()
      .flatMap((e) =>
        e.result?.plan && e.result.schedule
          ? [{ file: e.uri.toString(), plan: e.result.plan, schedule: e.result.schedule }]
          : [],
      );
    assert.ok(files.length >= 4);
    const key = (t: { file: string; task: { id: string } }): string => `${t.file}#${t.task.id}`;
    for (const me of [['mira'], ['theo@sidebar.example'], ['dana'], ['lee', 'ravi@msp.example', 'mira']]) {
      for (const offset of [0, 5, 20, 60]) {
        const today = api.today.today + offset;
        const snap = computeSnapshot({
          parts: files.map((f) => planPart(f, me, today)),
          broken: [],
          me,
          today,
          indexing: false,
          showDone: false,
          planFilter: undefined,
        });
        const all = tasksFor(files, me, today);
        for (const g of snap.taskGroups) {
          assert.deepEqual(
            g.tasks.map(key),
            all.filter((t) => groupOf(t, today) === g.name).map(key),
            `${me} +${offset} ${g.name}`,
          );
        }
        assert.equal(
          snap.taskGroups.reduce((n, g) => n + g.tasks.length, 0),
          all.length,
        );
        const fus = followUps(files, today, { me });
        assert.deepEqual(
          snap.followUpGroups.flatMap((g) => g.entries).map((f) => `${key(f)}/${f.kind}/${f.index}`),
          fus.map((f) => `${key(f)}/${f.kind}/${f.index}`),
          `${me} +${offset} follow-ups`,
        );
      }
    }
  });

  it('coalesces a burst of changes into one refresh', async () => {
    const s = await beMe('mira');
    await s.whenFresh();
    const before = s.model.stats.refreshes;
    for (let i = 0; i < 200; i++) s.model.scheduleRefresh();
    await s.whenFresh();
    assert.equal(s.model.stats.refreshes - before, 1);
  });

  it('a plan with errors that lists me is counted, not listed', async () => {
    const s = await beMe('mira');
    const uri = fixture('sidebar', 'tmp-broken.workback.yaml');
    try {
      await vscode.workspace.fs.writeFile(
        uri,
        new TextEncoder().encode(`workback: 1
title: Broken
goal: { outcome: O, due: 2026-07-03 }
people: { mira: { name: Mira Ruiz } }
milestones:
  - id: m
    title: M
    tasks:
      - { id: a, title: A, owner: nobody }
`),
      );
      await waitFor(() => s.model.snapshot.brokenMine === 1, 'the broken plan');
      assert.equal(s.myTasksView.message, '1 plan with you in it has errors: not listed until fixed.');
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    await waitFor(() => s.model.snapshot.brokenMine === 0, 'the broken plan gone');
    assert.equal(s.myTasksView.message, undefined);
  });
});
