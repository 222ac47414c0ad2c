/**
 * Applies a plan edit computed by the core (src/core/edit) to a plan's document, as
 * docs/architecture.md "Editing: one module for text edits" says:
 * - only plans saved as files on disk; untitled, virtual, read-only and deleted files get a message
 *   (a file that only lacks write permission is edited in the editor and not saved: the API
 *   cannot tell it apart; the message says so);
 * - the document's current text (an unsaved one included) is what the edit is computed on,
 *   the task is found again there by id, and a text that does not parse is never rewritten;
 * - one WorkspaceEdit replacing only the changed ranges: one undo step restores the text;
 * - a document with unsaved changes stays unsaved (the user's text is never saved behind their
 *   back); a document without unsaved changes is saved after the edit, so a tick in the
 *   sidebar lands in the file like any other change made with the editor's Save.
 * The document is read through TextDocument and workspace.fs only.
 */
import * as vscode from 'vscode';
import { LineIndex, type PlanEditResult } from '../../core';
import { addEdits } from '../convert';

export type EditOutcome =
  | { status: 'applied'; uri: string; saved: boolean; message: string }
  | { status: 'refused'; uri: string; message: string };

export interface ApplyOptions {
  /** Said in the status bar once the edit is applied, e.g. `Marked "Write the brief" done`. */
  done: string;
  /** Show messages to the user (tests read the returned outcome instead). */
  quiet?: boolean;
}

/** Edits of one document run one after the other: each sees the text the previous one left. */
const queues = new Map<string, Promise<unknown>>();

export function applyPlanEdit(
  uri: vscode.Uri,
  compute: (text: string) => PlanEditResult,
  options: ApplyOptions,
): Promise<EditOutcome> {
  const key = uri.toString();
  const run = (queues.get(key) ?? Promise.resolve()).then(
    () => applyNow(uri, compute, options),
    () => applyNow(uri, compute, options),
  );
  const tail = run.finally(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  queues.set(key, tail);
  return run;
}

async function applyNow(
  uri: vscode.Uri,
  compute: (text: string) => PlanEditResult,
  options: ApplyOptions,
): Promise<EditOutcome> {
  const name = vscode.workspace.asRelativePath(uri);
  const refused = (message: string): EditOutcome => {
    if (!options.quiet) void vscode.window.showWarningMessage(`Workback: ${message}`);
    return { status: 'refused', uri: uri.toString(), message };
  };
  if (uri.scheme === 'untitled')
    return refused(`${name} is not saved yet: save the plan as a file first, then edit it from the sidebar.`);
  if (uri.scheme !== 'file')
    return refused(
      `${name} is not a file on disk (${uri.scheme}:); Workback edits plans on disk only. Edit it in the editor instead.`,
    );
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return refused(`${name} no longer exists (deleted or moved); nothing was changed.`);
  }
  if ((stat.type & vscode.FileType.File) === 0) return refused(`${name} is not a file; nothing was changed.`);
  if (
    ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0 ||
    vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false
  ) {
    return refused(`${name} is read-only; nothing was changed.`);
  }
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    return refused(`${name} could not be opened (${e instanceof Error ? e.message : String(e)}); nothing was changed.`);
  }
  if (readonlyBySettings(doc))
    return refused(`${name} is read-only (setting files.readonlyInclude); nothing was changed.`);
  // Twice at most: when the text changes between reading it and applying the edit, VS Code
  // rejects the edit (the document's version is part of it) and the edit is computed again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const wasDirty = doc.isDirty;
    const version = doc.version;
    const text = doc.getText();
    const result = compute(text);
    if (!result.ok) return refused(result.message);
    const edit = addEdits(new vscode.WorkspaceEdit(), uri, new LineIndex(text), result.edits);
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) {
      if (doc.version !== version && !doc.isClosed) continue;
      return refused(`VS Code did not apply the edit to ${name} (is it read-only?); nothing was changed.`);
    }
    let saved = false;
    if (!wasDirty && doc.getText() === result.text) {
      saved = await doc.save().then(
        (ok) => ok,
        () => false,
      );
      if (!saved) {
        // A file without write permission: VS Code lets the editor change it but not save it
        // (the API's FileStat does not tell). The change stays in the editor, unsaved.
        const message = `${options.done} in ${name}, but the file could not be saved (is it read-only?). The change is only in the editor: undo it there, or save the plan elsewhere.`;
        if (!options.quiet) void vscode.window.showWarningMessage(`Workback: ${message}`);
        return { status: 'applied', uri: uri.toString(), saved, message };
      }
    }
    const message = `${options.done} in ${name}${wasDirty ? ' (not saved: the plan had unsaved changes)' : ''}`;
    if (!options.quiet) vscode.window.setStatusBarMessage(`$(check) ${message}`, 4000);
    return { status: 'applied', uri: uri.toString(), saved, message };
  }
  return refused(`${name} kept changing while Workback edited it; nothing was changed. Try again.`);
}

/**
 * Whether `files.readonlyInclude` (minus `files.readonlyExclude`) makes the document read-only
 * in the editor. VS Code does not stop a WorkspaceEdit on such a document, so Workback checks.
 * Globs are relative to the workspace folder unless absolute, as VS Code evaluates them.
 */
export function readonlyBySettings(doc: vscode.TextDocument): boolean {
  const cfg = vscode.workspace.getConfiguration('files', doc.uri);
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const matches = (globs: unknown): boolean => {
    if (typeof globs !== 'object' || globs === null) return false;
    return Object.entries(globs as Record<string, unknown>).some(([glob, on]) => {
      if (on !== true) return false;
      const pattern =
        folder && !glob.startsWith('/') && !/^[A-Za-z]:/.test(glob) ? new vscode.RelativePattern(folder, glob) : glob;
      return vscode.languages.match({ pattern }, doc) > 0;
    });
  };
  return matches(cfg.get('readonlyInclude')) && !matches(cfg.get('readonlyExclude'));
}
