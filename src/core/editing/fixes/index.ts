/**
 * Quick fixes for diagnostics: each a minimal edit of the text, tied to one diagnostic, offered
 * only when it can be computed exactly from the parse tree. Every code a person can fix by
 * editing the plan has one; docs/diagnostics.md says, code by code, what the fix does or why
 * there is none (a unit test keeps FIXABLE_CODES and the docs in step).
 */
import type { Code } from '../../codeSeverity';
import type { Diagnostic } from '../../diagnostic';
import { editBase, editProblem, type EditBase } from '../../edit/verify';
import { anchorFixes, tagFixes } from './anchors';
import { allTasksDone, awaitingReview, noInterimControl } from './method';
import { cycle, duplicateId, unknownId, unknownPerson } from './references';
import { limit, notAllowed, repeated, required, unknownKey, wrongType } from './schema';
import {
  checkInOverdue,
  doneDependsOnOpen,
  doneOnNotDone,
  dueAfterBinding,
  followUpOverdue,
  lateStart,
  remainingNotDoing,
  taskOverdue,
} from './status';
import type { Fixer, FixInput, QuickFix } from './types';
import { badFormat, invalidDate } from './values';
import { directive, duplicateKey, emptyFile, keyNotString, multipleDocuments } from './yaml';

export type { FixInput, QuickFix } from './types';
export { dayRunRefactors } from './dayRuns';

const FIXERS: Partial<Record<Code, Fixer>> = {
  'yaml-duplicate-key': duplicateKey,
  'yaml-key-not-string': keyNotString,
  'yaml-anchor': anchorFixes,
  'yaml-tag': tagFixes,
  'yaml-directive': directive,
  'yaml-multiple-documents': multipleDocuments,
  'empty-file': emptyFile,
  'schema-type': wrongType,
  'schema-required': required,
  'schema-unknown-key': unknownKey,
  'schema-enum': notAllowed,
  'schema-format': badFormat,
  'schema-limit': limit,
  'schema-unique': repeated,
  'invalid-date': invalidDate,
  'duplicate-id': duplicateId,
  'unknown-id': unknownId,
  'duplicate-dependency': repeated, // the same fix as a repeated workday: remove the repeat
  'unknown-person': unknownPerson,
  'dependency-cycle': cycle,
  'due-after-binding': dueAfterBinding,
  'done-depends-on-open': doneDependsOnOpen,
  'done-on-not-done': doneOnNotDone,
  'task-overdue': taskOverdue,
  'late-start': lateStart,
  'follow-up-overdue': followUpOverdue,
  'check-in-overdue': checkInOverdue,
  'all-tasks-done': allTasksDone,
  'remaining-not-doing': remainingNotDoing,
  'awaiting-review': awaitingReview,
  'no-interim-control': noInterimControl,
};

/** The codes that have quick fixes (the others are listed in docs/diagnostics.md with the reason). */
// (a pure call: bundles that never ask, such as the CLI's, leave every fixer out)
export const FIXABLE_CODES: ReadonlySet<string> = /* @__PURE__ */ fixableCodes();

function fixableCodes(): ReadonlySet<string> {
  return new Set(Object.keys(FIXERS));
}

/** Fixes that remove comments on purpose: a whole second document, directive lines. */
const DROPS_COMMENTS: ReadonlySet<string> = /* @__PURE__ */ new Set(['yaml-multiple-documents', 'yaml-directive']);

/** The text before the fixes, parsed once per input (one input serves every diagnostic of a text). */
const bases = /* @__PURE__ */ new WeakMap<FixInput, EditBase>();

function baseOf(input: FixInput): EditBase {
  let base = bases.get(input);
  if (!base) bases.set(input, (base = editBase(input.text)));
  return base;
}

/**
 * The fixes of one diagnostic. Each is checked as the sidebar's edits are: a fix whose edits
 * overlap, break the YAML or lose a comment is not offered; none throws.
 */
export function quickFixes(input: FixInput, diag: Diagnostic): QuickFix[] {
  const fixer = FIXERS[diag.code as Code];
  if (!fixer) return [];
  try {
    const fixes = fixer(input, diag).filter((f) => f.edits.length > 0);
    if (fixes.length === 0) return fixes;
    const base = baseOf(input);
    return fixes.filter((f) => editProblem(base, f.edits, DROPS_COMMENTS.has(diag.code)) === undefined);
  } catch {
    return []; // a fix that cannot be computed is not offered
  }
}
