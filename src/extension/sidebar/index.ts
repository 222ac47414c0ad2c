/**
 * The Workback sidebar: the "My Tasks" and "Follow-ups" views, the overdue status bar item and
 * their commands, over the plan index. Indexing the workspace starts in the background right
 * after activation (which itself parses nothing), so that problems, the badges and the overdue
 * item appear without any view or plan being opened; the status item says so while it reads.
 */
import * as vscode from 'vscode';
import { formatDayHuman } from '../../core';
import { registerCommands } from '../commandTable';
import { editCommands } from './editCommands';
import type { PlanIndex } from '../planIndex';
import type { TodayClock } from '../today';
import { sidebarCommands } from './commands';
import { FollowUpsProvider, type FollowUpsElement } from './followUpsView';
import { IdentityResolver } from './identity';
import { SidebarModel } from './model';
import { MyTasksProvider, type MyTasksElement } from './myTasksView';
import type { SidebarNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { OverdueStatusItem } from './statusBar';
import { WorkloadProvider, type WorkloadNode } from './workloadView';
import { groupDigits, plural } from '../../shared/wording';

export const MY_TASKS_VIEW = 'workback.myTasks';
export const FOLLOW_UPS_VIEW = 'workback.followUps';
export const WORKLOAD_VIEW = 'workback.workload';

export interface SidebarDeps {
  planIndex: PlanIndex;
  today: TodayClock;
  log: vscode.LogOutputChannel;
}

export interface SidebarApi {
  readonly model: SidebarModel;
  readonly identity: IdentityResolver;
  readonly myTasks: MyTasksProvider;
  readonly followUps: FollowUpsProvider;
  readonly myTasksView: vscode.TreeView<MyTasksElement>;
  readonly followUpsView: vscode.TreeView<FollowUpsElement>;
  readonly workload: WorkloadProvider;
  readonly workloadView: vscode.TreeView<WorkloadNode>;
  readonly statusItem: OverdueStatusItem;
  /** Resolves once the views show the plans as they are now. */
  whenFresh(): Promise<SidebarSnapshot>;
}

/** While the workspace is read: "reading plans: 340 of 1,000" (the views fill in meanwhile). */
export function readingProgress(
  indexing: boolean,
  index: { readonly filesFound: number; readonly size: number },
): string | undefined {
  if (!indexing || index.filesFound === 0) return undefined;
  const read = Math.min(index.size, index.filesFound);
  return `reading plans: ${groupDigits(read)} of ${groupDigits(index.filesFound)}`;
}

export function registerSidebar(context: vscode.ExtensionContext, deps: SidebarDeps): SidebarApi {
  const identity = new IdentityResolver();
  const model = new SidebarModel({ ...deps, identity });
  const myTasks = new MyTasksProvider(model);
  const followUps = new FollowUpsProvider(model);
  const myTasksView = vscode.window.createTreeView(MY_TASKS_VIEW, { treeDataProvider: myTasks });
  const followUpsView = vscode.window.createTreeView(FOLLOW_UPS_VIEW, { treeDataProvider: followUps });
  const workload = new WorkloadProvider(deps.planIndex, deps.today);
  const workloadView = vscode.window.createTreeView(WORKLOAD_VIEW, { treeDataProvider: workload });
  const statusItem = new OverdueStatusItem();
  let lastSelected: SidebarNode | undefined;

  // Indexing starts once activation is over, with a progress bar in the views and the status item.
  let started = false;
  const ensureStarted = (): void => {
    if (started) return;
    started = true;
    model.setIndexing(true);
    const work = deps.planIndex.start().then(() => deps.planIndex.whenIdle());
    for (const viewId of [MY_TASKS_VIEW, FOLLOW_UPS_VIEW, WORKLOAD_VIEW]) {
      void vscode.window.withProgress({ location: { viewId } }, () => work.catch(() => undefined));
    }
    work
      .then(
        () => deps.log.info(`sidebar: ${deps.planIndex.all().length} plan(s) indexed`),
        (e: unknown) => deps.log.error(`sidebar: indexing failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => model.setIndexing(false));
  };

  const contextKeys = new Map<string, unknown>();
  const setContext = (key: string, value: unknown): void => {
    if (contextKeys.get(key) === value) return;
    contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };

  const update = (s: SidebarSnapshot): void => {
    setContext('workback.sidebar.state', s.state);
    setContext('workback.sidebar.showDone', model.showDone);
    setContext('workback.sidebar.filtered', model.planFilter !== undefined);
    myTasksView.badge =
      s.shownOverdueTasks > 0
        ? { value: s.shownOverdueTasks, tooltip: `${plural(s.shownOverdueTasks, 'overdue task')}` }
        : undefined;
    followUpsView.badge =
      s.shownOverdueFollowUps > 0
        ? { value: s.shownOverdueFollowUps, tooltip: `${plural(s.shownOverdueFollowUps, 'overdue follow-up')}` }
        : undefined;
    const filtered = model.planFilter !== undefined ? s.plans.get(model.planFilter)?.plan.title : undefined;
    const asOf = deps.today.pinned ? `as of ${formatDayHuman(s.today, true)}` : undefined;
    const who = s.state === 'unmatched' ? `as ${model.identity.me.join(', ')}` : undefined;
    const description =
      [readingProgress(model.isIndexing, deps.planIndex), filtered, who, asOf]
        .filter((x): x is string => !!x)
        .join(' · ') || undefined;
    myTasksView.description = description;
    followUpsView.description = description;
    const broken =
      s.state === 'ready' && s.brokenMine > 0
        ? `${plural(s.brokenMine, 'plan')} with you in it ${s.brokenMine === 1 ? 'has' : 'have'} errors: not listed until fixed.`
        : undefined;
    myTasksView.message = broken && s.taskGroups.length > 0 ? broken : undefined;
    followUpsView.message = broken && s.followUpGroups.length > 0 ? broken : undefined;
    statusItem.update(s, model.isIndexing ? (readingProgress(true, deps.planIndex) ?? 'reading plans') : undefined);
  };

  const onVisible = (visible: boolean): void => {
    if (visible) ensureStarted();
  };

  context.subscriptions.push(
    identity,
    model,
    myTasks,
    followUps,
    myTasksView,
    followUpsView,
    workload,
    workloadView,
    statusItem,
    model.onDidChange(update),
    myTasksView.onDidChangeVisibility((e) => onVisible(e.visible)),
    followUpsView.onDidChangeVisibility((e) => onVisible(e.visible)),
    workloadView.onDidChangeVisibility((e) => onVisible(e.visible)),
    myTasksView.onDidChangeSelection((e) => {
      lastSelected = e.selection[0];
    }),
    followUpsView.onDidChangeSelection((e) => {
      lastSelected = e.selection[0];
    }),
    registerCommands([
      ...sidebarCommands({
        model,
        log: deps.log,
        identity,
        planIndex: deps.planIndex,
        myTasks,
        followUps,
        myTasksView,
        followUpsView,
      }),
      ...editCommands({ today: () => deps.today.today, snapshot: () => model.snapshot, selected: () => lastSelected }),
    ]),
  );
  update(model.snapshot);
  // after activate() returns: the extension host is answered first
  const soon = setTimeout(() => {
    if (vscode.workspace.workspaceFolders?.length) ensureStarted();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(soon) });
  if (myTasksView.visible || followUpsView.visible || workloadView.visible) ensureStarted();

  return {
    model,
    identity,
    myTasks,
    followUps,
    myTasksView,
    followUpsView,
    workload,
    workloadView,
    statusItem,
    whenFresh: () => model.whenFresh(),
  };
}
