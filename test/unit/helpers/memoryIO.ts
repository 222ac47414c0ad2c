/**
 * An in-memory CliIO for the CLI's tests: files, directories,
 * symlinks and FIFOs at absolute `/`-separated paths; what the CLI writes is collected.
 */
import { ioError, type CliIO, type DirEntry, type EntryKind, type EntryStat } from '../../../src/cli/io';
import { dirname, joinPath, resolvePath } from '../../../src/cli/paths';

/** File text (or bytes), or a symlink, a FIFO, an empty directory, a file or directory nobody may read. */
export type MemoryEntry =
  | string
  | Uint8Array
  | { symlink: string }
  | { fifo: true }
  | { dir: true }
  | { unreadable: true }
  | { lockedDir: true };

type Node =
  | { kind: 'file'; bytes: Uint8Array }
  | { kind: 'directory'; locked?: boolean }
  | { kind: 'symlink'; target: string }
  | { kind: 'other' }
  | { kind: 'unreadable' };

export interface MemoryIOOptions {
  cwd?: string;
  /** What `now()` returns (the default: 2026-07-01). */
  now?: { y: number; m: number; d: number };
  env?: Record<string, string>;
  color?: boolean;
}

export interface MemoryIO extends CliIO {
  readonly stdoutText: string;
  readonly stderrText: string;
  /** Paths passed to readFile, in order. */
  readonly reads: string[];
}

/** `files` maps paths (absolute, or relative to `/`) to contents or special entries. */
export function memoryIO(files: Record<string, MemoryEntry>, options: MemoryIOOptions = {}): MemoryIO {
  const nodes = new Map<string, Node>([['/', { kind: 'directory' }]]);
  const addDirs = (path: string): void => {
    for (let d = dirname(path); !nodes.has(d); d = dirname(d)) nodes.set(d, { kind: 'directory' });
  };
  for (const [raw, entry] of Object.entries(files)) {
    const path = resolvePath('/', raw);
    addDirs(path);
    if (typeof entry === 'string') nodes.set(path, { kind: 'file', bytes: new TextEncoder().encode(entry) });
    else if (entry instanceof Uint8Array) nodes.set(path, { kind: 'file', bytes: entry });
    else if ('symlink' in entry) nodes.set(path, { kind: 'symlink', target: entry.symlink });
    else if ('fifo' in entry) nodes.set(path, { kind: 'other' });
    else if ('unreadable' in entry) nodes.set(path, { kind: 'unreadable' });
    else if ('lockedDir' in entry) nodes.set(path, { kind: 'directory', locked: true });
    else nodes.set(path, { kind: 'directory' });
  }
  const cwd = resolvePath('/', options.cwd ?? '/work');
  if (!nodes.has(cwd)) {
    addDirs(cwd);
    nodes.set(cwd, { kind: 'directory' });
  }

  /** Resolve every symlink along the path (the last one too unless `followLast` is false). */
  const resolve = (path: string, followLast: boolean): string => {
    let hops = 0;
    let rest = resolvePath('/', path)
      .split('/')
      .filter((s) => s !== '');
    let current = '/';
    while (rest.length) {
      const [name, ...tail] = rest;
      const next = joinPath(current, name!);
      const node = nodes.get(next);
      if (node?.kind === 'symlink' && (tail.length > 0 || followLast)) {
        if (++hops > 40) throw ioError('ELOOP', `too many symlinks: ${path}`);
        const target = resolvePath(current, node.target);
        rest = [...target.split('/').filter((s) => s !== ''), ...tail];
        current = '/';
        continue;
      }
      if (!node) throw ioError('ENOENT', `no such file or directory: ${path}`);
      if (tail.length > 0 && node.kind !== 'directory') throw ioError('ENOTDIR', `not a directory: ${path}`);
      current = next;
      rest = tail;
    }
    return current;
  };
  const kindOf = (node: Node): EntryKind => (node.kind === 'unreadable' ? 'file' : node.kind);
  const statOf = (node: Node): EntryStat => ({
    kind: kindOf(node),
    size: node.kind === 'file' ? node.bytes.length : 0,
  });

  let stdoutText = '';
  let stderrText = '';
  const reads: string[] = [];
  return {
    stdout: { write: (t: string) => void (stdoutText += t) },
    stderr: { write: (t: string) => void (stderrText += t) },
    get stdoutText() {
      return stdoutText;
    },
    get stderrText() {
      return stderrText;
    },
    reads,
    cwd,
    env: options.env ?? {},
    async readFile(path, readOptions = {}) {
      reads.push(path);
      const node = nodes.get(resolve(path, false));
      if (node?.kind === 'symlink') throw ioError('ELOOP', `symlink: ${path}`);
      if (node?.kind === 'unreadable') throw ioError('EACCES', `permission denied: ${path}`);
      if (node?.kind !== 'file') throw ioError('ENOTFILE', `not a regular file: ${path}`);
      if (node.bytes.length > (readOptions.maxBytes ?? Infinity)) throw ioError('EFBIG', `too large: ${path}`);
      return node.bytes;
    },
    async lstat(path) {
      return statOf(nodes.get(resolve(path, false))!);
    },
    async stat(path) {
      return statOf(nodes.get(resolve(path, true))!);
    },
    async readDir(path): Promise<DirEntry[]> {
      const dir = resolve(path, true);
      const node = nodes.get(dir);
      if (node?.kind !== 'directory') throw ioError('ENOTDIR', `not a directory: ${path}`);
      if (node.locked) throw ioError('EACCES', `permission denied: ${path}`);
      const out: DirEntry[] = [];
      for (const [p, node] of nodes)
        if (p !== '/' && dirname(p) === dir) out.push({ name: p.slice(p.lastIndexOf('/') + 1), kind: kindOf(node) });
      return out.reverse(); // an order the CLI must not rely on
    },
    async realpath(path) {
      return resolve(path, true);
    },
    now: () => options.now ?? { y: 2026, m: 7, d: 1 },
    isTTY: false,
    color: options.color ?? false,
  };
}
