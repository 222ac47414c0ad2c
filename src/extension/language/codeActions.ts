/**
 * Quick fixes, each tied to its diagnostic (src/core/editing/fixes/): the diagnostic is
 * found again in the check of the document's current text, and the fix is one WorkspaceEdit.
 * Fixes that write a date (mark done, log a check-in) use the extension's today.
 */
import * as vscode from 'vscode';
import type { CheckResult, Day, Diagnostic as CoreDiagnostic } from '../../core';
import { onDemand } from '../onDemand/load';
import type { PlanDocuments } from './planDocuments';
import { addEdits, DIAGNOSTIC_SOURCE, spanRange } from '../convert';

export class PlanCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly docs: PlanDocuments,
    private readonly today: () => Day,
  ) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    if (
      context.only &&
      !context.only.contains(vscode.CodeActionKind.QuickFix) &&
      !vscode.CodeActionKind.QuickFix.contains(context.only)
    )
      return [];
    const r = this.docs.current(doc);
    if (!r) return [];
    const out: vscode.CodeAction[] = [];
    const { quickFixes } = onDemand(); // loaded with the first light bulb
    // one input for every diagnostic: the core checks each fix against the text parsed once
    const input = { text: r.lines.text, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics, today: this.today() };
    for (const d of ours) {
      const core = findCore(r, d);
      if (!core) continue; // the problem is from an older version of the text
      for (const fix of quickFixes(input, core)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = fix.preferred === true;
        action.edit = addEdits(new vscode.WorkspaceEdit(), doc.uri, r.lines, fix.edits);
        out.push(action);
      }
    }
    return out;
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function findCore(r: CheckResult, d: vscode.Diagnostic): CoreDiagnostic | undefined {
  const code = codeOf(d);
  return (
    r.diagnostics.find(
      (c) => c.code === code && spanRange(r.lines, c.span).isEqual(d.range) && c.message === d.message,
    ) ?? r.diagnostics.find((c) => c.code === code && spanRange(r.lines, c.span).isEqual(d.range))
  );
}
