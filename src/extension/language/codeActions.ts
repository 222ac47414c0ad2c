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
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(
    private readonly docs: PlanDocuments,
    private readonly today: () => Day,
  ) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const fixes = ours.length > 0 && wants(context, vscode.CodeActionKind.QuickFix);
    const refactors = wants(context, vscode.CodeActionKind.RefactorRewrite) && mayHoldDays(doc, range);
    if (!fixes && !refactors) return [];
    const r = this.docs.current(doc);
    if (!r) return [];
    const out: vscode.CodeAction[] = [];
    const { quickFixes, dayRunRefactors } = onDemand(); // loaded with the first light bulb
    // one input for every diagnostic: the core checks each fix against the text parsed once
    const input = { text: r.lines.text, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics, today: this.today() };
    if (fixes)
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
    if (refactors)
      for (const fix of dayRunRefactors(input, doc.offsetAt(range.start))) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.RefactorRewrite);
        action.edit = addEdits(new vscode.WorkspaceEdit(), doc.uri, r.lines, fix.edits);
        out.push(action);
      }
    return out;
  }
}

/** Whether the request (all kinds, or `only` some) takes actions of `kind`. */
function wants(context: vscode.CodeActionContext, kind: vscode.CodeActionKind): boolean {
  return !context.only || context.only.contains(kind) || kind.contains(context.only);
}

/** A cheap look at the line before parsing anything: a listed day (`- 2026-12-24`, `2026-12-24,`). */
function mayHoldDays(doc: vscode.TextDocument, range: vscode.Range): boolean {
  return /\d{4}-\d\d-\d\d/.test(doc.lineAt(range.start.line).text);
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
