/** The sidebar's trees as text, and the identity they show, for the sidebar's integration tests. */
import * as vscode from 'vscode';
import type { SidebarApi } from '../../src/extension/sidebar';
import { meFromSetting } from '../../src/extension/sidebar/identity';
import { getApi, setSetting, waitFor } from './helpers';

/** A tree as lines: `Group (n)` then `  label — description [icon] {contextValue}`. */
export function render<T>(provider: vscode.TreeDataProvider<T>): string[] {
  const out: string[] = [];
  const walk = (elements: T[], depth: number): void => {
    for (const el of elements) {
      const item = provider.getTreeItem(el) as vscode.TreeItem;
      const label = typeof item.label === 'string' ? item.label : item.label?.label;
      const icon = item.iconPath instanceof vscode.ThemeIcon ? ` [${item.iconPath.id}]` : '';
      out.push(
        depth === 0
          ? `${label} (${item.description})`
          : `  ${label} — ${item.description}${icon} {${item.contextValue}}`,
      );
      walk((provider.getChildren(el) ?? []) as T[], depth + 1);
    }
  };
  walk((provider.getChildren(undefined) ?? []) as T[], 0);
  return out;
}

export async function sidebar(): Promise<SidebarApi> {
  const api = await getApi();
  await api.planIndex.start();
  await api.planIndex.whenIdle();
  await api.sidebar.whenFresh();
  return api.sidebar;
}

/** Set workback.me and wait until the views show that identity. */
export async function beMe(me: unknown): Promise<SidebarApi> {
  const s = await sidebar();
  await setSetting('me', me);
  const want = meFromSetting(me);
  await waitFor(
    async () => {
      const snap = await s.whenFresh();
      const id = s.model.identity;
      return (
        (want.length > 0
          ? id.source === 'setting' && JSON.stringify(id.me) === JSON.stringify(want)
          : id.source !== 'setting') && snap
      );
    },
    `the sidebar to use workback.me = ${JSON.stringify(me)}`,
  );
  return s;
}
