/**
 * Overbooking across the workspace's plans (`overbooked-across-plans`, the core's
 * overbookedAcrossPlans): worked out over every plan without errors a while after plans change
 * (and when the index goes idle), kept per plan, and added to that plan's problems when they are
 * published. Says which plans' extras changed, so that only those are published again.
 */
import * as vscode from 'vscode';
import { overbookedAcrossPlans, type Diagnostic, type PlanFile } from '../core';
import type { PlanEntry } from './planIndex';

export class AcrossPlans {
  /** By plan URI string: the extra problems and their text, to tell a change. */
  private extras = new Map<string, { diagnostics: Diagnostic[]; key: string }>();

  /** The extra problems of a plan, placed in the text its entry was checked from. */
  of(entry: PlanEntry): readonly Diagnostic[] {
    return this.extras.get(entry.uri.toString())?.diagnostics ?? [];
  }

  /** Work it out again over `entries`; returns the URI strings whose extras changed. */
  update(entries: readonly PlanEntry[]): string[] {
    const files: PlanFile[] = [];
    // messages name the other plans by their path in the workspace
    const byPath = new Map<string, PlanEntry>();
    for (const e of entries) {
      if (e.uri.scheme === 'untitled') continue; // not one of the workspace's plans
      const r = e.result;
      if (!r?.plan || !r.schedule || r.diagnostics.some((d) => d.severity === 'error')) continue;
      const file = vscode.workspace.asRelativePath(e.uri);
      files.push({ file, plan: r.plan, schedule: r.schedule });
      byPath.set(file, e);
    }
    const next = new Map<string, { diagnostics: Diagnostic[]; key: string }>();
    for (const [file, raw] of overbookedAcrossPlans(files)) {
      const entry = byPath.get(file)!;
      const at = entry.result!.lines;
      const diagnostics = raw.map((d): Diagnostic => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        span: d.span,
        range: at.range(d.span),
        ...(d.data ? { data: d.data } : {}),
      }));
      next.set(entry.uri.toString(), {
        diagnostics,
        key: diagnostics.map((d) => `${d.span.start}:${d.message}`).join('\n'),
      });
    }
    const changed = [...new Set([...this.extras.keys(), ...next.keys()])].filter(
      (uri) => this.extras.get(uri)?.key !== next.get(uri)?.key,
    );
    this.extras = next;
    return changed;
  }
}
