/** A feature's commands as one table: each command's id beside what it runs, registered together. */
import * as vscode from 'vscode';

export interface Command {
  readonly id: string;
  /** Gets what VS Code passes: the tree element a menu ran it on, or a caller's arguments (untrusted). */
  readonly run: (...args: never[]) => unknown;
}

export type CommandTable = readonly Command[];

export function registerCommands(table: CommandTable): vscode.Disposable {
  return vscode.Disposable.from(...table.map((c) => vscode.commands.registerCommand(c.id, c.run)));
}
