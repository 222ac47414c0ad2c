/**
 * Which files a command reads: plan files under directories, files named on the command
 * line, and glob matches. Walks are iterative and sorted; `node_modules` and `.git` are
 * skipped; symlinked directories are not entered; a symlinked file is taken only when its
 * target lies inside the tree being searched; FIFOs, sockets and devices are never opened.
 */
import { errorCode, type CliIO, type EntryKind } from './io';
import { expandBraces, hasMagic, mayMatchBelow, matchSegments, splitGlob } from './glob';
import { dirname, isInside, joinPath, relativePath, resolvePath } from './paths';

export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isPlanFileName(name: string): boolean {
  return name.endsWith('.workback.yaml') || name.endsWith('.workback.yml');
}

export interface FoundFile {
  /** Absolute path as found (symlinks not resolved). */
  path: string;
  /** The path to read: the symlink's target for a symlinked file. */
  readPath: string;
  /** Relative to the working directory, `/`-separated: what the output shows. */
  display: string;
}

export interface Discovery {
  /** Sorted by display path (code-unit order: the same in every locale). */
  files: FoundFile[];
  /** Operands that name nothing usable: usage errors (exit 2). */
  problems: string[];
  /** Things skipped on purpose (a symlink leading outside the tree): said on stderr. */
  notes: string[];
  /** Directories that could not be listed: said on stderr; the rest is still checked, then exit 2. */
  unreadable: string[];
}

type Accept = (segments: readonly string[]) => boolean;
type Descend = (segments: readonly string[]) => boolean;

class Finder {
  readonly found = new Map<string, FoundFile>();
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  readonly unreadable: string[] = [];
  private readonly realRoots = new Map<string, Promise<string>>();
  readonly cwd: string;

  constructor(readonly io: CliIO) {
    this.cwd = resolvePath('/', io.cwd);
  }

  /** The tree an operand is searched in: the working directory, or the operand's own place. */
  treeOf(abs: string, isDirectory: boolean): string {
    return isInside(abs, this.cwd) ? this.cwd : isDirectory ? abs : dirname(abs);
  }

  private realRoot(root: string): Promise<string> {
    let p = this.realRoots.get(root);
    if (!p) {
      p = this.io.realpath(root).then(
        (r) => resolvePath('/', r),
        () => root,
      );
      this.realRoots.set(root, p);
    }
    return p;
  }

  /** The real path of `abs` when it lies inside `root`'s tree, else undefined. */
  async realInside(abs: string, root: string): Promise<string | undefined> {
    const real = resolvePath('/', await this.io.realpath(abs));
    return isInside(real, await this.realRoot(root)) ? real : undefined;
  }

  add(path: string, readPath: string): void {
    if (!this.found.has(path)) this.found.set(path, { path, readPath, display: relativePath(this.cwd, path) });
  }

  /** Walk `dir` depth-first in name order; returns how many files matched (found before or not). */
  async walk(dir: string, root: string, accept: Accept, descend: Descend): Promise<number> {
    let matched = 0;
    const stack: { dir: string; segments: string[] }[] = [{ dir, segments: [] }];
    while (stack.length) {
      const { dir: current, segments } = stack.pop()!;
      let entries: { name: string; kind: EntryKind }[];
      try {
        entries = await this.io.readDir(current);
      } catch (err) {
        this.unreadable.push(`cannot read directory '${this.show(current)}' (${errorCode(err) ?? 'error'})`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: { dir: string; segments: string[] }[] = [];
      for (const entry of entries) {
        const path = joinPath(current, entry.name);
        const segs = [...segments, entry.name];
        if (entry.kind === 'directory') {
          if (!SKIPPED_DIRECTORIES.has(entry.name) && descend(segs)) subdirs.push({ dir: path, segments: segs });
        } else if (entry.kind === 'file') {
          if (accept(segs)) {
            this.add(path, path);
            matched++;
          }
        } else if (entry.kind === 'symlink' && accept(segs)) {
          const real = this.found.get(path)?.readPath ?? (await this.followLink(path, root));
          if (real !== undefined) {
            this.add(path, real);
            matched++;
          }
        }
        // FIFOs, sockets, devices: never opened.
      }
      // Push in reverse so the walk visits directories in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
    return matched;
  }

  /** A symlink met in a walk: its target when that is a regular file inside the tree. */
  private async followLink(path: string, root: string): Promise<string | undefined> {
    let real: string | undefined;
    try {
      real = await this.realInside(path, root);
    } catch {
      this.notes.push(`skipped '${this.show(path)}': broken symlink`);
      return undefined;
    }
    if (real === undefined) {
      this.notes.push(`skipped '${this.show(path)}': symlink leads outside '${this.show(root)}'`);
      return undefined;
    }
    const st = await this.io.lstat(real).catch(() => undefined);
    return st?.kind === 'file' ? real : undefined;
  }

  show(abs: string): string {
    return relativePath(this.cwd, abs);
  }
}

/** Resolve the operands (none: every plan file under the working directory). */
export async function findFiles(io: CliIO, operands: readonly string[]): Promise<Discovery> {
  const f = new Finder(io);
  if (operands.length === 0) {
    await f.walk(
      f.cwd,
      f.cwd,
      (s) => isPlanFileName(s[s.length - 1]!),
      () => true,
    );
  }
  for (const operand of operands) {
    const abs = resolvePath(f.cwd, operand);
    const st = await io.lstat(abs).catch(() => undefined);
    if (st === undefined && hasMagic(operand)) await globOperand(f, operand);
    else if (st === undefined) f.problems.push(`'${operand}': no such file or directory`);
    else await pathOperand(f, operand, abs);
  }
  const files = [...f.found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems: f.problems, notes: f.notes, unreadable: f.unreadable };
}

async function pathOperand(f: Finder, operand: string, abs: string): Promise<void> {
  let kind: EntryKind;
  let real: string | undefined;
  try {
    kind = (await f.io.stat(abs)).kind;
    real = await f.realInside(abs, f.treeOf(abs, kind === 'directory'));
  } catch {
    f.problems.push(`'${operand}': broken symlink`);
    return;
  }
  if (real === undefined) {
    f.problems.push(`'${operand}': a symlink leads outside the tree; not followed`);
    return;
  }
  if (kind === 'directory') {
    const root = f.treeOf(abs, true);
    const n = await f.walk(
      abs,
      root,
      (s) => isPlanFileName(s[s.length - 1]!),
      () => true,
    );
    if (n === 0) f.problems.push(`'${operand}': no plan files (*.workback.yaml, *.workback.yml) in this directory`);
  } else if (kind === 'file') f.add(abs, real);
  else f.problems.push(`'${operand}': not a regular file`);
}

async function globOperand(f: Finder, operand: string): Promise<void> {
  let alternatives: string[];
  try {
    alternatives = expandBraces(operand.replace(/\\/g, '/'));
  } catch (err) {
    f.problems.push(`'${operand}': ${(err as Error).message}`);
    return;
  }
  let matched = 0;
  for (const alternative of alternatives) {
    const { base, segments } = splitGlob(alternative);
    const baseAbs = resolvePath(f.cwd, base === '' ? '.' : base);
    const root = f.treeOf(baseAbs, true);
    const st = await f.io.stat(baseAbs).catch(() => undefined);
    if (st?.kind !== 'directory') continue;
    const inside = await f.realInside(baseAbs, root).catch(() => undefined);
    if (inside === undefined) {
      f.notes.push(`skipped '${f.show(baseAbs)}': symlink leads outside the tree`);
      continue;
    }
    matched += await f.walk(
      baseAbs,
      root,
      (s) => matchSegments(segments, s),
      (s) => mayMatchBelow(segments, s),
    );
  }
  if (matched === 0) f.problems.push(`'${operand}': no files match this pattern`);
}
