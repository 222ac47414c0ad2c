/**
 * The sidebar's own commands: who am I, filter by plan, show done, refresh, show in plan, and
 * the status bar's "show overdue".
 */
import * as vscode from 'vscode';
import { LineIndex, formatDay, type Span, locateFollowUp, locateTask, type PlanEditRefused } from '../../core';
import { spanRange } from '../convert';
import type { PlanIndex } from '../planIndex';
import { displayText } from './displayText';
import type { FollowUpsElement } from './followUpsView';
import { meFromSetting, type IdentityResolver } from './identity';
import type { SidebarModel } from './model';
import type { MyTasksElement } from './myTasksView';
import { isFollowUpNode, isTaskNode } from './nodes';

export interface SidebarCommandDeps {
  model: SidebarModel;
  identity: IdentityResolver;
  planIndex: PlanIndex;
  myTasksView: vscode.TreeView<MyTasksElement>;
  followUpsView: vscode.TreeView<FollowUpsElement>;
  log: vscode.LogOutputChannel;
}

type PersonItem = vscode.QuickPickItem & { value?: string; action?: 'enter' | 'clear' };

export function registerSidebarCommands(deps: SidebarCommandDeps): vscode.Disposable {
  const { model } = deps;

  /** Pick a person of any plan (or type an id or email) and write it to `workback.me`. */
  const setMe = async (value?: unknown): Promise<string | undefined> => {
    let chosen: string | undefined = typeof value === 'string' ? value.trim() : undefined;
    if (chosen === undefined) {
      await deps.planIndex.start();
      const seen = new Map<string, PersonItem>();
      for (const e of deps.planIndex.all()) {
        const plan = e.result?.plan;
        if (!plan) continue;
        for (const p of plan.people.values()) {
          const v = p.email ?? p.id;
          const key = v.toLowerCase();
          const existing = seen.get(key);
          if (existing) {
            if (!existing.detail?.includes(plan.title)) existing.detail = displayText(`${existing.detail}, ${plan.title}`, 200);
            continue;
          }
          seen.set(key, { label: displayText(p.name, 80) || p.id, description: displayText(p.email ? `${p.email} · ${p.id}` : p.id, 120), detail: displayText(plan.title, 120), value: v });
        }
      }
      const current = meFromSetting(vscode.workspace.getConfiguration('workback').get('me'));
      const items: PersonItem[] = [...seen.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
      items.push({ label: '$(edit) Enter a person id or email…', action: 'enter', alwaysShow: true });
      if (current.length > 0) items.push({ label: '$(clear-all) Clear workback.me (use git user.email)', action: 'clear', alwaysShow: true });
      const picked = await vscode.window.showQuickPick(items, {
        title: 'Who are you in the plans?',
        placeHolder: current.length > 0 ? `Now: ${current.join(', ')}` : 'Pick yourself; Workback saves it in the workback.me setting',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!picked) return undefined;
      if (picked.action === 'clear') chosen = '';
      else if (picked.action === 'enter') {
        chosen = (await vscode.window.showInputBox({
          title: 'Who are you in the plans?',
          prompt: 'A person id of the plans or your email',
          validateInput: (v) => (v.trim() === '' ? 'Type an id or an email.' : v.length > 320 ? 'That is too long.' : undefined),
        }))?.trim();
        if (!chosen) return undefined;
      } else chosen = picked.value;
    }
    const cfg = vscode.workspace.getConfiguration('workback');
    const inspected = cfg.inspect('me');
    // The user's settings, unless the workspace sets its own value (which would win).
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await cfg.update('me', chosen === '' ? undefined : chosen, target);
    return chosen;
  };

  const filterPlan = async (uri?: unknown): Promise<void> => {
    if (typeof uri === 'string' || uri instanceof vscode.Uri) {
      model.planFilter = uri.toString();
      return;
    }
    const s = await model.whenFresh();
    type Item = vscode.QuickPickItem & { uri?: string };
    const items: Item[] = [{ label: '$(list-flat) All plans', uri: undefined }];
    for (const file of s.mine.keys()) {
      const pf = s.plans.get(file)!;
      items.push({ label: displayText(pf.plan.title, 120), description: vscode.workspace.asRelativePath(vscode.Uri.parse(file)), uri: file, picked: file === model.planFilter });
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Show the tasks of one plan', placeHolder: 'A plan, or all of them', matchOnDescription: true });
    if (picked) model.planFilter = picked.uri;
  };

  const revealInPlan = async (node?: unknown): Promise<boolean> => {
    const n = node ?? deps.myTasksView.selection[0] ?? deps.followUpsView.selection[0];
    if (!isTaskNode(n) && !isFollowUpNode(n)) return false;
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
      found = locateFollowUp(text, { taskId: n.entry.task.id, index: n.entry.index, on: formatDay(n.entry.on), with: n.entry.with });
    } else {
      found = locateTask(text, isTaskNode(n) ? n.entry.task.id : n.entry.task.id);
    }
    const selection = found.ok ? spanRange(new LineIndex(text), found.span) : undefined;
    const editor = await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true, ...(selection ? { selection } : {}) });
    if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    else if (!found.ok) void vscode.window.showWarningMessage(`Workback: ${found.message.replace(/; nothing was changed\.?/, '.')}`);
    return found.ok;
  };

  const showOverdue = async (): Promise<void> => {
    const s = model.snapshot;
    const view = s.overdueTasks === 0 && s.overdueFollowUps > 0 ? 'workback.followUps' : 'workback.myTasks';
    if (model.planFilter !== undefined) model.planFilter = undefined;
    await vscode.commands.executeCommand(`${view}.focus`);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('workback.setMe', setMe),
    vscode.commands.registerCommand('workback.filterPlan', filterPlan),
    vscode.commands.registerCommand('workback.clearPlanFilter', () => { model.planFilter = undefined; }),
    vscode.commands.registerCommand('workback.showDone', () => { model.showDone = !model.showDone; }),
    vscode.commands.registerCommand('workback.hideDone', () => { model.showDone = false; }),
    vscode.commands.registerCommand('workback.refreshSidebar', async () => {
      deps.identity.invalidate();
      await deps.planIndex.start();
      return model.whenFresh();
    }),
    vscode.commands.registerCommand('workback.revealInPlan', revealInPlan),
    vscode.commands.registerCommand('workback.showOverdue', showOverdue),
  );
}
