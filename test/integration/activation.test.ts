import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { planSummary } from '../../src/core';
import { checkSummaryText, type CheckCounts } from '../../src/shared/checkSummary';
import { EXTENSION_ID, fixture, getApi, waitFor } from './helpers';

// First file in the run: nothing has opened a plan or a view yet.
describe('activation', () => {
  it('activates without parsing anything, then indexes the workspace at once, in the background', async () => {
    const planOpen = (): boolean => vscode.workspace.textDocuments.some((d) => d.languageId === 'workback');
    assert.equal(planOpen(), false, 'no plan may be open yet');
    // workspaceContains:**/*.workback.{yaml,yml} activates it: nobody calls activate() here
    await waitFor(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'activation by workspaceContains');
    const api = await getApi();
    assert.ok(api.activationMs >= 0 && api.activationMs < 500, `activate took ${api.activationMs} ms`);
    console.log(`    activate() took ${api.activationMs.toFixed(1)} ms`);
    // no view shown, no plan opened, no command run: the index starts by itself
    await waitFor(() => api.planIndex.started, 'the workspace index to start by itself');
    await api.planIndex.whenIdle();
    const s = api.sidebar;
    assert.equal(s.myTasksView.visible || s.followUpsView.visible, false, 'no Workback view was shown');
    assert.equal(planOpen(), false, 'still no plan open');
    assert.ok(api.planIndex.size >= 5, `${api.planIndex.size} plans indexed`);
    // the Problems panel: a plan nobody opened has its problems listed
    const never = fixture('plans', 'never-opened.workback.yaml').toString();
    const listed = await waitFor(
      () => vscode.languages.getDiagnostics().find(([u]) => u.toString() === never)?.[1].length,
      'the problems of a plan nobody opened',
    );
    assert.ok(listed > 0);
    // the overdue item and the badges, for the person of the workspace's settings
    await s.whenFresh();
    assert.equal(vscode.workspace.getConfiguration('workback').get('me'), 'mira@sidebar.example');
    assert.deepEqual(s.statusItem.shown, {
      text: '$(warning) 3 overdue',
      tooltip: 'Workback: 1 task and 2 follow-ups of yours are overdue. Click to see them.',
    });
    assert.deepEqual(s.myTasksView.badge, { value: 1, tooltip: '1 overdue task' });
    assert.deepEqual(s.followUpsView.badge, { value: 2, tooltip: '2 overdue follow-ups' });
    // while plans are still being read, the item says so, and a click shows the views
    const empty = { ...s.model.snapshot, overdueTasks: 0, overdueFollowUps: 0 };
    s.statusItem.update(empty, 'reading plans: 3 of 6');
    assert.deepEqual(s.statusItem.shown, {
      text: '$(sync~spin) reading plans: 3 of 6',
      tooltip: 'Workback is reading plans: 3 of 6: problems and overdue items follow.',
    });
    assert.equal(s.statusItem.item.command, 'workbench.view.extension.workback');
    s.statusItem.update(s.model.snapshot, 'reading plans: 5 of 6'); // what is overdue already counts more
    assert.equal(s.statusItem.shown?.text, '$(warning) 3 overdue');
    assert.equal(s.statusItem.item.command, 'workback.showOverdue');
  });

  it('"Check All Plans" reads every plan again, then says how many have errors and what is overdue', async () => {
    const api = await getApi();
    const reads = api.planIndex.stats.reads;
    const said = await vscode.commands.executeCommand<{ counts: CheckCounts; text: string }>('workback.checkPlans');
    assert.ok(api.planIndex.stats.reads >= reads + api.planIndex.size, 'every plan read again from disk');
    const entries = api.planIndex.all();
    // the counts against the Problems panel and the core's own summary of each plan
    const withErrors = entries.filter((e) =>
      vscode.languages.getDiagnostics(e.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    ).length;
    let overdueTasks = 0;
    let overdueFollowUps = 0;
    for (const e of entries) {
      if (!e.result?.plan || !e.result.schedule) continue;
      const planFile = { file: e.uri.toString(), plan: e.result.plan, schedule: e.result.schedule };
      overdueTasks += planSummary(planFile, e.today).overdue;
      overdueFollowUps += planSummary(planFile, e.today).overdueFollowUps;
    }
    assert.deepEqual(said.counts, { plans: entries.length, withErrors, overdueTasks, overdueFollowUps });
    assert.ok(withErrors >= 1 && overdueTasks >= 1 && overdueFollowUps >= 2, JSON.stringify(said.counts));
    assert.equal(said.text, checkSummaryText(said.counts));
    assert.match(said.text, /^\d+ plans: \d+ with errors, \d+ overdue tasks?, \d+ overdue follow-ups?\.$/);
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['workback.showLog', 'workback.checkPlans']) assert.ok(all.includes(c), c);
  });

  it('runs in the real VS Code server extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.env.remoteName, 'remote (server) extension host');
  });
});
