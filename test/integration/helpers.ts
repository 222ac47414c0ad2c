/** Shared helpers of the integration tests: the extension's API, fixture URIs, waiting on events. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkbackApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'workback.workback';

export async function getApi(): Promise<WorkbackApi> {
  const ext = vscode.extensions.getExtension<WorkbackApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need the fixture workspace open');
  return f.uri;
}

/** A URI in the fixture workspace (a temporary copy of test/fixtures/workspace). */
export function fixture(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...segments);
}

/** Poll `fn` until it returns something truthy; fail after `timeout` ms. */
export async function waitFor<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeout = 15000,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Workback's diagnostics for `uri`. */
export function workbackDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'workback');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function codes(uri: vscode.Uri): string[] {
  return workbackDiagnostics(uri).map(codeOf).sort();
}

/**
 * Wait until `uri`'s Workback diagnostics satisfy `check` (checked now and on every
 * onDidChangeDiagnostics event for that URI).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  check: (d: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout = 15000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const test = (): boolean => {
      const d = workbackDiagnostics(uri);
      if (!check(d)) return false;
      cleanup();
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) test();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `timed out after ${timeout} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; now: ${JSON.stringify(describe(workbackDiagnostics(uri)))}`,
        ),
      );
    }, timeout);
    const cleanup = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    test();
  });
}

export function describe(diags: vscode.Diagnostic[]): string[] {
  return diags.map(
    (d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
}

export const hasCode =
  (code: string) =>
  (d: vscode.Diagnostic[]): boolean =>
    d.some((x) => codeOf(x) === code);
export const isEmpty = (d: vscode.Diagnostic[]): boolean => d.length === 0;

export async function openPlan(...segments: string[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(...segments));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Replace the first occurrence of `from` in the document with `to` through a WorkspaceEdit. */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const i = doc.getText().indexOf(from);
  assert.ok(i >= 0, `"${from}" not found in ${doc.uri.toString()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(i), doc.positionAt(i + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
}

/** Update a workback.* setting in the workspace and wait until the extension has seen it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('workback');
  if (JSON.stringify(cfg.inspect(key)?.workspaceValue) === JSON.stringify(value)) return; // no change, no event
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`workback.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await cfg.update(key, value, vscode.ConfigurationTarget.Workspace);
  await seen;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
