/** The "My Tasks" tree: my open tasks of every plan, grouped Overdue, Late start, Due this week, Later (and Done). */
import * as vscode from 'vscode';
import type { SidebarModel } from './model';
import { taskNodeId, type TaskGroupNode, type TaskNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { taskGroupItem, taskItem, taskTooltip } from './treeItems';

export type MyTasksElement = TaskGroupNode | TaskNode;

export class MyTasksProvider implements vscode.TreeDataProvider<MyTasksElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<MyTasksElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: TaskGroupNode[] = [];
  private snapshot: SidebarSnapshot;
  private readonly byId = new Map<string, TaskNode>();
  private readonly sub: vscode.Disposable;

  constructor(model: SidebarModel) {
    this.snapshot = model.snapshot;
    this.build(model.snapshot);
    this.sub = model.onDidChange((s) => {
      this.build(s);
      this.emitter.fire(undefined);
    });
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
    return element.kind === 'taskGroup' ? element.tasks : [];
  }

  getTreeItem(element: MyTasksElement): vscode.TreeItem {
    if (element.kind === 'taskGroup') return taskGroupItem(element);
    return taskItem(element, this.snapshot.today);
  }

  /** The tooltip, built when VS Code shows it (hover) rather than for every item of every refresh. */
  resolveTreeItem(item: vscode.TreeItem, element: MyTasksElement): vscode.TreeItem {
    if (element.kind === 'task') item.tooltip = taskTooltip(element, this.snapshot.today, vscode.workspace.asRelativePath(vscode.Uri.parse(element.uri)));
    return item;
  }

  getParent(element: MyTasksElement): MyTasksElement | undefined {
    return element.kind === 'task' ? this.groups.find((g) => g.name === element.group) : undefined;
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
