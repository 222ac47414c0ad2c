/**
 * Publishes every indexed plan's problems (open or not) as vscode diagnostics. An open
 * document's problems go out with the change that checked it. Those of plans read in bulk (a
 * scan of the workspace, a re-check of all) go out together when the index has nothing left to
 * check, and at most every BULK_DIAGNOSTICS_MS meanwhile: the editor's cost of taking in problems
 * grows with the number of batches (the bench: 1,000 plans in 1 s batches cost the workbench a
 * third more CPU than in one, and its round trips, which reading plans needs, slowed down).
 */
import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import { AcrossPlans } from './acrossPlans';
import type { PlanEntry, PlanIndex } from './planIndex';

export const BULK_DIAGNOSTICS_MS = 5000;
/** Overbooking across plans is worked out again once plans have been quiet this long (acrossPlans.ts). */
export const ACROSS_PLANS_MS = 1500;

export function registerDiagnostics(
  index: PlanIndex,
  log: vscode.LogOutputChannel,
  /** docs/diagnostics.md, where each code has its section (the codes link to it). */
  docs?: vscode.Uri,
): { collection: vscode.DiagnosticCollection; disposable: vscode.Disposable } {
  const collection = vscode.languages.createDiagnosticCollection('workback');
  const pending = new Map<string, PlanEntry>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const across = new AcrossPlans();
  let acrossTimer: ReturnType<typeof setTimeout> | undefined;
  /** Overbooking across plans again: the plans whose extras changed are published with them. */
  const updateAcross = (): void => {
    acrossTimer = undefined;
    try {
      across.update(index.all(), (changed) => {
        for (const uri of changed) {
          const entry = index.get(vscode.Uri.parse(uri));
          if (entry) pending.set(uri, entry);
        }
        publish();
      });
    } catch (e) {
      log.error(`overbooking across plans failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  /** A change: what runs stops, and it starts again once plans have been quiet. */
  const acrossLater = (): void => {
    across.cancel();
    if (acrossTimer !== undefined) clearTimeout(acrossTimer);
    acrossTimer = setTimeout(updateAcross, ACROSS_PLANS_MS);
  };
  const publish = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const entries = [...pending.values()];
    pending.clear();
    try {
      collection.set(
        entries.map((e) => [e.uri, [...e.diagnostics, ...across.of(e)].map((d) => toDiagnostic(d, e.uri, docs))]),
      );
    } catch (e) {
      log.error(`publishing diagnostics failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const sub = index.onDidChange(({ changed, removed }) => {
    for (const uri of removed) {
      pending.delete(uri.toString());
      collection.delete(uri);
    }
    for (const e of changed) pending.set(e.uri.toString(), e);
    if (changed.some((e) => e.source === 'document')) publish();
    else if (pending.size > 0) timer ??= setTimeout(publish, BULK_DIAGNOSTICS_MS);
    acrossLater();
  });
  const stop = {
    dispose: () => {
      clearTimeout(timer);
      clearTimeout(acrossTimer);
      across.cancel();
    },
  };
  return { collection, disposable: vscode.Disposable.from(sub, index.onDidBecomeIdle(publish), stop, collection) };
}
