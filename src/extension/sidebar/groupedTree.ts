/**
 * What the two sidebar trees share: groups of items built from the model's snapshot, at most
 * a limit of items per group and then "N more…", tooltips built on hover, and a redraw only
 * when what the tree shows changed (VS Code redraws the whole tree on every change event).
 * "My Tasks" and "Follow-ups" say how to build their groups and how an item looks.
 */
import * as vscode from 'vscode';
import type { SidebarModel } from './model';
import { GROUP_LIMIT, GROUP_LIMIT_STEP, limited, type MoreNode } from './nodes';
import type { SidebarSnapshot } from './snapshot';
import { moreItem } from './treeItems';

export interface GroupNode<N> {
  readonly kind: string;
  readonly name: string;
  readonly items: readonly N[];
}

export interface ItemNode {
  readonly kind: string;
  readonly uri: string;
  /** The name of its group. */
  readonly group: string;
}

export abstract class GroupedTreeProvider<G extends GroupNode<N>, N extends ItemNode>
  implements vscode.TreeDataProvider<G | N | MoreNode>, vscode.Disposable
{
  private readonly emitter = new vscode.EventEmitter<G | N | MoreNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Items shown per group before "N more…" (raised by a click on it). */
  readonly limits = new Map<string, number>();
  defaultLimit = GROUP_LIMIT;
  protected snapshot: SidebarSnapshot;
  private groupsOf: { snapshot: SidebarSnapshot; groups: G[] } | undefined;
  private readonly sub: vscode.Disposable;
  private shown = '';

  constructor(
    model: SidebarModel,
    private readonly view: MoreNode['view'],
  ) {
    this.snapshot = model.snapshot;
    this.sub = model.onDidChange((s) => {
      this.snapshot = s;
      const signature = this.signature();
      if (signature === this.shown) return;
      this.shown = signature;
      this.emitter.fire(undefined);
    });
  }

  /** The groups of the snapshot (built once per snapshot). */
  protected get groups(): G[] {
    if (this.groupsOf?.snapshot !== this.snapshot)
      this.groupsOf = { snapshot: this.snapshot, groups: this.build(this.snapshot) };
    return this.groupsOf.groups;
  }

  protected abstract build(s: SidebarSnapshot): G[];
  protected abstract groupItem(g: G): vscode.TreeItem;
  protected abstract item(n: N): vscode.TreeItem;
  protected abstract tooltip(n: N, relativePath: string): vscode.MarkdownString;
  /** What the tree shows of an item, as text: a change redraws the tree. */
  protected abstract shownAs(n: N): string;

  private isGroup(e: G | N | MoreNode): e is G {
    return (e as Partial<G>).items !== undefined;
  }

  private limit(group: string): number {
    return this.limits.get(group) ?? this.defaultLimit;
  }

  /** What the tree shows, as text: groups, counts, and each shown item. */
  private signature(): string {
    if (this.snapshot.state !== 'ready') return this.snapshot.state;
    const parts: string[] = [];
    for (const g of this.groups) {
      parts.push(`${g.name}:${g.items.length}`);
      for (const n of g.items.slice(0, this.limit(g.name))) parts.push(this.shownAs(n));
    }
    return parts.join('\u0001');
  }

  getChildren(element?: G | N | MoreNode): (G | N | MoreNode)[] {
    if (!element) return this.snapshot.state === 'ready' ? this.groups : [];
    if (!this.isGroup(element)) return [];
    return limited(element.items, this.limit(element.name), (hidden) => ({
      kind: 'more',
      view: this.view,
      group: element.name,
      hidden,
    }));
  }

  getTreeItem(element: G | N | MoreNode): vscode.TreeItem {
    if (this.isGroup(element)) return this.groupItem(element);
    if (element.kind === 'more') return moreItem(element as MoreNode);
    return this.item(element as N);
  }

  /** The tooltip, built when VS Code shows it (hover) rather than for every item of every refresh. */
  resolveTreeItem(item: vscode.TreeItem, element: G | N | MoreNode): vscode.TreeItem {
    if (!this.isGroup(element) && element.kind !== 'more') {
      const n = element as N;
      item.tooltip = this.tooltip(n, vscode.workspace.asRelativePath(vscode.Uri.parse(n.uri)));
    }
    return item;
  }

  getParent(element: G | N | MoreNode): G | undefined {
    if (this.isGroup(element)) return undefined;
    return this.groups.find((g) => g.name === element.group);
  }

  /** Show more of a long group. */
  showMore(group: string): void {
    this.limits.set(group, this.limit(group) + GROUP_LIMIT_STEP);
    this.emitter.fire(this.groups.find((g) => g.name === group));
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
