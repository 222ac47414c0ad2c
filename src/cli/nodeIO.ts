/** The real world for the CLI: Node's file system, streams, environment and clock. */
import { constants, promises as fs, type Stats } from 'node:fs';
import type { Writable } from 'node:stream';
import { ioError, type CliIO, type EntryKind, type OutStream, type ReadOptions } from './io';
import { toSlashes } from './paths';

function kindOf(s: Stats | { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  return 'other';
}

/** Writes that wait for 'drain' when the stream's buffer is full, so output never piles up in memory. */
export function streamOut(stream: Writable): OutStream {
  return {
    write(text: string): void | Promise<void> {
      if (stream.write(text)) return undefined;
      return new Promise((resolve) => {
        const done = (): void => {
          stream.off('drain', done);
          stream.off('close', done);
          stream.off('error', done);
          resolve();
        };
        stream.once('drain', done);
        stream.once('close', done);
        stream.once('error', done);
      });
    },
  };
}

// O_NONBLOCK: opening a FIFO never waits for a writer; O_NOFOLLOW: a final symlink is refused.
// Neither exists on Windows, where FIFOs and symlinks are not a concern for plain reads.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

async function readRegularFile(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const handle = await fs.open(path, OPEN_FLAGS);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw ioError('ENOTFILE', `not a regular file: ${path}`);
    const max = options.maxBytes ?? Infinity;
    if (st.size > max) throw ioError('EFBIG', `larger than ${max} bytes: ${path}`);
    // Read to the end, never past the limit (the file may have grown since the stat).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.max(1, Math.min(1 << 20, max + 1 - total));
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw ioError('EFBIG', `larger than ${max} bytes: ${path}`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

export interface NodeIOOptions {
  /** Default: process.cwd(). */
  cwd?: string;
  /** Default: process.stdout / process.stderr. */
  stdout?: Writable;
  stderr?: Writable;
}

export function nodeIO(options: NodeIOOptions = {}): CliIO {
  const env = process.env;
  const stdout = options.stdout ?? process.stdout;
  const isTTY = (stdout as { isTTY?: boolean }).isTTY === true;
  const color = env['NO_COLOR']
    ? false
    : env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0'
      ? true
      : isTTY && env['TERM'] !== 'dumb';
  return {
    stdout: streamOut(stdout),
    stderr: streamOut(options.stderr ?? process.stderr),
    cwd: toSlashes(options.cwd ?? process.cwd()),
    env,
    readFile: readRegularFile,
    lstat: async (path) => {
      const s = await fs.lstat(path);
      return { kind: kindOf(s), size: s.size };
    },
    stat: async (path) => {
      const s = await fs.stat(path);
      return { kind: kindOf(s), size: s.size };
    },
    readDir: async (path) =>
      (await fs.readdir(path, { withFileTypes: true })).map((d) => ({ name: d.name, kind: kindOf(d) })),
    realpath: async (path) => toSlashes(await fs.realpath(path)),
    now: () => {
      const d = new Date();
      return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
    },
    isTTY,
    color,
  };
}
