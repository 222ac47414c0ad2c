/**
 * Which plan a restored timeline panel may show. The saved state comes from the page, so it is
 * not trusted: restoring opens the plan it names. Only a plan file of the workspace qualifies
 * (`*.workback.yaml` / `*.workback.yml` inside a workspace folder, outside node_modules and .git,
 * no `.` or `..` segment), and only a regular file that is not reached through a symlink, as the
 * index reads them; anything else restores the panel on the active plan instead.
 */
import * as vscode from 'vscode';
import { FolderLinks } from '../folderLinks';
import { isWorkspacePlanFile } from '../planFiles';

/** The saved URI when it names a plan file of the workspace by a plain path; undefined otherwise. */
export function workspacePlanUri(saved: string | undefined): vscode.Uri | undefined {
  if (!saved) return undefined;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(saved, true);
  } catch {
    return undefined;
  }
  if (
    uri.query !== '' ||
    uri.fragment !== '' ||
    uri.path.includes('\\') ||
    uri.path.split('/').some((s) => s === '.' || s === '..')
  )
    return undefined;
  return isWorkspacePlanFile(uri) ? uri : undefined;
}

/** The plan a restored panel shows: the saved one when it is a workspace plan file on disk, not a link. */
export async function restorablePlan(saved: string | undefined): Promise<vscode.Uri | undefined> {
  const uri = workspacePlanUri(saved);
  if (!uri) return undefined;
  const [stat, linked] = await Promise.all([
    vscode.workspace.fs.stat(uri).then(
      (s) => s,
      () => undefined,
    ),
    new FolderLinks().linkedFolder(uri),
  ]);
  return stat?.type === vscode.FileType.File && !linked ? uri : undefined;
}
