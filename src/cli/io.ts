/**
 * Everything the CLI needs from the outside world, passed in as one object: `main.ts` gives
 * Node's (nodeIO.ts), the tests give an in-memory one (test/unit/helpers/memoryIO.ts). Paths are absolute and
 * use `/` as the separator on every platform (`C:/work/plans` on Windows).
 */

/** What a path is, without following a final symlink (lstat) or after following it (stat). */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface EntryStat {
  kind: EntryKind;
  /** Size in bytes (meaningful for files). */
  size: number;
}

export interface DirEntry {
  name: string;
  /** As lstat sees it: a symlink is `symlink`, a FIFO, socket or device is `other`. */
  kind: EntryKind;
}

export interface OutStream {
  /** May return a promise that settles when the stream can take more (backpressure). */
  write(text: string): void | Promise<void>;
}

export interface ReadOptions {
  /** Refuse (error code `EFBIG`) a file with more bytes than this, without reading it all. */
  maxBytes?: number;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Absolute working directory, `/`-separated. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Read a regular file's bytes (decoded by the core's decodePlanBytes). Never blocks on a FIFO or device and never follows a
   * final symlink: errors with code `ENOTFILE` for anything that is not a regular file,
   * `EFBIG` past `maxBytes`, and the usual `ENOENT`, `EACCES`...
   */
  readFile(path: string, options?: ReadOptions): Promise<Uint8Array>;
  /** Like lstat: a symlink is reported as `symlink`. Rejects (code `ENOENT`...) when missing. */
  lstat(path: string): Promise<EntryStat>;
  /** Like stat: follows symlinks. */
  stat(path: string): Promise<EntryStat>;
  /** Entries of a directory, in any order. */
  readDir(path: string): Promise<DirEntry[]>;
  /** The canonical path with every symlink resolved. */
  realpath(path: string): Promise<string>;
  /** Today's civil date where the user is; only used when `--today` is absent. */
  now(): { y: number; m: number; d: number };
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** Colour the text output (decided by main.ts from isTTY, NO_COLOR, FORCE_COLOR). */
  color: boolean;
}

/** An error carrying a Node-style code (`ENOENT`, `ENOTFILE`, `EFBIG`...). */
export function ioError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
