/**
 * The sidebar's own commands: who am I, filter by plan, show done, refresh, show in plan, show
 * more of a group, and the status bar's "show overdue".
 */
import * as vscode from 'vscode';
import {
  LineIndex,
  formatDay,
  type Span,
  locateFollowUp,
  locateItem,
  locateTask,
  type PlanEditRefused,
} from '../../core';
import type { CommandTable } from '../commandTable';
import { spanRange } from '../convert';
import type { PlanIndex } from '../planIndex';
import { displayText } from './displayText';
import type { FollowUpsElement, FollowUpsProvider } from './followUpsView';
import type { IdentityResolver } from './identity';
import type { SidebarModel } from './model';
import type { MyTasksElement, MyTasksProvider } from './myTasksView';
import { isActionNode, isFollowUpNode, isTaskNode, type MoreNode } from './nodes';
import { isWorkloadTaskNode } from './workloadView';
import { exportCalendar } from './exportCalendar';
import { setMe } from './setMe';
import type { SidebarSnapshot } from './snapshot';

export interface SidebarCommandDeps {
  model: SidebarModel;
  log: vscode.LogOutputChannel;
  identity: IdentityResolver;
  planIndex: PlanIndex;
  myTasks: MyTasksProvider;
  followUps: FollowUpsProvider;
  myTasksView: vscode.TreeView<MyTasksElement>;
  followUpsView: vscode.TreeView<FollowUpsElement>;
}

export function sidebarCommands(deps: SidebarCommandDeps): CommandTable {
  const { model } = deps;
  return [
    { id: 'workback.setMe', run: (value?: unknown) => setMe(deps.planIndex, value, model.identity.me) },
    { id: 'workback.filterPlan', run: (uri?: unknown) => filterPlan(model, uri) },
    {
      id: 'workback.clearPlanFilter',
      run: () => {
        model.planFilter = undefined;
      },
    },
    {
      id: 'workback.showDone',
      run: () => {
        model.showDone = !model.showDone;
      },
    },
    {
      id: 'workback.hideDone',
      run: () => {
        model.showDone = false;
      },
    },
    { id: 'workback.refreshSidebar', run: () => refresh(deps) },
    {
      id: 'workback.revealInPlan',
      run: (node?: unknown) => revealInPlan(node ?? deps.myTasksView.selection[0] ?? deps.followUpsView.selection[0]),
    },
    { id: 'workback.showOverdue', run: () => showOverdue(model) },
    { id: 'workback.showMore', run: (node?: unknown) => showMore(deps, node) },
    { id: 'workback.exportCalendar', run: (target?: unknown) => exportCalendar(deps, target) },
  ];
}

/** Show the tasks of one plan: the plan given, or the one picked (all plans: no filter). */
async function filterPlan(model: SidebarModel, uri?: unknown): Promise<void> {
  if (typeof uri === 'string' || uri instanceof vscode.Uri) {
    model.planFilter = uri.toString();
    return;
  }
  const s = await model.whenFresh();
  type Item = vscode.QuickPickItem & { uri?: string };
  const items: Item[] = [{ label: '$(list-flat) All plans', uri: undefined }];
  for (const file of s.mine.keys()) {
    const pf = s.plans.get(file)!;
    items.push({
      label: displayText(pf.plan.title, 120),
      description: vscode.workspace.asRelativePath(vscode.Uri.parse(file)),
      uri: file,
      picked: file === model.planFilter,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Show the tasks of one plan',
    placeHolder: 'A plan, or all of them',
    matchOnDescription: true,
  });
  if (picked) model.planFilter = picked.uri;
}

/** Who I am and the plans, found again; resolves with the views' new content. */
async function refresh(deps: SidebarCommandDeps): Promise<SidebarSnapshot> {
  deps.identity.invalidate();
  await deps.planIndex.start();
  return deps.model.whenFresh();
}

/** Open the plan of a task or follow-up and select it, found again in the document's current text. */
async function revealInPlan(n: unknown): Promise<boolean> {
  if (!isTaskNode(n) && !isFollowUpNode(n) && !isActionNode(n) && !isWorkloadTaskNode(n)) return false;
  const uri = vscode.Uri.parse(n.uri);
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(`Workback: ${vscode.workspace.asRelativePath(uri)} no longer exists.`);
    return false;
  }
  const text = doc.getText();
  let found: { ok: true; span: Span } | PlanEditRefused;
  if (isFollowUpNode(n) && n.entry.kind === 'follow-up' && n.entry.index !== undefined) {
    found = locateFollowUp(text, {
      taskId: n.entry.task.id,
      index: n.entry.index,
      on: formatDay(n.entry.on),
      with: n.entry.with,
    });
  } else if (isWorkloadTaskNode(n)) {
    found = locateTask(text, n.taskId);
  } else if (isActionNode(n)) {
    found = locateItem(text, n.entry.item.id); // found again in the text as it is now
  } else {
    found = locateTask(text, n.entry.task.id);
  }
  const selection = found.ok ? spanRange(new LineIndex(text), found.span) : undefined;
  const editor = await vscode.window.showTextDocument(doc, {
    preview: true,
    preserveFocus: true,
    ...(selection ? { selection } : {}),
  });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  else if (!found.ok)
    void vscode.window.showWarningMessage(`Workback: ${found.message.replace(/; nothing was changed\.?/, '.')}`);
  return found.ok;
}

/** The status bar item's click: the view with overdue work, unfiltered. */
async function showOverdue(model: SidebarModel): Promise<void> {
  const s = model.snapshot;
  const view = s.overdueTasks === 0 && s.overdueFollowUps > 0 ? 'workback.followUps' : 'workback.myTasks';
  if (model.planFilter !== undefined) model.planFilter = undefined;
  await vscode.commands.executeCommand(`${view}.focus`);
}

/** A group's "show more" row: the next items of that group. */
function showMore(deps: SidebarCommandDeps, n: unknown): void {
  if (typeof n !== 'object' || n === null || (n as MoreNode).kind !== 'more') return;
  const more = n as MoreNode;
  (more.view === 'myTasks' ? deps.myTasks : deps.followUps).showMore(more.group);
}
