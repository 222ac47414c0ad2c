/** The "Follow-ups" tree: follow-ups and check-ins I owe, overdue first, then upcoming. */
import type * as vscode from 'vscode';
import { GroupedTreeProvider } from './groupedTree';
import type { SidebarModel } from './model';
import { followUpNodeId, type FollowUpGroupNode, type FollowUpNode, type MoreNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { followUpDescription, followUpGroupItem, followUpItem, followUpLabel, followUpTooltip } from './treeItems';

export type FollowUpsElement = FollowUpGroupNode | FollowUpNode | MoreNode;

export class FollowUpsProvider extends GroupedTreeProvider<FollowUpGroupNode, FollowUpNode> {
  constructor(model: SidebarModel) {
    super(model, 'followUps');
  }

  protected build(s: SidebarSnapshot): FollowUpGroupNode[] {
    return s.followUpGroups.map((g) => ({
      kind: 'followUpGroup' as const,
      name: g.name,
      items: g.entries.map((entry): FollowUpNode => ({
        kind: 'followUp',
        uri: entry.file,
        plan: s.plans.get(entry.file)!.plan,
        entry,
        mine: s.mine.get(entry.file) ?? [],
        group: g.name,
      })),
    }));
  }

  protected shownAs(n: FollowUpNode): string {
    return [followUpNodeId(n), followUpLabel(n), followUpDescription(n, this.snapshot.today), n.entry.escalate].join(
      '\u0000',
    );
  }

  protected groupItem(g: FollowUpGroupNode): vscode.TreeItem {
    return followUpGroupItem(g);
  }

  protected item(n: FollowUpNode): vscode.TreeItem {
    return followUpItem(n, this.snapshot.today);
  }

  protected tooltip(n: FollowUpNode, relativePath: string): vscode.MarkdownString {
    return followUpTooltip(n, relativePath);
  }
}
