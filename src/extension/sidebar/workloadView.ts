/**
 * The "Workload" tree (docs/sidebar.md): each person's open tasks across every plan of the
 * workspace, week by week from this week's Monday, with the days they hold more tasks than their
 * capacity. People → weeks → tasks; a task opens its plan at the task. Computed by the core's
 * `workload` from the plan index when the tree is asked for (only while the view is visible), a
 * short while after plans change.
 */
import * as vscode from 'vscode';
import { daysText, formatDayHuman, mondayOf, workload, type PersonWorkload, type PlanFile } from '../../core';
import { scheduledPlan, type PlanIndex } from '../planIndex';
import type { TodayClock } from '../today';
import { plural } from '../../shared/wording';
import { displayText } from './displayText';
import { icon } from './treeItems';

export interface WorkloadPersonNode {
  kind: 'workloadPerson';
  person: PersonWorkload;
}
export interface WorkloadWeekNode {
  kind: 'workloadWeek';
  person: PersonWorkload;
  week: PersonWorkload['weeks'][number];
}
export interface WorkloadTaskNode {
  kind: 'workloadTask';
  /** The plan's URI string (what the index calls the file). */
  uri: string;
  taskId: string;
  title: string;
  from: number;
  to: number;
  overbooked: boolean;
}
export type WorkloadNode = WorkloadPersonNode | WorkloadWeekNode | WorkloadTaskNode;

export const isWorkloadTaskNode = (x: unknown): x is WorkloadTaskNode =>
  typeof x === 'object' && x !== null && (x as WorkloadTaskNode).kind === 'workloadTask';

/** After plans change, the tree waits this long for more changes before it is computed again. */
export const WORKLOAD_DELAY_MS = 300;

export class WorkloadProvider implements vscode.TreeDataProvider<WorkloadNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<WorkloadNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private people: PersonWorkload[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly fresh = new vscode.EventEmitter<void>();

  constructor(
    private readonly planIndex: PlanIndex,
    private readonly today: TodayClock,
  ) {
    this.disposables = [
      this.emitter,
      this.fresh,
      planIndex.onDidChange(() => this.stale()),
      today.onDidChange(() => this.stale()),
    ];
  }

  /** The people as the tree shows them now (computed if needed). */
  current(): PersonWorkload[] {
    if (!this.people) {
      const files: PlanFile[] = [];
      for (const e of this.planIndex.all()) {
        const scheduled = scheduledPlan(e);
        if (scheduled) files.push({ file: e.uri.toString(), ...scheduled });
      }
      files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const t = this.today.today;
      this.people = workload(files, { from: mondayOf(t) });
    }
    return this.people;
  }

  /** The people once the last change has been taken in (computed now if nobody asked yet). */
  whenFresh(): Promise<PersonWorkload[]> {
    if (!this.timer) return Promise.resolve(this.current());
    return new Promise((resolve) => {
      const sub = this.fresh.event(() => {
        sub.dispose();
        resolve(this.current());
      });
    });
  }

  /**
   * A change a short while ago: the tree is asked again (VS Code asks only while the view is
   * visible, so a hidden view computes nothing).
   */
  private stale(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.people = undefined;
      this.emitter.fire(undefined);
      this.fresh.fire();
    }, WORKLOAD_DELAY_MS);
  }

  getChildren(n?: WorkloadNode): WorkloadNode[] {
    if (!n) return this.current().map((person) => ({ kind: 'workloadPerson', person }));
    if (n.kind === 'workloadPerson')
      return n.person.weeks.map((week) => ({ kind: 'workloadWeek', person: n.person, week }));
    if (n.kind === 'workloadWeek') {
      const over = n.week.overbooked;
      return n.week.tasks.map((t) => ({
        kind: 'workloadTask',
        uri: t.file,
        taskId: t.task.id,
        title: t.task.title,
        from: t.from,
        to: t.to,
        overbooked: over.some((r) => r.from <= t.to && r.to >= t.from),
      }));
    }
    return [];
  }

  getTreeItem(n: WorkloadNode): vscode.TreeItem {
    if (n.kind === 'workloadPerson') return personItem(n.person);
    if (n.kind === 'workloadWeek') return weekItem(n);
    return taskItem(n);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

const WARNING = (): vscode.ThemeIcon => icon('warning', 'list.warningForeground');

/** A person across plans, for tree item ids: their email and where they are written. */
const personKey = (p: PersonWorkload): string => `${p.email ?? ''}|${p.ids.map((i) => `${i.file}#${i.id}`).join(',')}`;

function personItem(p: PersonWorkload): vscode.TreeItem {
  const item = new vscode.TreeItem(displayText(p.name, 120), vscode.TreeItemCollapsibleState.Expanded);
  const over = p.overbookedWorkdays ? ` · overbooked ${plural(p.overbookedWorkdays, 'workday')}` : '';
  item.description = `capacity ${p.capacity}${over}`;
  item.iconPath = p.overbookedWorkdays ? WARNING() : icon('person');
  item.contextValue = 'workbackWorkloadPerson';
  item.id = `person:${personKey(p)}`;
  const tip = new vscode.MarkdownString();
  tip.appendText(`${displayText(p.name)}${p.email ? ` <${displayText(p.email)}>` : ''}\n\n`);
  tip.appendMarkdown(`Capacity ${p.capacity} · in ${plural(p.ids.length, 'plan')}`);
  item.tooltip = tip;
  return item;
}

function weekItem(n: WorkloadWeekNode): vscode.TreeItem {
  const w = n.week;
  const item = new vscode.TreeItem(
    `Week of ${formatDayHuman(w.monday, true)}`,
    w.overbooked.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  const over = w.overbooked.length ? ` · overbooked ${w.overbooked.map((r) => daysText(r.from, r.to)).join(', ')}` : '';
  item.description = `${plural(w.tasks.length, 'task')}${over}`;
  item.iconPath = w.overbooked.length ? WARNING() : icon('calendar');
  item.contextValue = 'workbackWorkloadWeek';
  item.id = `week:${personKey(n.person)}:${w.monday}`;
  return item;
}

function taskItem(n: WorkloadTaskNode): vscode.TreeItem {
  const item = new vscode.TreeItem(displayText(n.title, 120), vscode.TreeItemCollapsibleState.None);
  const where = vscode.workspace.asRelativePath(vscode.Uri.parse(n.uri));
  item.description = `${displayText(n.taskId, 60)} · ${daysText(n.from, n.to)} · ${displayText(where)}`;
  item.iconPath = n.overbooked ? WARNING() : icon('circle-outline');
  item.contextValue = 'workbackWorkloadTask';
  const tip = new vscode.MarkdownString();
  tip.appendText(`${displayText(n.title)}\n\n`);
  tip.appendMarkdown(`Start by ${formatDayHuman(n.from, true)} · finish by ${formatDayHuman(n.to, true)}`);
  tip.appendText(`\n\n${displayText(n.taskId, 100)} in ${displayText(where)}`);
  item.tooltip = tip;
  item.command = { title: 'Show in Plan', command: 'workback.revealInPlan', arguments: [n] };
  return item;
}
