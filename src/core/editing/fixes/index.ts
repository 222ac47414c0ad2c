/**
 * Quick fixes for diagnostics: each a minimal edit of the text, tied to one diagnostic, offered
 * only when it can be computed exactly from the parse tree. Every code a person can fix by
 * editing the plan has one; docs/diagnostics.md says, code by code, what the fix does or why
 * there is none (a unit test keeps FIXABLE_CODES and the docs in step).
 */
import type { Code } from '../../codes';
import type { Diagnostic } from '../../diagnostic';
import { anchorFixes, tagFixes } from './anchors';
import { cycle, duplicateId, unknownId, unknownPerson } from './references';
import { limit, notAllowed, repeated, required, unknownKey, wrongType } from './schema';
import { checkInOverdue, doneDependsOnOpen, doneOnNotDone, dueAfterBinding, followUpOverdue, lateStart, taskOverdue } from './status';
import type { Fixer, FixInput, QuickFix } from './types';
import { badFormat, invalidDate } from './values';
import { directive, duplicateKey, emptyFile, keyNotString, multipleDocuments } from './yaml';

export type { FixInput, QuickFix } from './types';

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
  'unknown-person': unknownPerson,
  'dependency-cycle': cycle,
  'due-after-binding': dueAfterBinding,
  'done-depends-on-open': doneDependsOnOpen,
  'done-on-not-done': doneOnNotDone,
  'task-overdue': taskOverdue,
  'late-start': lateStart,
  'follow-up-overdue': followUpOverdue,
  'check-in-overdue': checkInOverdue,
};

/** The codes that have quick fixes (the others are listed in docs/diagnostics.md with the reason). */
// (a pure call: bundles that never ask, such as the CLI's, leave every fixer out)
export const FIXABLE_CODES: ReadonlySet<string> = /* @__PURE__ */ fixableCodes();

function fixableCodes(): ReadonlySet<string> {
  return new Set(Object.keys(FIXERS));
}

export function quickFixes(input: FixInput, diag: Diagnostic): QuickFix[] {
  const fixer = FIXERS[diag.code as Code];
  if (!fixer) return [];
  try {
    return fixer(input, diag).filter((f) => f.edits.length > 0);
  } catch {
    return []; // a fix that cannot be computed is not offered
  }
}
