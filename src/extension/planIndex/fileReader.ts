/**
 * Reads plan files for the index. Every workspace.fs call is a round trip to the editor. The file
 * is looked at first (stat, beside the look at its folders, both in flight with the other plans'):
 * what is not a regular file, a symlink or under a symlinked folder (it may lead out of the
 * workspace), or larger than workback.maxFileSizeMB is never read. The read budget counts the size
 * the stat gave; a file that grew since is charged what it turned out to be.
 */
import * as vscode from 'vscode';
import { FolderLinks } from '../folderLinks';
import { ByteBudget } from './byteBudget';
import type { IndexStats } from './entries';

/** Bytes of plan text read and not yet checked, at most (a larger plan is read alone). */
export const READ_BUDGET_BYTES = 16 * 1024 * 1024;

/** What came of a look at a plan file, and of reading it. */
export type FileRead =
  /** Gone, not a regular file, or a link: not a plan to keep. */
  | { kind: 'not-a-plan' }
  /** Over `maxFileSize` (the setting when the stat came back): not read. */
  | { kind: 'too-large'; size: number; maxFileSize: number }
  /** The bytes, and the `maxFileSize` when they came back. */
  | { kind: 'read'; bytes: Uint8Array; maxFileSize: number };

export interface FileReaderDeps {
  log: vscode.LogOutputChannel;
  maxFileSize: () => number;
  stats: IndexStats;
}

export class PlanFileReader {
  private readonly budget = new ByteBudget(READ_BUDGET_BYTES);
  private readonly folders = new FolderLinks();

  constructor(private readonly deps: FileReaderDeps) {}

  /** Folders may have become links or stopped being ones (a new scan, a rename). */
  forgetFolders(): void {
    this.folders.clear();
  }

  /**
   * Look at the file, read it when it is worth reading, and hand what came of it to `use` while
   * its bytes count in the read budget. Nothing is handed on once `isCurrent()` is false.
   */
  async read(uri: vscode.Uri, isCurrent: () => boolean, use: (r: FileRead) => Promise<void> | void): Promise<void> {
    const look = await this.look(uri, isCurrent);
    if (look === undefined) return;
    if (look.kind !== 'size') {
      await use(look);
      return;
    }
    const { size } = look;
    const release = await this.budget.acquire(size);
    let releaseOver: (() => void) | undefined;
    try {
      if (!isCurrent()) return;
      this.deps.stats.reads++;
      const bytes = await vscode.workspace.fs.readFile(uri).then(
        (b) => b,
        () => undefined,
      );
      if (bytes && bytes.byteLength > size) releaseOver = this.budget.charge(bytes.byteLength - size);
      if (!isCurrent()) return;
      await use(bytes ? { kind: 'read', bytes, maxFileSize: this.deps.maxFileSize() } : { kind: 'not-a-plan' }); // gone since the stat
    } finally {
      releaseOver?.();
      release();
    }
  }

  /** The file's stat and its folders: not a plan, too large, or the size to read (undefined once not current). */
  private async look(
    uri: vscode.Uri,
    isCurrent: () => boolean,
  ): Promise<Exclude<FileRead, { kind: 'read' }> | { kind: 'size'; size: number } | undefined> {
    const [stat, linked] = await Promise.all([
      vscode.workspace.fs.stat(uri).then(
        (st) => st,
        () => undefined,
      ),
      this.folders.linkedFolder(uri),
    ]);
    if (!isCurrent()) return undefined;
    if (!stat || stat.type !== vscode.FileType.File || linked) {
      if (stat && (stat.type & vscode.FileType.SymbolicLink || linked))
        this.deps.log.info(
          `not read: ${vscode.workspace.asRelativePath(uri)} is ${linked ? `under a symlinked folder (${vscode.workspace.asRelativePath(linked)})` : 'a symlink'}; Workback follows no link in the workspace's files`,
        );
      return { kind: 'not-a-plan' };
    }
    const maxFileSize = this.deps.maxFileSize();
    return stat.size <= maxFileSize
      ? { kind: 'size', size: stat.size }
      : { kind: 'too-large', size: stat.size, maxFileSize };
  }
}
