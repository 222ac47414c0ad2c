/**
 * How the sidebar runs git: which executable, with which arguments, where. Git is never looked
 * up from the workspace: Windows searches the working directory before PATH, so a `git.exe` in
 * a repository would run. The executable is the built-in git extension's (its API's `git.path`),
 * or the `git.path` setting when it names an absolute path; only when neither is known is `git`
 * looked up on PATH, from the user's home directory. The working directory is always the home
 * directory; the workspace folder is named with `-C`. No vscode here (unit-tested).
 */

export interface GitCommand {
  file: string;
  args: string[];
  cwd: string;
}

/** Whether `p` is an absolute path on POSIX or Windows (`C:\`, `C:/`, `\\server\share`). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/**
 * The git executable: the git extension's when it has one, else the first absolute path of the
 * `git.path` setting (a string or a list of strings), else undefined (look `git` up on PATH).
 */
export function gitExecutable(apiPath: unknown, setting: unknown): string | undefined {
  if (typeof apiPath === 'string' && isAbsolutePath(apiPath)) return apiPath;
  const candidates = typeof setting === 'string' ? [setting] : Array.isArray(setting) ? setting : [];
  return candidates.find((c): c is string => typeof c === 'string' && isAbsolutePath(c));
}

/**
 * `git config user.email` for `folder` (trusted: the folder's config too; untrusted: only the
 * user's global config, and the folder is not named at all).
 */
export function gitEmailCommand(
  executable: string | undefined,
  folder: string,
  trusted: boolean,
  home: string,
): GitCommand {
  const args = trusted
    ? ['-C', folder, 'config', '--get', 'user.email']
    : ['config', '--global', '--get', 'user.email'];
  return { file: executable ?? 'git', args, cwd: home };
}
