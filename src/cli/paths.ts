/**
 * Path arithmetic on `/`-separated absolute paths (`/a/b` or `C:/a/b`), the same on every
 * platform so that output never depends on where the CLI runs.
 */

const DRIVE = /^[A-Za-z]:\//;

export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || DRIVE.test(path);
}

/** The root part (`/` or `C:/`) and the segments after it, with `.` and `..` resolved. */
function split(abs: string): { root: string; segments: string[] } {
  const root = abs.startsWith('/') ? '/' : abs.slice(0, 3);
  const segments: string[] = [];
  for (const seg of abs.slice(root.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return { root, segments };
}

/** Resolve `path` (absolute or relative) against the absolute `base`. */
export function resolvePath(base: string, path: string): string {
  const p = toSlashes(path);
  const { root, segments } = split(isAbsolute(p) ? p : `${base}/${p}`);
  return root + segments.join('/');
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export function dirname(abs: string): string {
  const { root, segments } = split(abs);
  return root + segments.slice(0, -1).join('/');
}

/** Whether `path` is `dir` itself or lies under it (both absolute and normalised). */
export function isInside(path: string, dir: string): boolean {
  if (path === dir) return true;
  return path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/** `to` relative to `from`, `/`-separated; `.` for the same directory. */
export function relativePath(from: string, to: string): string {
  const a = split(from);
  const b = split(to);
  if (a.root !== b.root) return to;
  let i = 0;
  while (i < a.segments.length && i < b.segments.length && a.segments[i] === b.segments[i]) i++;
  const up = a.segments.slice(i).map(() => '..');
  const rel = [...up, ...b.segments.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}
