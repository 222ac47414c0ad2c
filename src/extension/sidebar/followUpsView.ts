/** The "Follow-ups" tree: follow-ups and check-ins I owe, overdue first, then upcoming. */
import * as vscode from 'vscode';
import type { SidebarModel } from './model';
import { followUpNodeId, GROUP_LIMIT, GROUP_LIMIT_STEP, limited, type FollowUpGroupNode, type FollowUpNode, type MoreNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { followUpDescription, followUpGroupItem, followUpItem, followUpLabel, followUpTooltip, moreItem } from './treeItems';

export type FollowUpsElement = FollowUpGroupNode | FollowUpNode | MoreNode;

export class FollowUpsProvider implements vscode.TreeDataProvider<FollowUpsElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FollowUpsElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: FollowUpGroupNode[] = [];
  private snapshot: SidebarSnapshot;
  private readonly sub: vscode.Disposable;
  private shown = '';
  /** Items shown per group before "N more…" (raised by a click on it). */
  readonly limits = new Map<string, number>();
  defaultLimit = GROUP_LIMIT;

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

  /** What the tree shows, as text: groups, counts, and each shown item's id, label and description. */
  private signature(): string {
    if (this.snapshot.state !== 'ready') return this.snapshot.state;
    const parts: string[] = [];
    for (const g of this.groups) {
      parts.push(`${g.name}:${g.entries.length}`);
      for (const n of g.entries.slice(0, this.limits.get(g.name) ?? this.defaultLimit)) {
        parts.push(`${followUpNodeId(n)}\u0000${followUpLabel(n)}\u0000${followUpDescription(n, this.snapshot.today)}\u0000${n.entry.escalate}`);
      }
    }
    return parts.join('\u0001');
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
    if (element.kind !== 'followUpGroup') return [];
    const limit = this.limits.get(element.name) ?? this.defaultLimit;
    return limited(element.entries, limit, (hidden) => ({ kind: 'more', view: 'followUps', group: element.name, hidden }));
  }

  getTreeItem(element: FollowUpsElement): vscode.TreeItem {
    if (element.kind === 'followUpGroup') return followUpGroupItem(element);
    if (element.kind === 'more') return moreItem(element);
    return followUpItem(element, this.snapshot.today);
  }

  /** Show more of a long group. */
  showMore(group: string): void {
    this.limits.set(group, (this.limits.get(group) ?? this.defaultLimit) + GROUP_LIMIT_STEP);
    this.emitter.fire(this.groups.find((g) => g.name === group));
  }

  /** The tooltip, built when VS Code shows it (hover) rather than for every item of every refresh. */
  resolveTreeItem(item: vscode.TreeItem, element: FollowUpsElement): vscode.TreeItem {
    if (element.kind === 'followUp') item.tooltip = followUpTooltip(element, vscode.workspace.asRelativePath(vscode.Uri.parse(element.uri)));
    return item;
  }

  getParent(element: FollowUpsElement): FollowUpsElement | undefined {
    if (element.kind === 'followUpGroup') return undefined;
    return this.groups.find((g) => g.name === element.group);
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
