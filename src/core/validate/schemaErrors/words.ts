/** How schema errors name a field, a value and a type, in the words of docs/format.md. */
import { childSchema, isArray, rootSchema, type SchemaView } from '../../schemaView';
import type { SourceNode } from '../../sourceTree';

/** What the format's definitions look like, by `$ref` name: a pattern error says this, not the regular expression. */
export const FORMAT_HINTS: Record<string, string> = {
  id: 'an id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `enroll-it`)',
  personId: 'a person id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `dana`)',
  date: 'a date YYYY-MM-DD (e.g. 2026-09-30)',
  dayRange: 'a date YYYY-MM-DD (e.g. 2026-12-24) or a range { from: 2026-12-24, to: 2026-12-31 }',
  duration: 'a duration: a whole number and d (workdays) or w (weeks), e.g. 3d or 2w; 0d is not allowed',
  email: 'an email address (name@example.com)',
  tag: 'a tag',
};

/** The schema of the value at an instance path (a list's items by index, a map's by key). */
export function schemaOfValue(path: readonly string[]): SchemaView | undefined {
  let view: SchemaView | undefined = rootSchema();
  for (const seg of path) {
    if (!view) return undefined;
    view = childSchema(view, isArray(view) && /^\d+$/.test(seg) ? Number(seg) : seg);
  }
  return view;
}

/** A value as a message shows it: its kind, or its text cut at 60 characters. */
export function describe(value: SourceNode | undefined): string {
  if (!value) return 'nothing';
  if (value.kind === 'map') return 'a mapping';
  if (value.kind === 'seq') return 'a list';
  const v = value.value;
  if (v === null) return 'empty';
  if (typeof v === 'number') return `the number ${value.text}`;
  if (typeof v === 'boolean') return `the boolean ${value.text}`;
  return `"${value.text.length > 60 ? value.text.slice(0, 57) + '...' : value.text}"`;
}

const ITEM_NAMES: Record<string, string> = {
  milestones: 'a milestone',
  tasks: 'a task',
  follow_ups: 'a follow-up',
  depends_on: 'depends_on',
  holidays: 'holidays',
  freezes: 'a freeze',
  away: 'away',
  workdays: 'workdays',
  tags: 'tags',
};

/** The field at an instance path: its key, a list item by its list (`a task`), a person by id. */
export function fieldName(path: string[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the plan';
  if (/^\d+$/.test(last)) return ITEM_NAMES[path[path.length - 2] ?? ''] ?? `${path[path.length - 2]} item`;
  if (path[path.length - 2] === 'people') return `person ${last}`;
  return last;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  object: 'a mapping',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

/** A JSON schema type (or a comma-separated union) in plain words: `a list`, `text or a number`. */
export function article(type: string): string {
  return type
    .split(',')
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(' or ');
}
