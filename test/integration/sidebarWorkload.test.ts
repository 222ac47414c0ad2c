/**
 * The Workload tree in the real VS Code (today pinned to Wed 1 Jul 2026): two plans written for
 * the test share Omar by email under two ids; each plan alone books him once at a time, together
 * twice on Mon 21 - Wed 23 Sep 2026. The tree shows it, a click opens the plan at the task, and
 * an edit that ends the overlap clears the warning.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkloadNode, WorkloadProvider } from '../../src/extension/sidebar/workloadView';
import { codeOf, fixture, waitFor, waitForDiagnostics, workbackDiagnostics } from './helpers';
import { sidebar } from './sidebarHelpers';

const EDR = fixture('sidebar', 'tmp-workload-edr.workback.yaml');
const SIEM = fixture('sidebar', 'tmp-workload-siem.workback.yaml');

const plan = (title: string, person: string, task: string, due: string) => `workback: 1
title: ${title}
goal: { outcome: O, measure: M, due: ${due}, owner: ${person} }
people:
  ${person}: { name: Omar Workload, email: ${person === 'omar' ? 'omar' : 'OMAR'}@workload.example }
milestones:
  - id: m
    title: M
    tasks:
${task}
`;
const EDR_TEXT = plan(
  'EDR',
  'omar',
  '      - { id: a1, title: Push the agents, owner: omar, duration: 5d }',
  '2026-09-25',
);
const SIEM_TEXT = plan(
  'SIEM',
  'ohaddad',
  '      - { id: b1, title: Connect the firewalls, owner: ohaddad, duration: 3d }',
  '2026-09-23',
);

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Omar's part of the tree as lines: `label — description [icon]`, indented by depth. */
function omar(p: WorkloadProvider): string[] {
  const out: string[] = [];
  const walk = (nodes: WorkloadNode[], depth: number): void => {
    for (const n of nodes) {
      const item = p.getTreeItem(n);
      const icon = item.iconPath instanceof vscode.ThemeIcon ? ` [${item.iconPath.id}]` : '';
      out.push(`${'  '.repeat(depth)}${String(item.label)} — ${String(item.description)}${icon}`);
      walk(p.getChildren(n), depth + 1);
    }
  };
  walk(
    p
      .getChildren(undefined)
      .filter((n) => n.kind === 'workloadPerson' && n.person.email?.endsWith('@workload.example')),
    0,
  );
  return out;
}

function taskNode(p: WorkloadProvider, id: string): WorkloadNode | undefined {
  for (const person of p.getChildren(undefined))
    for (const week of p.getChildren(person))
      for (const t of p.getChildren(week)) if (t.kind === 'workloadTask' && t.taskId === id) return t;
  return undefined;
}

describe('sidebar: the workload across plans', function () {
  this.timeout(60000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [EDR, SIEM]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('shows a person overbooked only across plans, week by week, with their tasks', async () => {
    const s = await sidebar();
    await write(EDR, EDR_TEXT);
    await write(SIEM, SIEM_TEXT);
    const lines = await waitFor(async () => {
      await s.workload.whenFresh();
      const rows = omar(s.workload);
      return rows.some((l) => l.includes('Connect the firewalls')) && rows;
    }, 'both plans in the workload tree');
    assert.deepEqual(lines, [
      'Omar Workload — capacity 1 · overbooked 3 workdays [warning]',
      '  Week of Mon 21 Sep 2026 — 2 tasks · overbooked Mon 21 – Wed 23 Sep 2026 [warning]',
      '    Push the agents — a1 · Mon 21 – Fri 25 Sep 2026 · sidebar/tmp-workload-edr.workback.yaml [warning]',
      '    Connect the firewalls — b1 · Mon 21 – Wed 23 Sep 2026 · sidebar/tmp-workload-siem.workback.yaml [warning]',
    ]);
  });

  it('each plan tells its task, as information, that the person is booked in the other plan too', async () => {
    for (const [uri, other] of [
      [EDR, 'sidebar/tmp-workload-siem.workback.yaml: b1'],
      [SIEM, 'sidebar/tmp-workload-edr.workback.yaml: a1'],
    ] as const) {
      const ds = await waitForDiagnostics(
        uri,
        (d) => d.some((x) => codeOf(x) === 'overbooked-across-plans'),
        'overbooked-across-plans',
      );
      const d = ds.find((x) => codeOf(x) === 'overbooked-across-plans')!;
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.ok(d.message.endsWith(`(capacity 1): ${other}.`), d.message);
      assert.match(
        d.message,
        /^Omar Workload \((omar|ohaddad)\) is also booked in other plans on Mon 21 – Wed 23 Sep 2026/,
      );
    }
    // an edit above the task: the information comes back on the owner's new line
    const before = workbackDiagnostics(EDR).find((x) => codeOf(x) === 'overbooked-across-plans')!.range.start.line;
    await write(EDR, `# edited\n${EDR_TEXT}`);
    await waitForDiagnostics(
      EDR,
      (d) => d.some((x) => codeOf(x) === 'overbooked-across-plans' && x.range.start.line === before + 1),
      'the information on the line below',
    );
  });

  it('a click on a task opens its plan with the task selected', async () => {
    const s = await sidebar();
    const node = taskNode(s.workload, 'b1');
    assert.ok(node, 'b1 is in the tree');
    const item = s.workload.getTreeItem(node);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.toString() === SIEM.toString() && vscode.window.activeTextEditor,
      'the SIEM plan in the editor',
    );
    assert.equal(editor.document.getText(editor.selection), 'b1');
  });

  it('follows the plans: once the overlap ends, nobody is overbooked', async () => {
    const s = await sidebar();
    await write(SIEM, SIEM_TEXT.replace('due: 2026-09-23', 'due: 2026-09-18'));
    const lines = await waitFor(async () => {
      await s.workload.whenFresh();
      const rows = omar(s.workload);
      return rows[0]?.endsWith('capacity 1 [person]') && rows;
    }, 'the warning to clear');
    await waitForDiagnostics(
      EDR,
      (d) => !d.some((x) => codeOf(x) === 'overbooked-across-plans'),
      'overbooked-across-plans gone',
    );
    assert.deepEqual(lines, [
      'Omar Workload — capacity 1 [person]',
      '  Week of Mon 14 Sep 2026 — 1 task [calendar]',
      '    Connect the firewalls — b1 · Wed 16 – Fri 18 Sep 2026 · sidebar/tmp-workload-siem.workback.yaml [circle-outline]',
      '  Week of Mon 21 Sep 2026 — 1 task [calendar]',
      '    Push the agents — a1 · Mon 21 – Fri 25 Sep 2026 · sidebar/tmp-workload-edr.workback.yaml [circle-outline]',
    ]);
  });
});
