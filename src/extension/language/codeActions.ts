/**
 * Quick fixes, each tied to its diagnostic (src/core/editing/quickFixes.ts): the diagnostic is
 * found again in the check of the document's current text, and the fix is one WorkspaceEdit.
 */
import * as vscode from 'vscode';
import type { CheckResult, Diagnostic as CoreDiagnostic } from '../../core';
import { quickFixes } from '../../core/editing';
import { DIAGNOSTIC_SOURCE } from '../convert';
import type { PlanDocuments } from './planDocuments';
import { spanRange } from './ranges';

export class PlanCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly docs: PlanDocuments) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const r = this.docs.current(doc);
    if (!r) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of ours) {
      const core = findCore(r, d);
      if (!core) continue; // the problem is from an older version of the text
      for (const fix of quickFixes({ text: r.lines.text, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics }, core)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = fix.preferred === true;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, spanRange(r.lines, e.span), e.newText);
        action.edit = edit;
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
  return r.diagnostics.find((c) => c.code === code && spanRange(r.lines, c.span).isEqual(d.range) && c.message === d.message)
    ?? r.diagnostics.find((c) => c.code === code && spanRange(r.lines, c.span).isEqual(d.range));
}
