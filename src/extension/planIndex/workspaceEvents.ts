/**
 * The workspace events the plan index follows, each handed to the index's handler for it. A
 * handler that throws is logged, never left to VS Code's event loop.
 */
import * as vscode from 'vscode';
import { isPlanDocument, PLAN_GLOB } from '../planFiles';
import { errorText } from './planCheck';

export interface DocumentHandlers {
  opened(doc: vscode.TextDocument): void;
  /** The text of an open plan changed (the user types). */
  typed(doc: vscode.TextDocument): void;
  closed(doc: vscode.TextDocument): void;
  /** A file or folder was deleted, or a workspace folder removed. */
  removed(uri: vscode.Uri): void;
  renamed(from: vscode.Uri, to: vscode.Uri): void;
  foldersAdded(): void;
}

export interface FileHandlers {
  /** A plan file was created or changed on disk. */
  changed(uri: vscode.Uri): void;
  deleted(uri: vscode.Uri): void;
}

/** Open, typed in and closed documents, deletes and renames made in VS Code, workspace folders. */
export function followDocuments(h: DocumentHandlers, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const guard = guarded(log);
  const ws = vscode.workspace;
  const disposables = [
    ws.onDidOpenTextDocument((d) => guard('open', () => h.opened(d))),
    ws.onDidChangeTextDocument((e) =>
      guard('change', () => {
        if (e.contentChanges.length > 0 && isPlanDocument(e.document)) h.typed(e.document);
      }),
    ),
    ws.onDidCloseTextDocument((d) => guard('close', () => h.closed(d))),
    ws.onDidDeleteFiles((e) => guard('delete', () => e.files.forEach((u) => h.removed(u)))),
    ws.onDidRenameFiles((e) => guard('rename', () => e.files.forEach((f) => h.renamed(f.oldUri, f.newUri)))),
    ws.onDidChangeWorkspaceFolders((e) =>
      guard('folders', () => {
        e.removed.forEach((f) => h.removed(f.uri));
        if (e.added.length > 0) h.foldersAdded();
      }),
    ),
  ];
  // Plans already open when the extension activates are checked right after activate returns.
  const t = setTimeout(() => ws.textDocuments.forEach((d) => guard('open', () => h.opened(d))), 0);
  disposables.push({ dispose: () => clearTimeout(t) });
  return disposables;
}

/** Plan files created, changed and deleted on disk (by VS Code or anything else). */
export function watchPlanFiles(h: FileHandlers, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const guard = guarded(log);
  const watcher = vscode.workspace.createFileSystemWatcher(PLAN_GLOB);
  return [
    watcher,
    watcher.onDidCreate((u) => guard('created', () => h.changed(u))),
    watcher.onDidChange((u) => guard('changed', () => h.changed(u))),
    watcher.onDidDelete((u) => guard('deleted', () => h.deleted(u))),
  ];
}

function guarded(log: vscode.LogOutputChannel): (what: string, fn: () => void) => void {
  return (what, fn) => {
    try {
      fn();
    } catch (e) {
      log.error(`${what} handler failed: ${errorText(e)}`);
    }
  };
}
