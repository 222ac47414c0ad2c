/** The "My Tasks" tree: my open tasks of every plan, grouped Overdue, Late start, Due this week, Later (and Done). */
import * as vscode from 'vscode';
import type { SidebarModel } from './model';
import { GROUP_LIMIT, GROUP_LIMIT_STEP, limited, taskNodeId, type MoreNode, type TaskGroupNode, type TaskNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { moreItem, taskDescription, taskGroupItem, taskItem, taskTooltip } from './treeItems';

export type MyTasksElement = TaskGroupNode | TaskNode | MoreNode;

export class MyTasksProvider implements vscode.TreeDataProvider<MyTasksElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<MyTasksElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: TaskGroupNode[] = [];
  private snapshot: SidebarSnapshot;
  private readonly byId = new Map<string, TaskNode>();
  /** Items shown per group before "N more…" (raised by a click on it). */
  readonly limits = new Map<string, number>();
  defaultLimit = GROUP_LIMIT;
  private readonly sub: vscode.Disposable;
  private shown = '';

  constructor(model: SidebarModel) {
    this.snapshot = model.snapshot;
    this.build(model.snapshot);
    this.sub = model.onDidChange((s) => {
      this.build(s);
      // VS Code redraws the whole tree on a change: only when what it shows did change.
      const signature = this.signature();
      if (signature === this.shown) return;
      this.shown = signature;
      this.emitter.fire(undefined);
    });
  }

  /** What the tree shows, as text: groups, counts, and each shown item's id, label, description and state. */
  private signature(): string {
    if (this.snapshot.state !== 'ready') return this.snapshot.state;
    const parts: string[] = [];
    for (const g of this.groups) {
      parts.push(`${g.name}:${g.tasks.length}`);
      for (const n of g.tasks.slice(0, this.limits.get(g.name) ?? this.defaultLimit)) {
        parts.push(`${taskNodeId(n.uri, n.entry.task.id)}\u0000${n.entry.task.title}\u0000${n.entry.task.status}\u0000${n.entry.state}\u0000${taskDescription(n, this.snapshot.today)}`);
      }
    }
    return parts.join('\u0001');
  }

  private build(s: SidebarSnapshot): void {
    this.snapshot = s;
    this.byId.clear();
    this.groups = s.taskGroups.map((g) => {
      const group: TaskGroupNode = { kind: 'taskGroup', name: g.name, tasks: [] };
      for (const entry of g.tasks) {
        const plan = s.plans.get(entry.file)!.plan;
        const node: TaskNode = { kind: 'task', uri: entry.file, plan, entry, group: g.name };
        group.tasks.push(node);
        this.byId.set(taskNodeId(entry.file, entry.task.id), node);
      }
      return group;
    });
  }

  getChildren(element?: MyTasksElement): MyTasksElement[] {
    if (!element) return this.snapshot.state === 'ready' ? this.groups : [];
    if (element.kind !== 'taskGroup') return [];
    const limit = this.limits.get(element.name) ?? this.defaultLimit;
    return limited(element.tasks, limit, (hidden) => ({ kind: 'more', view: 'myTasks', group: element.name, hidden }));
  }

  getTreeItem(element: MyTasksElement): vscode.TreeItem {
    if (element.kind === 'taskGroup') return taskGroupItem(element);
    if (element.kind === 'more') return moreItem(element);
    return taskItem(element, this.snapshot.today);
  }

  /** Show more of a long group. */
  showMore(group: string): void {
    this.limits.set(group, (this.limits.get(group) ?? this.defaultLimit) + GROUP_LIMIT_STEP);
    this.emitter.fire(this.groups.find((g) => g.name === group));
  }

  /** The tooltip, built when VS Code shows it (hover) rather than for every item of every refresh. */
  resolveTreeItem(item: vscode.TreeItem, element: MyTasksElement): vscode.TreeItem {
    if (element.kind === 'task') item.tooltip = taskTooltip(element, this.snapshot.today, vscode.workspace.asRelativePath(vscode.Uri.parse(element.uri)));
    return item;
  }

  getParent(element: MyTasksElement): MyTasksElement | undefined {
    if (element.kind === 'taskGroup') return undefined;
    return this.groups.find((g) => g.name === element.group);
  }

  /** The node of a task as now shown, if any. */
  find(uri: string, taskId: string): TaskNode | undefined {
    return this.byId.get(taskNodeId(uri, taskId));
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
