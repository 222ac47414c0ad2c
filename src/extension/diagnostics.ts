/** Publishes every indexed plan's problems (open or not) as vscode diagnostics. */
import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { PlanIndex } from './planIndex';

export function registerDiagnostics(index: PlanIndex, log: vscode.LogOutputChannel): { collection: vscode.DiagnosticCollection; disposable: vscode.Disposable } {
  const collection = vscode.languages.createDiagnosticCollection('workback');
  const sub = index.onDidChange(({ changed, removed }) => {
    try {
      for (const uri of removed) collection.delete(uri);
      for (const e of changed) collection.set(e.uri, e.diagnostics.map((d) => toDiagnostic(d, e.uri)));
    } catch (e) {
      log.error(`publishing diagnostics failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return { collection, disposable: vscode.Disposable.from(sub, collection) };
}
