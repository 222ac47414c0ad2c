/**
 * `$(warning) 3 overdue` in the status bar: my overdue tasks and follow-ups; a click shows them.
 * While the workspace's plans are read: `$(sync~spin) reading plans: 3 of 6`.
 */
import * as vscode from 'vscode';
import type { SidebarSnapshot } from './snapshot';
import { plural } from '../../shared/wording';

export class OverdueStatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('workback.overdue', vscode.StatusBarAlignment.Left, 20);
  /** What the item shows (undefined: hidden); for tests. */
  shown: { text: string; tooltip: string } | undefined;

  constructor() {
    this.item.name = 'Workback: Overdue';
    this.item.command = 'workback.showOverdue';
  }

  update(s: SidebarSnapshot, reading?: string): void {
    const total = s.overdueTasks + s.overdueFollowUps;
    if (reading !== undefined && (s.state !== 'ready' || total === 0)) {
      // a click shows the views, where reading goes on, rather than an empty list
      this.show(`$(sync~spin) ${reading}`, `Workback is ${reading}: problems and overdue items follow.`, undefined);
      this.item.command = 'workbench.view.extension.workback';
      return;
    }
    if (s.state !== 'ready' || total === 0) {
      this.shown = undefined;
      this.item.hide();
      return;
    }
    const parts: string[] = [];
    if (s.overdueTasks > 0) parts.push(plural(s.overdueTasks, 'task'));
    if (s.overdueFollowUps > 0) parts.push(plural(s.overdueFollowUps, 'follow-up'));
    const text = `$(warning) ${total} overdue`;
    const tooltip = `Workback: ${parts.join(' and ')} of yours ${total === 1 ? 'is' : 'are'} overdue. Click to see them.`;
    this.show(text, tooltip, new vscode.ThemeColor('statusBarItem.warningBackground'));
    this.item.command = 'workback.showOverdue';
  }

  private show(text: string, tooltip: string, background: vscode.ThemeColor | undefined): void {
    this.shown = { text, tooltip };
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip };
    this.item.backgroundColor = background;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
