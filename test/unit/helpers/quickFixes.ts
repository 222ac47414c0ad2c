/** Quick fixes in unit tests: the fixes offered for a diagnostic, applied byte for byte, checked gone. */
import * as assert from 'assert';
import {
  applyEdits,
  checkPlan,
  parseDay,
  quickFixes,
  type Day,
  type Diagnostic,
  type QuickFix,
} from '../../../src/core';

export const TODAY = parseDay('2026-07-01') as Day;

export function fixesFor(
  text: string,
  code: string,
  n = 0,
  today: Day = TODAY,
): { diag: Diagnostic; fixes: QuickFix[] } {
  const r = checkPlan(text, { today });
  const diag = r.diagnostics.filter((d) => d.code === code)[n];
  assert.ok(diag, `a ${code} #${n} in: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  return { diag, fixes: quickFixes({ text, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics, today }, diag) };
}

/** Fewer diagnostics like `diag` (same code and message) after the edit than before. */
export function gone(before: string, after: string, diag: Diagnostic, today: Day = TODAY): boolean {
  const count = (t: string) =>
    checkPlan(t, { today }).diagnostics.filter((d) => d.code === diag.code && d.message === diag.message).length;
  return count(after) < count(before);
}

/** Apply the fix titled `title` to the `n`-th `code` diagnostic; the result, checked: that problem is gone. */
export function fix(text: string, code: string, title: string, n = 0, today: Day = TODAY): string {
  const { diag, fixes } = fixesFor(text, code, n, today);
  const f = fixes.find((x) => x.title === title);
  assert.ok(f, `"${title}" among: ${fixes.map((x) => x.title).join(' | ')}`);
  const out = applyEdits(text, f.edits);
  assert.ok(
    gone(text, out, diag, today),
    `${code} is gone: ${checkPlan(out, { today })
      .diagnostics.map((d) => d.message)
      .join('\n')}`,
  );
  return out;
}

/** The titles offered, the preferred one marked with `* `. */
export const titles = (text: string, code: string, n = 0, today: Day = TODAY): string[] =>
  fixesFor(text, code, n, today).fixes.map((f) => `${f.preferred ? '* ' : ''}${f.title}`);

/** The codes of the text's problems (a fixed plan: []). */
export const codesOf = (text: string, today: Day = TODAY): string[] =>
  checkPlan(text, { today }).diagnostics.map((d) => d.code);
