/**
 * Overbooking across the workspace's plans (`overbooked-across-plans`, the core's
 * overbookedAcrossPlansSteps), kept per plan and added to that plan's problems when they are
 * published. Worked out over every plan without errors once plans have been quiet for a while,
 * one person at a time in slices of the event loop of at most SLICE_MS: a workspace where six
 * people share a thousand plans costs about a hundred milliseconds in all, and none of it may
 * hold up a keystroke or the sidebar. A change while it runs starts it over.
 */
import * as vscode from 'vscode';
import { overbookedAcrossPlansSteps, type Diagnostic, type PlanFile, type RawDiagnostic } from '../core';
import { scheduledPlan, type PlanEntry } from './planIndex';

export const SLICE_MS = 8;

interface Extras {
  diagnostics: Diagnostic[];
  /** Their places and words, to tell a change. */
  key: string;
  /** The text they were placed in. */
  text: string;
}

export class AcrossPlans {
  private extras = new Map<string, Extras>();
  private run = 0;

  /**
   * The extra problems of a plan, if they were placed in the text its entry was checked from:
   * a plan edited (or grown too large, or broken) since the last run has none until the next.
   */
  of(entry: PlanEntry): readonly Diagnostic[] {
    const extras = this.extras.get(entry.uri.toString());
    const r = entry.result;
    if (!extras || !r || r.lines.text !== extras.text || r.diagnostics.some((d) => d.severity === 'error')) return [];
    return extras.diagnostics;
  }

  /** Let go of a run under way (a change came: the caller starts another later). */
  cancel(): void {
    this.run++;
  }

  /**
   * Work it out again over `entries`, in slices; `done` gets the URI strings whose extras
   * changed (not called when the run was cancelled or started over).
   */
  update(entries: readonly PlanEntry[], done: (changed: string[]) => void): void {
    const run = ++this.run;
    const { files, byPath } = plansOf(entries);
    const out = new Map<string, RawDiagnostic[]>();
    const steps = overbookedAcrossPlansSteps(files, out);
    const slice = (): void => {
      if (run !== this.run) return;
      const end = performance.now() + SLICE_MS;
      for (;;) {
        if (steps.next().done) return done(this.take(out, byPath));
        if (performance.now() > end) break;
      }
      setTimeout(slice, 0);
    };
    slice();
  }

  /** The new extras in place of the old; the plans whose extras changed. */
  private take(out: ReadonlyMap<string, RawDiagnostic[]>, byPath: ReadonlyMap<string, PlanEntry>): string[] {
    const next = new Map<string, Extras>();
    for (const [file, raw] of out) {
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
        text: at.text,
      });
    }
    // changed: other problems, or the same ones in a text edited since (which went out without them)
    const changed = [...new Set([...this.extras.keys(), ...next.keys()])].filter((uri) => {
      const [was, now] = [this.extras.get(uri), next.get(uri)];
      return was?.key !== now?.key || was?.text !== now?.text;
    });
    this.extras = next;
    return changed;
  }
}

/** The plans without errors, named by their path in the workspace (messages name the other plans so). */
function plansOf(entries: readonly PlanEntry[]): { files: PlanFile[]; byPath: Map<string, PlanEntry> } {
  const files: PlanFile[] = [];
  const byPath = new Map<string, PlanEntry>();
  for (const e of entries) {
    const scheduled = e.uri.scheme === 'untitled' ? undefined : scheduledPlan(e); // untitled: not the workspace's
    if (!scheduled) continue;
    const file = vscode.workspace.asRelativePath(e.uri);
    files.push({ file, ...scheduled });
    byPath.set(file, e);
  }
  return { files, byPath };
}
