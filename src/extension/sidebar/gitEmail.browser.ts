/**
 * In the web worker extension host (vscode.dev, github.dev) no process can run: who I am comes
 * from `workback.me` alone, and the views say so when it is not set (gitEmail.ts is the Node
 * host's).
 */
import type * as vscode from 'vscode';

export type GitEmailReader = (folder: vscode.Uri, trusted: boolean) => Promise<string | undefined>;

export const gitUserEmail: GitEmailReader = () => Promise.resolve(undefined);
