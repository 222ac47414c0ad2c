/** Which documents and files are plans. */
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'workback';
/** Every plan file in the workspace. */
export const PLAN_GLOB = '**/*.workback.{yaml,yml}';
const PLAN_NAME = /\.workback\.ya?ml$/i;
const IGNORED_PATH = /\/(node_modules|\.git)\//;

/** A plan by its name, outside node_modules and .git. */
export function isPlanPath(uri: vscode.Uri): boolean {
  return PLAN_NAME.test(uri.path) && !IGNORED_PATH.test(uri.path);
}

/** Schemes whose documents are the user's files: not git's old versions, output panes and the like. */
export function isUserScheme(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file' || uri.scheme === 'untitled') return true;
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === uri.scheme);
}

/** An open document that is a plan (language `workback`, in a user scheme). */
export function isPlanDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID && isUserScheme(doc.uri);
}

/** A plan file that belongs to the workspace-wide index (it stays there when its editor closes). */
export function isWorkspacePlanFile(uri: vscode.Uri): boolean {
  return uri.scheme !== 'untitled' && isPlanPath(uri) && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Whether `uri` is `folder` or lies under it. */
export function isUnder(uri: vscode.Uri, folder: vscode.Uri): boolean {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path === folder.path || uri.path.startsWith(base);
}
