/**
 * Every diagnostic code Workback reports, with its default severity and what it means.
 * Codes are stable: tests, the CLI's JSON output and quick fixes rely on them.
 * docs/diagnostics.md lists the same codes (a unit test keeps the two in step).
 */
import type { Severity } from './diagnostic';
import { CODE_SEVERITY, type Code } from './codeSeverity';

export { CODE_SEVERITY, type Code };

export interface CodeInfo {
  severity: Severity;
  summary: string;
}

const SUMMARIES = {
  // Loading the text
  'read-error': {
    summary:
      'The file could not be read (permissions, not a regular file, gone); the CLI reports it and checks the rest.',
  },
  'file-too-large': {
    summary: 'The file is larger than the size limit (workback.maxFileSizeMB / --max-size); it is not parsed.',
  },
  'invalid-encoding': {
    summary:
      'The bytes are not valid UTF-8 (or UTF-16 with its byte order mark), or the file is UTF-32: shown at the first bad byte; the file is not parsed.',
  },
  'too-deep': {
    summary: 'Nesting is deeper than any plan needs; the file is rejected before parsing.',
  },
  'yaml-syntax': { summary: 'The text is not valid YAML.' },
  'yaml-duplicate-key': { summary: 'A key appears twice in the same mapping (also `1` and "1").' },
  'yaml-key-not-string': {
    summary: 'A mapping key is not text (a number, boolean, null or a collection); quote it.',
  },
  'yaml-anchor': {
    summary: 'Anchors (&a), aliases (*a) and merge keys (<<) are not allowed in plans.',
  },
  'yaml-tag': { summary: 'Explicit tags (!!timestamp, !custom...) are not allowed in plans.' },
  'yaml-directive': { summary: 'Directives such as %YAML 1.1 are not allowed: plans are YAML 1.2.' },
  'yaml-multiple-documents': {
    summary: 'A plan file holds one YAML document; a second one after `---` is an error.',
  },
  'empty-file': {
    summary: 'The file is empty: a plan needs at least workback, title, goal, people and milestones.',
  },
  // Schema
  'schema-type': {
    summary:
      'A value has the wrong type (for example a list where a mapping is expected, or a number where text is expected: quote it).',
  },
  'schema-required': { summary: 'A required key is missing.' },
  'schema-unknown-key': {
    summary: 'A key the format does not know (a typo?). Keys starting with `x-` are allowed and ignored.',
  },
  'schema-enum': {
    summary: 'A value is not one of the allowed values (status, weekday, format version).',
  },
  'schema-format': {
    summary: 'A value does not have the required form (id, YYYY-MM-DD date, duration such as 3d or 2w, email).',
  },
  'schema-limit': {
    summary: 'A text is too long, a list too long or too short, or a number out of range.',
  },
  'schema-unique': {
    summary: 'A list that must not repeat itself has the same entry twice (workdays).',
  },
  'invalid-date': {
    summary: 'A date of the right form that is not a real calendar day (2026-02-30) or lies outside 1970-2199.',
  },
  'range-reversed': {
    summary: 'A range of days (a holiday range, leave, a freeze) ends before it starts: `to` is before `from`.',
  },
  'internal-error': {
    summary: 'Workback itself failed on this file (a bug): the message says where; please report it.',
  },
  'too-many-problems': { summary: 'More problems than are reported; the rest are counted.' },
  // Semantic checks
  'duplicate-id': {
    summary: 'A task or milestone id is used twice; ids are unique across the whole file.',
  },
  'unknown-id': { summary: '`depends_on` names a task or milestone that does not exist.' },
  'duplicate-dependency': {
    summary: '`depends_on` names the same task or milestone twice; the repeat changes nothing.',
  },
  'unknown-person': {
    summary:
      "A person reference (`owner`, `with`, `goal.owner`, `escalate_to`, a tier's `to`, `review_by`, `consulted`, `informed`) is not in `people`.",
  },
  'dependency-cycle': {
    summary: 'Dependencies form a cycle (the whole cycle is named); reported on each edge of it.',
  },
  'no-workdays': {
    summary: 'The calendar leaves no workday (every weekday off, or holidays cover the whole horizon).',
  },
  'due-after-binding': {
    summary:
      "A `due` is later than a date that already binds it (its milestone's due or the goal's due), so it changes nothing.",
  },
  'done-depends-on-open': {
    summary: 'A task marked done depends on a task or milestone that is not finished.',
  },
  'done-on-not-done': { summary: '`done_on` is set on a task whose status is not done.' },
  'escalation-conflict': {
    summary: '`policy.escalation` (ladders) and `escalate_after`/`escalate_to` are both set; the ladders replace them.',
  },
  'escalation-not-rising': {
    summary:
      "A tier of an escalation ladder does not come later than the tier before it: tiers' `after` rise strictly.",
  },
  'goal-not-measurable': { summary: 'The goal has no `measure`: nothing says how you will know it is met.' },
  'goal-no-owner': { summary: 'The goal has no `owner`: nobody answers for it, or receives escalations by default.' },
  'achieved-with-open-work': {
    summary: '`goal.achieved_on` is set, but some tasks are not done.',
  },
  'goal-met-late': { summary: '`goal.achieved_on` is after `goal.due`: the goal was met late.' },
  'all-tasks-done': {
    summary: 'Every task is done and the goal has no `achieved_on`: mark the plan finished.',
  },
  'remaining-not-doing': {
    summary: '`remaining` is set on a task that is not `doing`: only work in progress has work left from today.',
  },
  // Schedule (need today's date)
  'start-too-late': {
    summary: 'A task must start before `start` or its `not_before` to meet its deadline: it is short by N workdays.',
  },
  'goal-infeasible': {
    summary: 'Negative minimum slack: the goal cannot be met as planned, by N workdays.',
  },
  'task-overdue': {
    summary: 'An open task is past its latest finish (days late, and escalation past policy.escalate_after).',
  },
  'late-start': {
    summary: 'A task not yet started is past its latest start (days late, and escalation).',
  },
  'follow-up-overdue': {
    summary: 'A follow-up that is not done is past its day (days late, and escalation).',
  },
  'check-in-overdue': {
    summary: 'A check-in due by policy.check_in_every on an open task has passed (days late, and escalation).',
  },
  'awaiting-review': {
    summary:
      'A done task or milestone with `review_by` has no `reviewed_on`: late by the workdays since it was done, and escalated by its ladder.',
  },
  'no-interim-control': {
    summary: 'A p1 or p2 task is late (start or finish) and has no `interim` control to protect the system meanwhile.',
  },
  'finished-late': { summary: 'A task was done after its latest finish (the workdays after it are counted).' },
  'owner-overbooked': {
    summary:
      'On some workdays a person has more open tasks between latest start and latest finish than their `capacity` (default 1).',
  },
  'overbooked-across-plans': {
    summary:
      "A person's tasks in several plans together exceed their capacity on some workdays (the workspace's plans, or the CLI's workload).",
  },
  'schedule-out-of-range': {
    summary: 'The schedule would reach before 1970 or after 2199 (huge durations or holidays covering the horizon).',
  },
  'earliest-out-of-range': {
    summary:
      'Earliest dates (worked forward from today) would end after 2199: the workback dates are kept, earliest dates and slack left out.',
  },
} as const satisfies Record<Code, { summary: string }>;

/** Every code with its default severity and what it means (docs/diagnostics.md, the CLI's SARIF rules). */
export const CODES: Readonly<Record<Code, CodeInfo>> = /* @__PURE__ */ codesWithSummaries();

/** (A function, so that a bundle that never reads CODES carries none of the summaries.) */
function codesWithSummaries(): Record<Code, CodeInfo> {
  const out = {} as Record<Code, CodeInfo>;
  for (const code of Object.keys(CODE_SEVERITY) as Code[])
    out[code] = { severity: CODE_SEVERITY[code], summary: SUMMARIES[code].summary };
  return out;
}
