/**
 * Who "me" is for the sidebar: the `workback.me` setting (person ids or emails), otherwise the
 * git `user.email` of each workspace folder. Plans match it with the core's `resolveMe`.
 * Git runs with a timeout, only for folders on disk; in a restricted (untrusted) workspace only
 * the user's global git config is read, never the folder's. Git is the built-in git extension's
 * (or the `git.path` setting's), never looked up from the workspace (gitCommand.ts).
 */
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { gitEmailCommand, gitExecutable } from './gitCommand';

export interface Identity {
  /** Person ids and emails that name me (empty: unknown). */
  readonly me: readonly string[];
  /** Where they came from. */
  readonly source: 'setting' | 'git' | 'none';
}

export const GIT_TIMEOUT_MS = 3000;
const MAX_ENTRIES = 50;

/** The setting's value as a list: a string, or an array of strings; blanks dropped. */
export function meFromSetting(value: unknown): string[] {
  const raw = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const out: string[] = [];
  for (const v of raw.slice(0, MAX_ENTRIES)) {
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t && t.length <= 320 && !out.includes(t)) out.push(t);
  }
  return out;
}

export type GitEmailReader = (folder: vscode.Uri, trusted: boolean) => Promise<string | undefined>;

/** The git extension's API, as much of it as is read here. */
interface GitExtensionExports {
  getAPI(version: 1): { git: { path: string } };
}

/** The git executable VS Code's git extension uses (or the `git.path` setting's); undefined when neither is known. */
export async function resolveGitPath(): Promise<string | undefined> {
  let apiPath: string | undefined;
  try {
    const ext = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
    const exports = ext ? (ext.isActive ? ext.exports : await ext.activate()) : undefined;
    apiPath = exports?.getAPI(1).git.path;
  } catch {
    apiPath = undefined; // git disabled, or not found by the extension
  }
  return gitExecutable(apiPath, vscode.workspace.getConfiguration('git').get('path'));
}

/** `git config user.email` for a folder on disk (undefined when git, the folder or the value is missing). */
export const gitUserEmail: GitEmailReader = async (folder, trusted) => {
  if (folder.scheme !== 'file') return undefined;
  const { file, args, cwd } = gitEmailCommand(await resolveGitPath(), folder.fsPath, trusted, os.homedir());
  return new Promise((resolve) => {
    try {
      execFile(
        file,
        args,
        {
          cwd,
          timeout: GIT_TIMEOUT_MS,
          windowsHide: true,
          maxBuffer: 64 * 1024,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
        },
        (err, stdout) => {
          const email = String(stdout ?? '').trim();
          resolve(!err && email && email.length <= 320 ? email : undefined);
        },
      );
    } catch {
      resolve(undefined);
    }
  });
};

/** Resolves and caches the identity; fires when it may have changed. */
export class IdentityResolver implements vscode.Disposable {
  private cached: Promise<Identity> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly readGitEmail: GitEmailReader = gitUserEmail) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('workback.me')) this.invalidate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    );
  }

  /** Forget the cached identity (the setting, the folders or git may have changed). */
  invalidate(): void {
    this.cached = undefined;
    this.emitter.fire();
  }

  resolve(): Promise<Identity> {
    this.cached ??= this.compute();
    return this.cached;
  }

  private async compute(): Promise<Identity> {
    const fromSetting = meFromSetting(vscode.workspace.getConfiguration('workback').get('me'));
    if (fromSetting.length > 0) return { me: fromSetting, source: 'setting' };
    const folders = vscode.workspace.workspaceFolders ?? [];
    const trusted = vscode.workspace.isTrusted;
    const emails = await Promise.all(
      folders.slice(0, MAX_ENTRIES).map((f) => this.readGitEmail(f.uri, trusted).catch(() => undefined)),
    );
    const me = [...new Set(emails.filter((e): e is string => !!e))];
    return me.length > 0 ? { me, source: 'git' } : { me: [], source: 'none' };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
