/**
 * `git config user.email`, run as a process: the Node extension host's way to learn who I am
 * when `workback.me` is not set. The web worker host (vscode.dev) builds with gitEmail.browser.ts
 * in its place (esbuild.mjs), which has no process to run.
 */
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { gitEmailCommand, gitExecutable } from './gitCommand';

export type GitEmailReader = (folder: vscode.Uri, trusted: boolean) => Promise<string | undefined>;

export const GIT_TIMEOUT_MS = 3000;

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
