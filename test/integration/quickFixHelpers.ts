/** Quick fixes in the real VS Code: the code actions offered for a diagnostic, and one applied. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics } from './helpers';
import { scratchPlan } from './languageHelpers';

/** The quick fixes vscode.executeCodeActionProvider offers for `d`, each tied to it. */
export async function actionsFor(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const actions = all.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
  for (const a of actions)
    assert.ok(
      !a.diagnostics || a.diagnostics.length === 0 || a.diagnostics.some((x) => x.message === d.message),
      `${a.title} is tied to its diagnostic`,
    );
  return actions;
}

/**
 * Open `text` as a plan, wait for its `n`-th `code` diagnostic, apply the fix titled `title`
 * through the light bulb's WorkspaceEdit, and wait until that diagnostic is gone. Returns the
 * document, whose text the caller asserts exactly.
 */
export async function applyFix(text: string, code: string, title: string, n = 0): Promise<vscode.TextDocument> {
  const { doc } = await scratchPlan(text);
  const diags = await waitForDiagnostics(
    doc.uri,
    (ds) => ds.filter((x) => codeOf(x) === code).length > n,
    `${code} #${n}`,
  );
  const d = diags.filter((x) => codeOf(x) === code)[n]!;
  const actions = await actionsFor(doc, d);
  const a = actions.find((x) => x.title === title);
  assert.ok(a, `"${title}" among: ${actions.map((x) => x.title).join(' | ')}`);
  assert.equal(a.kind?.value, 'quickfix');
  const version = doc.version;
  assert.ok(a.edit && (await vscode.workspace.applyEdit(a.edit)), 'the edit applies');
  assert.ok(doc.version > version, 'the document changed');
  const gone = (ds: vscode.Diagnostic[]): boolean =>
    !ds.some((x) => x.message === d.message && x.range.isEqual(d.range));
  await waitForDiagnostics(doc.uri, gone, `${code} gone`);
  return doc;
}
