/** The "My Tasks" tree: my open tasks of every plan, grouped Overdue, Late start, Due this week, Later (and Done). */
import type * as vscode from 'vscode';
import { GroupedTreeProvider } from './groupedTree';
import type { SidebarModel } from './model';
import { taskNodeId, type MoreNode, type TaskGroupNode, type TaskNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { taskDescription, taskGroupItem, taskItem, taskTooltip } from './treeItems';

export type MyTasksElement = TaskGroupNode | TaskNode | MoreNode;

export class MyTasksProvider extends GroupedTreeProvider<TaskGroupNode, TaskNode> {
  private byId = new Map<string, TaskNode>();

  constructor(model: SidebarModel) {
    super(model, 'myTasks');
  }

  protected build(s: SidebarSnapshot): TaskGroupNode[] {
    this.byId = new Map();
    return s.taskGroups.map((g) => {
      const group: TaskGroupNode = { kind: 'taskGroup', name: g.name, items: [] };
      for (const entry of g.tasks) {
        const node: TaskNode = {
          kind: 'task',
          uri: entry.file,
          plan: s.plans.get(entry.file)!.plan,
          entry,
          group: g.name,
        };
        group.items.push(node);
        this.byId.set(taskNodeId(entry.file, entry.task.id), node);
      }
      return group;
    });
  }

  protected shownAs(n: TaskNode): string {
    const { task, state } = n.entry;
    return [taskNodeId(n.uri, task.id), task.title, task.status, state, taskDescription(n, this.snapshot.today)].join(
      '\u0000',
    );
  }

  protected groupItem(g: TaskGroupNode): vscode.TreeItem {
    return taskGroupItem(g);
  }

  protected item(n: TaskNode): vscode.TreeItem {
    return taskItem(n, this.snapshot.today);
  }

  protected tooltip(n: TaskNode, relativePath: string): vscode.MarkdownString {
    return taskTooltip(n, this.snapshot.today, relativePath);
  }

  /** The node of a task as now shown, if any. */
  find(uri: string, taskId: string): TaskNode | undefined {
    void this.groups; // built for the current snapshot
    return this.byId.get(taskNodeId(uri, taskId));
  }
}
