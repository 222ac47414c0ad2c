/**
 * From a bar to the task: select the task's (or checkpoint milestone's) `id` value in the
 * editor; from the notice of a plan with errors to its first error. The id is looked up in the document's current text, so a click made while the user
 * types still lands on the right line; an id that is not in the plan does nothing.
 */
import * as vscode from 'vscode';
import { checkPlan, type CheckResult, type Day } from '../../core';
import { spanRange, toRange } from '../convert';

export interface RevealDeps {
  /** The checked result of the document's text, when it is of `version`. */
  checked(uri: vscode.Uri): { version: number | undefined; result: CheckResult | undefined; today?: Day } | undefined;
}

/**
 * The index's result when it is of this very text; otherwise the text checked now, with the
 * index's day (for the errors that need one).
 */
function resultOf(doc: vscode.TextDocument, deps: RevealDeps): CheckResult {
  const known = deps.checked(doc.uri);
  if (known?.result && known.version === doc.version) return known.result;
  return checkPlan(doc.getText(), known?.today === undefined ? {} : { today: known.today });
}

/** The range of `itemId`'s id value in `doc`, or undefined when the plan has no such item. */
export function idRange(doc: vscode.TextDocument, itemId: string, deps: RevealDeps): vscode.Range | undefined {
  const result = resultOf(doc, deps);
  const item = result.plan?.items.get(itemId);
  if (!item || item.id !== itemId) return undefined;
  return spanRange(result.lines, item.idSpan);
}

/**
 * Open the plan (in the editor group that already shows it, else another group than the
 * panel's) and select the id. Resolves to the range selected, or undefined.
 */
export async function revealItem(
  uri: vscode.Uri,
  itemId: string,
  deps: RevealDeps,
  panelColumn: vscode.ViewColumn | undefined,
): Promise<vscode.Range | undefined> {
  return revealIn(uri, (doc) => idRange(doc, itemId, deps), panelColumn);
}

/** The range of the first error of `doc`'s text (by position), or undefined when it has none. */
export function firstErrorRange(doc: vscode.TextDocument, deps: RevealDeps): vscode.Range | undefined {
  const result = resultOf(doc, deps);
  let first: CheckResult['diagnostics'][number] | undefined;
  for (const d of result.diagnostics)
    if (d.severity === 'error' && (!first || d.span.start < first.span.start)) first = d;
  return first && toRange(first.range);
}

/** "Go to the first error" of the timeline's notice: the plan opened with that error selected. */
export async function revealFirstError(
  uri: vscode.Uri,
  deps: RevealDeps,
  panelColumn: vscode.ViewColumn | undefined,
): Promise<vscode.Range | undefined> {
  return revealIn(uri, (doc) => firstErrorRange(doc, deps), panelColumn);
}

async function revealIn(
  uri: vscode.Uri,
  rangeOf: (doc: vscode.TextDocument) => vscode.Range | undefined,
  panelColumn: vscode.ViewColumn | undefined,
): Promise<vscode.Range | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = rangeOf(doc);
  if (!range) return undefined;
  const key = uri.toString();
  const visible = vscode.window.visibleTextEditors.find(
    (e) => e.document.uri.toString() === key && e.viewColumn !== undefined,
  );
  const column =
    visible?.viewColumn ?? (panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: column,
    selection: range,
    preserveFocus: false,
    preview: false,
  });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}
