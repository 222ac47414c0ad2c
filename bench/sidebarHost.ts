/**
 * The in-host half of bench/sidebar.bench.mjs: runs inside the real VS Code extension host (as
 * an extensionTestsPath module) on a workspace of generated plans, and writes its measurements
 * to the JSON file named by WORKBACK_BENCH_RESULTS.
 *
 * - indexing: from showing the Workback views (which starts the index) to every plan checked,
 *   and to the views' first full snapshot; the extension host's event-loop lag meanwhile (is the
 *   editor blocked?); plan events vs sidebar recomputes (the throttle at work) and what one
 *   recompute per event would have cost (the alternative);
 * - every plan checked again with the views shown, then hidden: what the views cost;
 * - refresh after one edit: a keystroke-like edit of a task title in an open plan; from the plan
 *   re-checked (after the index's typing debounce) to the tree's new data served, and end to end;
 * - mark done through the command: from the command to the task gone from the tree.
 */
import { Session } from 'node:inspector';
import * as vscode from 'vscode';
import type { WorkbackApi } from '../src/extension/extension';
import type { MyTasksElement } from '../src/extension/sidebar/myTasksView';

const RUNS = Number(process.env.WORKBACK_BENCH_RUNS || 15);

/** With WORKBACK_BENCH_CPUPROF set: a CPU profile of the extension host while indexing, written there. */
async function profiler(): Promise<{ stop(): Promise<void> }> {
  const file = process.env.WORKBACK_BENCH_CPUPROF;
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(JSON.stringify(profile)));
    },
  };
}

function lagMonitor(intervalMs = 10): { stop(): { max: number; p95: number; samples: number } } {
  const lags: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - intervalMs));
    last = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const s = [...lags].sort((a, b) => a - b);
      return { max: s[s.length - 1] ?? 0, p95: s[Math.floor(s.length * 0.95)] ?? 0, samples: s.length };
    },
  };
}

function once<T>(event: vscode.Event<T>, filter: (e: T) => boolean = () => true, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('timed out waiting for an event'));
    }, timeoutMs);
    const sub = event((e) => {
      if (!filter(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 60000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every element of a tree with its TreeItem, as VS Code asks for them. Returns the count. */
function materialize<T>(p: vscode.TreeDataProvider<T>): number {
  let n = 0;
  const walk = (els: T[]): void => {
    for (const el of els) {
      p.getTreeItem(el);
      n++;
      walk((p.getChildren(el) ?? []) as T[]);
    }
  };
  walk((p.getChildren(undefined) ?? []) as T[]);
  return n;
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<WorkbackApi>('workback.workback')!;
  const api = ext.isActive ? ext.exports : await ext.activate();
  const { planIndex, sidebar } = api;
  const results: Record<string, unknown> = {};

  // ---------------------------------------------------------------- indexing
  let events = 0;
  const counting = planIndex.onDidChange(() => {
    events++;
  });
  let treeFires = 0;
  const firing = sidebar.myTasks.onDidChangeTreeData(() => {
    treeFires++;
  });
  const prof = await profiler();
  const lag = lagMonitor();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const wall0 = Date.now();
  // progress every 250 ms: reads and checks done, change events, CPU used, and how long a round
  // trip to the editor takes meanwhile (a workspace.fs.stat: is the editor's side keeping up?)
  const progress: {
    ms: number;
    reads: number;
    checks: number;
    events: number;
    cpuMs: number;
    roundTripMs?: number;
    shown?: string;
  }[] = [];
  const probe = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.vscode', 'settings.json');
  const sampler = setInterval(() => {
    const c = process.cpuUsage(cpu0);
    const p = {
      ms: Math.round(performance.now() - t0),
      ...planIndex.stats,
      cpuMs: Math.round((c.user + c.system) / 1000),
      shown: sidebar.myTasksView.description,
    } as (typeof progress)[number];
    progress.push(p);
    const r0 = performance.now();
    void vscode.workspace.fs.stat(probe).then(() => {
      p.roundTripMs = Math.round(performance.now() - r0);
    });
  }, 250);
  await vscode.commands.executeCommand('workbench.view.extension.workback');
  await waitFor(() => planIndex.started);
  await planIndex.whenIdle();
  const tIndexed = performance.now();
  // a round trip to the editor: it answers after it took in everything sent before (the problems)
  await vscode.workspace.fs.stat(probe);
  const tPublished = performance.now();
  const snapshot = await sidebar.whenFresh();
  const tViews = performance.now();
  const wall1 = Date.now();
  const lagStats = lag.stop();
  clearInterval(sampler);
  const cpuIndex = process.cpuUsage(cpu0);
  await prof.stop();
  // tells the driver that indexing is over (it stops its CPU profile of the workbench)
  if (process.env.WORKBACK_BENCH_RESULTS)
    await vscode.workspace.fs.writeFile(
      vscode.Uri.file(`${process.env.WORKBACK_BENCH_RESULTS}.indexed`),
      new Uint8Array(),
    );
  counting.dispose();
  firing.dispose();
  const m0 = performance.now();
  const items = materialize(sidebar.myTasks) + materialize(sidebar.followUps);
  const materializeMs = performance.now() - m0;
  results['indexing'] = {
    plans: planIndex.all().length,
    scheduled: snapshot.plans.size,
    indexMs: tIndexed - t0,
    publishedMs: tPublished - t0,
    indexCpuMs: (cpuIndex.user + cpuIndex.system) / 1000,
    viewsMs: tViews - t0,
    planEvents: events,
    recomputes: sidebar.model.stats.refreshes,
    recomputeTotalMs: sidebar.model.stats.totalMs,
    recomputeCpuMs: sidebar.model.stats.totalCpuMs,
    lastRecomputeMs: sidebar.model.stats.lastMs,
    treeFires,
    oneRecomputePerEventMs: events * sidebar.model.stats.lastMs,
    eventLoopLag: lagStats,
    treeItems: items,
    materializeMs,
    myOpenTasks: snapshot.taskGroups.reduce((n, g) => n + g.tasks.length, 0),
    myFollowUps: snapshot.followUpGroups.reduce((n, g) => n + g.entries.length, 0),
    progress,
    /** Wall-clock times (for the driver's CPU samples of the browser and the server). */
    wall: { start: wall0, end: wall1, hostPid: process.pid },
    roundTrip: (() => {
      const xs = progress
        .map((p) => p.roundTripMs)
        .filter((x): x is number => x !== undefined)
        .sort((a, b) => a - b);
      return { median: xs[Math.floor((xs.length - 1) / 2)] ?? NaN, max: xs[xs.length - 1] ?? NaN };
    })(),
  };

  // ---------------------------------------------------------------- the views' share of a re-index
  // Every plan checked again (today changed, settings changed), the views shown, then hidden.
  const recheck = async (): Promise<Record<string, number>> => {
    await planIndex.whenIdle();
    await sidebar.whenFresh();
    const c = process.cpuUsage();
    const sidebarCpu = sidebar.model.stats.totalCpuMs;
    const recomputes = sidebar.model.stats.refreshes;
    const t = performance.now();
    planIndex.recheckAll();
    await planIndex.whenIdle();
    await sidebar.whenFresh();
    const cpu = process.cpuUsage(c);
    return {
      ms: performance.now() - t,
      cpuMs: (cpu.user + cpu.system) / 1000,
      sidebarCpuMs: sidebar.model.stats.totalCpuMs - sidebarCpu,
      recomputes: sidebar.model.stats.refreshes - recomputes,
    };
  };
  const recheckVisible = await recheck();
  await vscode.commands.executeCommand('workbench.view.explorer');
  await waitFor(() => !sidebar.myTasksView.visible);
  const recheckHidden = await recheck();
  await vscode.commands.executeCommand('workbench.view.extension.workback');
  await waitFor(() => sidebar.myTasksView.visible);
  results['recheck'] = { visible: recheckVisible, hidden: recheckHidden };

  // ---------------------------------------------------------------- refresh after one edit
  const refreshes: Record<string, number>[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    // a task the tree shows: its title gets one more character, typed into its open plan
    await planIndex.whenIdle();
    await sidebar.whenFresh();
    const groups = sidebar.myTasks.getChildren(undefined);
    const shown = groups
      .flatMap((g) => sidebar.myTasks.getChildren(g))
      .filter((n): n is Extract<MyTasksElement, { kind: 'task' }> => n.kind === 'task');
    const node = shown[(i * 37) % shown.length]!;
    const uri = vscode.Uri.parse(node.uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await planIndex.whenIdle();
    await sidebar.whenFresh();
    const text = doc.getText();
    const at = text.indexOf('title: ', text.indexOf(`- id: ${node.entry.task.id}\n`)) + 'title: '.length;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(at), 'x');
    const checked = once(planIndex.onDidChange, (e) => e.changed.some((c) => c.uri.toString() === uri.toString()));
    const fired = once(sidebar.myTasks.onDidChangeTreeData);
    const tEdit = performance.now();
    await vscode.workspace.applyEdit(edit);
    await checked;
    const tChecked = performance.now();
    await fired;
    const tFired = performance.now();
    materialize(sidebar.myTasks);
    materialize(sidebar.followUps);
    const tServed = performance.now();
    if (i > 0)
      refreshes.push({
        checkedToFired: tFired - tChecked,
        serve: tServed - tFired,
        refresh: tServed - tChecked,
        endToEnd: tServed - tEdit,
        recompute: sidebar.model.stats.lastMs,
        recomputeCpu: sidebar.model.stats.lastCpuMs,
      });
  }
  results['refresh'] = refreshes;

  // ---------------------------------------------------------------- mark done through the command
  const marks: Record<string, number>[] = [];
  for (let i = 0; i < Math.min(RUNS, 10); i++) {
    await planIndex.whenIdle();
    await sidebar.whenFresh();
    const later = sidebar.myTasks.getChildren(undefined).find((g) => g.kind === 'taskGroup' && g.name === 'later') as
      MyTasksElement | undefined;
    const node = later && later.kind === 'taskGroup' ? later.items[i * 7] : undefined;
    if (!node || node.kind !== 'task') break;
    const id = node.entry.task.id;
    const t1 = performance.now();
    const outcome = await vscode.commands.executeCommand<{ status: string }>('workback.markTaskDone', node);
    const tApplied = performance.now();
    await waitFor(() => !sidebar.myTasks.find(node.uri, id));
    const tGone = performance.now();
    marks.push({ command: tApplied - t1, gone: tGone - t1, applied: outcome.status === 'applied' ? 1 : 0 });
  }
  results['markDone'] = marks;

  const out = process.env.WORKBACK_BENCH_RESULTS;
  if (out)
    await vscode.workspace.fs.writeFile(
      vscode.Uri.file(out),
      new TextEncoder().encode(JSON.stringify(results, null, 2)),
    );
  await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
}
