/** Helpers of the language-feature tests: scratch copies of fixture plans, positions, providers. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, getApi, waitFor } from './helpers';

/** The language fixture: clean, minimum slack 25 workdays with today pinned to 2026-07-01. */
export const EDITING = ['language', 'editing.workback.yaml'] as const;

export async function fixtureText(...segments: string[]): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(...segments)));
}

let scratchCount = 0;

/**
 * An untitled plan with `content`, shown in an editor and checked by the plan index. Each has
 * a name of its own (untitled:scratch-N.workback.yaml): a reused "Untitled-1" can meet the
 * previous document's late close event.
 */
export async function scratchPlan(content: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/scratch-${Date.now()}-${++scratchCount}.workback.yaml` });
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'workback') doc = await vscode.languages.setTextDocumentLanguage(doc, 'workback');
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), content)), 'content inserted');
  await indexed(doc);
  return { doc, editor };
}

/**
 * Run `action` (an editor command: typing, commenting) and wait for its change of `doc` (and,
 * with `editor`, for the cursor's move): the workbench applies it and the extension host hears
 * of it later, so reading the text or the cursor right after the command returns can see the old one.
 */
export async function edited(
  doc: vscode.TextDocument,
  action: () => Thenable<unknown>,
  what: string,
  editor?: vscode.TextEditor,
  timeout = 10000,
): Promise<void> {
  const subs: vscode.Disposable[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const event = (on: (listener: () => void) => vscode.Disposable): Promise<void> =>
    new Promise<void>((resolve) => {
      subs.push(on(resolve));
    });
  const changed = Promise.all([
    event((done) =>
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc && e.contentChanges.length > 0) done();
      }),
    ),
    editor
      ? event((done) =>
          vscode.window.onDidChangeTextEditorSelection((e) => {
            if (e.textEditor === editor) done();
          }),
        )
      : undefined,
  ]);
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeout} ms waiting for ${what} to change ${doc.uri.toString()}`)),
      timeout,
    );
  });
  try {
    await action();
    await Promise.race([changed, timedOut]);
  } finally {
    for (const s of subs) s.dispose();
    clearTimeout(timer);
  }
}

/** Wait until the plan index has checked the document's current version. */
export async function indexed(doc: vscode.TextDocument): Promise<void> {
  const api = await getApi();
  await waitFor(
    () => api.planIndex.get(doc.uri)?.version === doc.version,
    `the index to check ${doc.uri.toString()} v${doc.version}`,
  );
}

/** Close every editor without saving (scratch documents are reverted). */
export async function closeScratch(): Promise<void> {
  for (;;) {
    const ed = vscode.window.activeTextEditor;
    if (!ed) break;
    if (ed.document.isUntitled || ed.document.isDirty)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    else await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The position of `needle` (its `n`-th occurrence) plus `delta` characters. */
export function posOf(doc: vscode.TextDocument, needle: string, delta = 0, n = 0): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${n} in ${doc.uri.toString()}`);
  }
  return doc.positionAt(i + delta);
}

/** Replace `from` with `to` in the document (through the editor, as typing would). */
export async function typeOver(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const doc = editor.document;
  const i = doc.getText().indexOf(from);
  assert.ok(i >= 0, `"${from}" in ${doc.uri.toString()}`);
  assert.ok(
    await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(i), doc.positionAt(i + from.length)), to)),
    'edit applied',
  );
}

/** Workback's completion items at a position (snippets and other providers' items left out), in their sort order. */
export async function completions(
  doc: vscode.TextDocument,
  pos: vscode.Position,
  trigger?: string,
  resolve = 0,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    pos,
    trigger,
    resolve,
  );
  return list.items
    .filter((i) => i.kind !== vscode.CompletionItemKind.Snippet && i.kind !== vscode.CompletionItemKind.Text)
    .sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : (a.sortText ?? '') > (b.sortText ?? '') ? 1 : 0));
}

export const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

export function markdownOf(x: vscode.MarkdownString | string | undefined | { value: string }): string {
  return typeof x === 'string' ? x : (x?.value ?? '');
}

/** Accept a completion item as the editor does: its snippet at its range, then wait for the edit. */
export async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range =
    item.range instanceof vscode.Range
      ? item.range
      : (item.range?.replacing ?? new vscode.Range(editor.selection.active, editor.selection.active));
  const snippet =
    item.insertText instanceof vscode.SnippetString
      ? item.insertText
      : new vscode.SnippetString(String(item.insertText ?? labelOf(item)));
  assert.ok(await editor.insertSnippet(snippet, range), `inserted ${labelOf(item)}`);
}

/** Accept Workback's completion item `label` at the cursor (asking with `trigger`, as typing it would). */
export async function pick(editor: vscode.TextEditor, label: string, trigger?: string): Promise<void> {
  const items = await completions(editor.document, editor.selection.active, trigger);
  const item = items.find((i) => labelOf(i) === label);
  assert.ok(
    item,
    `"${label}" offered at line ${editor.selection.active.line + 1}; got ${items.map(labelOf).join(', ')}`,
  );
  await accept(editor, item);
}

/**
 * Type `text` at the cursor as the keyboard does, a character at a time (the `type` command:
 * Enter applies the language's onEnterRules), each change and cursor move awaited.
 */
export async function typeText(editor: vscode.TextEditor, text: string): Promise<void> {
  for (const ch of text)
    await edited(
      editor.document,
      () => vscode.commands.executeCommand('type', { text: ch }),
      `typing ${JSON.stringify(ch)}`,
      editor,
    );
}
