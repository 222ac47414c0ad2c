/** The "Follow-ups" tree: follow-ups and check-ins I owe, overdue first, then upcoming. */
import * as vscode from 'vscode';
import type { SidebarModel } from './model';
import type { FollowUpGroupNode, FollowUpNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { followUpGroupItem, followUpItem, followUpTooltip } from './treeItems';

export type FollowUpsElement = FollowUpGroupNode | FollowUpNode;

export class FollowUpsProvider implements vscode.TreeDataProvider<FollowUpsElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FollowUpsElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: FollowUpGroupNode[] = [];
  private snapshot: SidebarSnapshot;
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
    this.groups = s.followUpGroups.map((g) => ({
      kind: 'followUpGroup' as const,
      name: g.name,
      entries: g.entries.map((entry): FollowUpNode => ({
        kind: 'followUp', uri: entry.file, plan: s.plans.get(entry.file)!.plan, entry, mine: s.mine.get(entry.file) ?? [], group: g.name,
      })),
    }));
  }

  getChildren(element?: FollowUpsElement): FollowUpsElement[] {
    if (!element) return this.snapshot.state === 'ready' ? this.groups : [];
    return element.kind === 'followUpGroup' ? element.entries : [];
  }

  getTreeItem(element: FollowUpsElement): vscode.TreeItem {
    if (element.kind === 'followUpGroup') return followUpGroupItem(element);
    return followUpItem(element, this.snapshot.today);
  }

  /** The tooltip, built when VS Code shows it (hover) rather than for every item of every refresh. */
  resolveTreeItem(item: vscode.TreeItem, element: FollowUpsElement): vscode.TreeItem {
    if (element.kind === 'followUp') item.tooltip = followUpTooltip(element, vscode.workspace.asRelativePath(vscode.Uri.parse(element.uri)));
    return item;
  }

  getParent(element: FollowUpsElement): FollowUpsElement | undefined {
    return element.kind === 'followUp' ? this.groups.find((g) => g.name === element.group) : undefined;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
