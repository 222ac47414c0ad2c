/**
 * Whether a plan file lies under a symlinked folder of its workspace folder. The workspace search
 * follows links (search.followSymlinks), and workspace.fs can say that a path is a link but not
 * where it leads, so the index follows none: a folder between the file and its workspace folder
 * that is a link means the file is not read. One stat per folder, shared by the files in it and
 * cached until clear() (a new scan, a change of workspace folders).
 */
import * as vscode from 'vscode';
import { isUnder } from './planFiles';

export type StatFn = (uri: vscode.Uri) => Thenable<vscode.FileStat>;

export class FolderLinks {
  private readonly linked = new Map<string, Promise<boolean>>();

  constructor(private readonly stat: StatFn = (uri) => vscode.workspace.fs.stat(uri)) {}

  clear(): void {
    this.linked.clear();
  }

  /** The first symlinked folder between `uri` and its workspace folder (that folder itself aside), if any. */
  async linkedFolder(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    if (!root) return undefined;
    const dirs: vscode.Uri[] = [];
    for (
      let d = vscode.Uri.joinPath(uri, '..');
      isUnder(d, root) && d.path.replace(/\/$/, '') !== root.path.replace(/\/$/, '');
      d = vscode.Uri.joinPath(d, '..')
    )
      dirs.push(d);
    const flags = await Promise.all(dirs.map((d) => this.isLink(d)));
    const at = flags.lastIndexOf(true); // the one nearest the workspace folder
    return at >= 0 ? dirs[at] : undefined;
  }

  private isLink(dir: vscode.Uri): Promise<boolean> {
    const key = dir.toString();
    let p = this.linked.get(key);
    if (!p) {
      // a folder that cannot be looked at is not trusted either
      p = Promise.resolve(this.stat(dir)).then(
        (st) => (st.type & vscode.FileType.SymbolicLink) !== 0,
        () => true,
      );
      this.linked.set(key, p);
    }
    return p;
  }
}
