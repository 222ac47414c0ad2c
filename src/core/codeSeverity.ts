/**
 * Every diagnostic code and its default severity, apart from what the codes mean (codes.ts):
 * the checks need only this, and the extension's bundle then carries no summaries.
 */
import type { Severity } from './diagnostic';

export const CODE_SEVERITY = {
  'read-error': 'error',
  'file-too-large': 'error',
  'invalid-encoding': 'error',
  'too-deep': 'error',
  'yaml-syntax': 'error',
  'yaml-duplicate-key': 'error',
  'yaml-key-not-string': 'error',
  'yaml-anchor': 'error',
  'yaml-tag': 'error',
  'yaml-directive': 'error',
  'yaml-multiple-documents': 'error',
  'empty-file': 'error',
  'schema-type': 'error',
  'schema-required': 'error',
  'schema-unknown-key': 'error',
  'schema-enum': 'error',
  'schema-format': 'error',
  'schema-limit': 'error',
  'schema-unique': 'error',
  'invalid-date': 'error',
  'internal-error': 'error',
  'too-many-problems': 'information',
  'duplicate-id': 'error',
  'unknown-id': 'error',
  'duplicate-dependency': 'information',
  'unknown-person': 'error',
  'dependency-cycle': 'error',
  'no-workdays': 'error',
  'due-after-binding': 'warning',
  'done-depends-on-open': 'warning',
  'done-on-not-done': 'warning',
  'start-too-late': 'warning',
  'goal-infeasible': 'warning',
  'task-overdue': 'warning',
  'late-start': 'information',
  'follow-up-overdue': 'information',
  'check-in-overdue': 'information',
  'schedule-out-of-range': 'error',
  'earliest-out-of-range': 'warning',
} as const satisfies Record<string, Severity>;

export type Code = keyof typeof CODE_SEVERITY;
