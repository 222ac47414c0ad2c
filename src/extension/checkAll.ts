/**
 * "Workback: Check All Plans in the Workspace": reads and checks every plan again from disk, with
 * a progress notification, then says what it found and offers the Problems panel.
 */
import * as vscode from 'vscode';
import { planSummary } from '../core';
import { checkSummaryText, type CheckCounts } from '../shared/checkSummary';
import type { PlanEntry, PlanIndex } from './planIndex';

/** Resolves with what was said once the checks are done (the message itself stays until closed). */
export async function checkAllPlans(
  planIndex: PlanIndex,
  log: vscode.LogOutputChannel,
): Promise<{ counts: CheckCounts; text: string }> {
  const counts = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Workback: checking the plans of the workspace' },
    async () => {
      await planIndex.start();
      planIndex.recheckAll(true);
      await planIndex.whenIdle();
      return countEntries(planIndex.all());
    },
  );
  const text = checkSummaryText(counts);
  log.info(`check all plans: ${text}`);
  const problems = 'Show Problems';
  const show = counts.withErrors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(`Workback: ${text}`, problems).then((pick) => {
    if (pick === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return { counts, text };
}

export function countEntries(entries: readonly PlanEntry[]): CheckCounts {
  const counts: CheckCounts = { plans: entries.length, withErrors: 0, overdueTasks: 0, overdueFollowUps: 0 };
  for (const e of entries) {
    if (e.diagnostics.some((d) => d.severity === 'error')) counts.withErrors++;
    const plan = e.result?.plan;
    const schedule = e.result?.schedule;
    if (!plan || !schedule) continue;
    const s = planSummary({ file: e.uri.toString(), plan, schedule }, e.today);
    counts.overdueTasks += s.overdue;
    counts.overdueFollowUps += s.overdueFollowUps;
  }
  return counts;
}
