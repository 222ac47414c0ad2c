/** Which plan files the workspace holds: all of them (a scan), or those under a renamed folder. */
import * as vscode from 'vscode';
import { isPlanPath, PLAN_GLOB } from '../planFiles';
import { errorText } from './planCheck';

export const MAX_FILES = 10000;

/** Every plan file of the workspace (at most MAX_FILES); undefined when the workspace cannot be searched. */
export async function findPlanFiles(log: vscode.LogOutputChannel): Promise<vscode.Uri[] | undefined> {
  const t0 = performance.now();
  let found: vscode.Uri[];
  try {
    found = await vscode.workspace.findFiles(PLAN_GLOB, undefined, MAX_FILES);
  } catch (e) {
    // e.g. a virtual file system without search: open plans are still checked
    log.warn(`could not list the plan files of the workspace: ${errorText(e)}`);
    return undefined;
  }
  const plans = found.filter(isPlanPath);
  log.info(
    `found ${plans.length} plan file(s) in the workspace in ${Math.round(performance.now() - t0)} ms${found.length >= MAX_FILES ? ` (stopped at ${MAX_FILES})` : ''}`,
  );
  return plans;
}

/** Hands each plan file at or under `uri` to `found` (a renamed file or folder). */
export function findPlanFilesUnder(
  uri: vscode.Uri,
  log: vscode.LogOutputChannel,
  found: (plan: vscode.Uri) => void,
): void {
  if (isPlanPath(uri)) {
    found(uri);
    return;
  }
  void vscode.workspace.findFiles(new vscode.RelativePattern(uri, PLAN_GLOB), undefined, MAX_FILES).then(
    (uris) => uris.filter(isPlanPath).forEach(found),
    (e: unknown) => log.warn(`scan of ${uri.toString()} failed: ${errorText(e)}`),
  );
}
