/**
 * What the plans ask of a person beyond their tasks, in the real VS Code (today pinned to Wed 1
 * Jul 2026; test/fixtures/workspace/sidebar/vpn.workback.yaml): "Escalated to me" for the CISO,
 * "Put in place" for the interim control's owner, "To review" for the reviewer; their actions
 * write the plan; "Workback: Status Report" opens the report in the Markdown preview.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditOutcome } from '../../src/extension/edits/applyPlanEdit';
import type { SidebarApi } from '../../src/extension/sidebar';
import type { ActionNode } from '../../src/extension/sidebar/nodes';
import { REPORT_URI } from '../../src/extension/statusReport';
import { fixture, getApi, setSetting, waitFor } from './helpers';
import { beMe, render } from './sidebarHelpers';

const TMP = fixture('sidebar', 'tmp-method.workback.yaml');

function actionNode(s: SidebarApi, uri: vscode.Uri, kind: ActionNode['entry']['kind']): ActionNode | undefined {
  for (const g of s.myTasks.getChildren(undefined))
    for (const n of s.myTasks.getChildren(g))
      if (n.kind === 'action' && n.uri === uri.toString() && n.entry.kind === kind) return n;
  return undefined;
}

async function bytes(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('sidebar: escalated to me, interim controls, reviews; the status report', function () {
  this.timeout(60000);

  after(async () => {
    await setSetting('me', undefined);
    try {
      await vscode.workspace.fs.delete(TMP);
    } catch {
      // not written
    }
  });

  it('the CISO sees what was escalated to her, with its tier', async () => {
    const s = await beMe('casey@sidebar.example');
    assert.deepEqual(render(s.myTasks), [
      'Escalated to me (1)',
      '  Patch the VPN appliances — tier 2 of 2 · not started · start 3 workdays late · owner Omar Haddad · p1 · VPN hardening [flame] {action.escalated}',
    ]);
  });

  it('the task owner sees his late task, then the interim control to put in place', async () => {
    const s = await beMe('omar');
    assert.deepEqual(render(s.myTasks), [
      'Late start (1)',
      '  Patch the VPN appliances — start 3 workdays late · 3 workdays behind · start by Fri 26 Jun · finish by Thu 2 Jul · VPN hardening [warning] {task.todo}',
      'Put in place (1)',
      '  Put in place: Block the VPN admin portal at the firewall (for Patch the VPN appliances) — start 3 workdays late · p1 · VPN hardening [shield] {action.interim}',
    ]);
  });

  it('the reviewer sees the work to review; Mark Reviewed writes reviewed_on today, and the row goes', async () => {
    const original = (await bytes(fixture('sidebar', 'vpn.workback.yaml'))).replace(
      'title: VPN hardening',
      'title: VPN hardening (copy)',
    );
    await vscode.workspace.fs.writeFile(TMP, new TextEncoder().encode(original));
    const s = await beMe('rui');
    const node = await waitFor(() => actionNode(s, TMP, 'review'), 'the copy under To review');
    assert.deepEqual(render(s.myTasks).slice(0, 2), [
      'To review (2)',
      '  Review: Write the VPN runbook — done Mon 29 Jun · 2 workdays late · VPN hardening (copy) [eye] {action.review}',
    ]);
    const outcome = await vscode.commands.executeCommand<EditOutcome>('workback.markReviewed', node);
    assert.equal(outcome.status, 'applied', outcome.message);
    assert.equal(
      await bytes(TMP),
      original.replace('review_by: rui\n', 'review_by: rui\n        reviewed_on: 2026-07-01\n'),
    );
    await waitFor(() => !actionNode(s, TMP, 'review'), 'the review gone from My Tasks');
  });

  it('Mark Interim Control in Place writes in_place: true, and the row goes', async () => {
    const s = await beMe('omar');
    const node = await waitFor(() => actionNode(s, TMP, 'interim'), 'the copy under Put in place');
    const before = await bytes(TMP);
    const outcome = await vscode.commands.executeCommand<EditOutcome>('workback.markInterimInPlace', node);
    assert.equal(outcome.status, 'applied', outcome.message);
    assert.equal(
      await bytes(TMP),
      before.replace('          owner: omar\n', '          owner: omar\n          in_place: true\n'),
    );
    await waitFor(() => !actionNode(s, TMP, 'interim'), 'the control gone from My Tasks');
  });

  it('Status Report opens the Markdown preview of every plan; for one person, only theirs', async () => {
    await (await getApi()).planIndex.whenIdle();
    const all = await vscode.commands.executeCommand<string>('workback.statusReport');
    assert.match(all, /^# Status report, Wed 1 Jul 2026\n/);
    assert.match(all, /\n## VPN hardening\n/);
    assert.match(
      all,
      /- `patch-vpn` Patch the VPN appliances — start 3 workdays late; escalated to Casey Ito, tier 2 of 2\n/,
    );
    assert.equal((await vscode.workspace.openTextDocument(REPORT_URI)).getText(), all);
    await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputWebview && /Status report/.test(t.label)),
      'the Markdown preview of the report',
    );
    const rui = await vscode.commands.executeCommand<string>('workback.statusReport', { for: 'rui@sidebar.example' });
    assert.match(rui, /— for rui\\@sidebar\\\.example\n/);
    assert.match(rui, /\n## VPN hardening\n/);
    assert.doesNotMatch(rui, /## Website relaunch/, 'a plan that does not name Rui is left out');
  });
});
