/**
 * The "My Tasks" tree: my open tasks of every plan, grouped Overdue, Late start, Due this week,
 * Later (and Done); and what the plans ask of me beyond them: Escalated to me, Put in place
 * (interim controls), To review.
 */
import type * as vscode from 'vscode';
import { GroupedTreeProvider } from './groupedTree';
import type { SidebarModel } from './model';
import { actionNodeId, taskNodeId, type ActionNode, type MoreNode, type TaskGroupNode, type TaskNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { actionDescription, actionItem, actionTooltip } from './actionItems';
import { taskDescription, taskGroupItem, taskItem, taskTooltip } from './treeItems';

export type MyTasksElement = TaskGroupNode | TaskNode | ActionNode | MoreNode;

export class MyTasksProvider extends GroupedTreeProvider<TaskGroupNode, TaskNode | ActionNode> {
  private byId = new Map<string, TaskNode>();

  constructor(model: SidebarModel) {
    super(model, 'myTasks');
  }

  protected build(s: SidebarSnapshot): TaskGroupNode[] {
    this.byId = new Map();
    return s.taskGroups.map((g) => {
      const group: TaskGroupNode = { kind: 'taskGroup', name: g.name, items: [] };
      for (const entry of g.actions) {
        const plan = s.plans.get(entry.file)!.plan;
        group.items.push({ kind: 'action', uri: entry.file, plan, entry, group: g.name });
      }
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

  protected shownAs(n: TaskNode | ActionNode): string {
    if (n.kind === 'action') return [actionNodeId(n), actionDescription(n, this.snapshot.today)].join('\u0000');
    const { task, state } = n.entry;
    return [taskNodeId(n.uri, task.id), task.title, task.status, state, taskDescription(n, this.snapshot.today)].join(
      '\u0000',
    );
  }

  protected groupItem(g: TaskGroupNode): vscode.TreeItem {
    return taskGroupItem(g);
  }

  protected item(n: TaskNode | ActionNode): vscode.TreeItem {
    return n.kind === 'action' ? actionItem(n, this.snapshot.today) : taskItem(n, this.snapshot.today);
  }

  protected tooltip(n: TaskNode | ActionNode, relativePath: string): vscode.MarkdownString {
    return n.kind === 'action' ? actionTooltip(n, relativePath) : taskTooltip(n, this.snapshot.today, relativePath);
  }

  /** The node of a task as now shown, if any. */
  find(uri: string, taskId: string): TaskNode | undefined {
    void this.groups; // built for the current snapshot
    return this.byId.get(taskNodeId(uri, taskId));
  }
}
