/**
 * Who "me" is for the sidebar: the `workback.me` setting (person ids or emails), otherwise the
 * git `user.email` of each workspace folder. Plans match it with the core's `resolveMe`.
 * Git runs with a timeout, only for folders on disk; in a restricted (untrusted) workspace only
 * the user's global git config is read, never the folder's. Git is the built-in git extension's
 * (or the `git.path` setting's), never looked up from the workspace (gitCommand.ts).
 */
import * as vscode from 'vscode';
import { gitUserEmail, type GitEmailReader } from './gitEmail';

export { gitUserEmail, type GitEmailReader };

export interface Identity {
  /** Person ids and emails that name me (empty: unknown). */
  readonly me: readonly string[];
  /** Where they came from. */
  readonly source: 'setting' | 'git' | 'none';
}

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
