/**
 * JSON schema validation on the plain value, each error walked back to the node at fault: an
 * unknown key points at the key, a missing key at its parent's key, a wrong value at the value.
 * The validator is ajv's code for the schema, generated at build time (planValidator.generated.ts).
 */
import type { ErrorObject } from 'ajv';
import type { RawDiagnostic, Span } from '../diagnostic';
import { childSchema, isArray, propertiesOf, rootSchema, type SchemaView } from '../schemaView';
import { validate as generatedValidate } from './planValidator.generated';
import { nodeAtPath, spanOf, type MapNode, type SourceNode } from '../sourceTree';
import { nearest } from './suggest';

/** ajv's validation function: true when `value` is a valid plan, else false with `errors` set. */
export interface PlanValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export function schemaValidator(): PlanValidator {
  return generatedValidate as PlanValidator;
}

export { workbackSchema } from '../schemaView';

/** Validates the plain value of `tree`; returns positioned diagnostics. */
export function checkSchema(tree: SourceNode, value: unknown): RawDiagnostic[] {
  const validate = schemaValidator();
  if (validate(value)) return [];
  // One problem per place: where a value breaks several rules (a date-time is too long and of
  // the wrong form), the most telling one speaks.
  const best = new Map<string, RawDiagnostic>();
  for (const err of validate.errors ?? []) {
    const d = toDiagnostic(tree, err);
    if (!d) continue;
    const key = `${d.span.start}:${d.span.end}`;
    const prev = best.get(key);
    if (!prev || PRIORITY.indexOf(d.code) < PRIORITY.indexOf(prev.code)) best.set(key, d);
  }
  const out = [...best.values()];
  return out;
}

const STRING_RULES = new Set(['pattern', 'maxLength', 'minLength', 'format']);

const PRIORITY = ['schema-type', 'schema-required', 'schema-unknown-key', 'schema-format', 'schema-enum', 'schema-unique', 'schema-limit'];

function pathOf(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The schema of the value at an instance path (a list's items by index, a map's by key). */
function schemaOfValue(path: readonly string[]): SchemaView | undefined {
  let view: SchemaView | undefined = rootSchema();
  for (const seg of path) {
    if (!view) return undefined;
    view = childSchema(view, isArray(view) && /^\d+$/.test(seg) ? Number(seg) : seg);
  }
  return view;
}

const FORMAT_HINTS: Record<string, string> = {
  id: 'an id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `enroll-it`)',
  personId: 'a person id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `dana`)',
  date: 'a date YYYY-MM-DD (e.g. 2026-09-30)',
  duration: 'a duration: a whole number and d (workdays) or w (weeks), e.g. 3d or 2w; 0d is not allowed',
  email: 'an email address (name@example.com)',
  tag: 'a tag',
};

function describe(value: SourceNode | undefined): string {
  if (!value) return 'nothing';
  if (value.kind === 'map') return 'a mapping';
  if (value.kind === 'seq') return 'a list';
  const v = value.value;
  if (v === null) return 'empty';
  if (typeof v === 'number') return `the number ${value.text}`;
  if (typeof v === 'boolean') return `the boolean ${value.text}`;
  return `"${value.text.length > 60 ? value.text.slice(0, 57) + '...' : value.text}"`;
}

const ITEM_NAMES: Record<string, string> = { milestones: 'a milestone', tasks: 'a task', follow_ups: 'a follow-up', depends_on: 'depends_on', holidays: 'holidays', workdays: 'workdays', tags: 'tags' };

function fieldName(path: string[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the plan';
  if (/^\d+$/.test(last)) return ITEM_NAMES[path[path.length - 2] ?? ''] ?? `${path[path.length - 2]} item`;
  if (path[path.length - 2] === 'people') return `person ${last}`;
  return last;
}

/** The span for "something is wrong with this object": its key in the parent, or its first line. */
function ownerSpan(tree: SourceNode, path: string[]): Span {
  if (path.length === 0) {
    const first = tree.kind === 'map' ? tree.pairs[0] : undefined;
    return first ? spanOf(first.key) : { start: tree.start, end: tree.start };
  }
  const parent = nodeAtPath(tree, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (parent?.kind === 'map') {
    const p = parent.byKey.get(last);
    if (p) return spanOf(p.key);
  }
  const node = nodeAtPath(tree, path);
  if (node?.kind === 'map') {
    // a list item: its `id: value` (or first entry) names it
    const id = node.byKey.get('id') ?? node.pairs[0];
    if (id) return { start: id.key.start, end: id.value.kind === 'scalar' ? id.value.end : id.key.end };
  }
  return node ? { start: node.start, end: Math.min(node.end, node.start + 1) } : { start: 0, end: 0 };
}

/** A value's span; an empty value (`key:`) is shown on its key. */
function valueSpan(tree: SourceNode, path: string[]): Span {
  const node = nodeAtPath(tree, path);
  if (!node) return ownerSpan(tree, path.slice(0, -1));
  if (node.start === node.end) return ownerSpan(tree, path);
  return spanOf(node);
}

function toDiagnostic(tree: SourceNode, err: ErrorObject): RawDiagnostic | undefined {
  const path = pathOf(err.instancePath);
  const node = nodeAtPath(tree, path);
  const name = fieldName(path);
  const def = schemaOfValue(path)?.ref;
  const params = err.params as Record<string, unknown>;
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined || err.keyword === 'propertyNames') {
    // a key that is not a valid name (people's ids): shown on the key itself
    const key = propertyName ?? String(params.propertyName);
    const pair = node?.kind === 'map' ? node.byKey.get(key) : undefined;
    const what = path[path.length - 1] === 'people' ? 'person id' : 'key';
    return { code: 'schema-format', severity: 'error', message: `"${key}" is not a valid ${what}: use letters, digits, _, . or -, starting with a letter or digit.`, span: pair ? spanOf(pair.key) : ownerSpan(tree, path), data: { format: 'personId', path } };
  }
  // A string rule on a mapping checks one of its keys, inside `propertyNames`: that error
  // (with the key's name) speaks for it.
  if (node?.kind === 'map' && STRING_RULES.has(err.keyword)) return undefined;
  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { code: 'schema-required', severity: 'error', message: `Missing required key "${missing}" in ${path.length ? name : 'the plan'}.`, span: ownerSpan(tree, path), data: { missing, path } };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const map = node as MapNode | undefined;
      const pair = map?.kind === 'map' ? map.byKey.get(key) : undefined;
      const view = schemaOfValue(path);
      const allowed = view ? propertiesOf(view).map((p) => p.name) : [];
      const suggestions = nearest(key, allowed, 1);
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : allowed.length ? ` Allowed here: ${allowed.join(', ')}.` : '';
      return {
        code: 'schema-unknown-key', severity: 'error',
        message: `Unknown key "${key}" in ${path.length ? name : 'the plan'}.${hint} (Keys starting with x- are allowed and ignored.)`,
        span: pair ? spanOf(pair.key) : ownerSpan(tree, path),
        data: { key, suggestions, path },
      };
    }
    case 'type': {
      const expected = String(params.type);
      const quote = expected.includes('string') && node?.kind === 'scalar' && node.style === 'plain' && node.value !== null;
      const message = quote
        ? `"${name}" must be text, but YAML reads ${node!.text} as ${typeof node!.value === 'number' ? 'a number' : 'a boolean'}: quote it ("${node!.text}").`
        : `"${name}" must be ${article(expected)}, not ${describe(node)}.`;
      return { code: 'schema-type', severity: 'error', message, span: valueSpan(tree, path), data: { expected, path } };
    }
    case 'pattern': {
      const hint = def && FORMAT_HINTS[def] ? FORMAT_HINTS[def] : `text matching ${String(params.pattern)}`;
      let message = `"${name}" must be ${hint}; got ${describe(node)}.`;
      if (def === 'date' && node?.kind === 'scalar' && /^\d{4}-\d\d-\d\d[T ]/.test(node.text)) message = `"${name}" must be a calendar date YYYY-MM-DD without a time; got ${describe(node)}.`;
      if (def === 'duration' && node?.kind === 'scalar' && /^0+[dw]$/.test(node.text)) message = `"${name}" must be at least 1 workday; ${node.text} is not a duration.`;
      return { code: 'schema-format', severity: 'error', message, span: valueSpan(tree, path), data: { format: def, path } };
    }
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      return { code: 'schema-enum', severity: 'error', message: `"${name}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; got ${describe(node)}.`, span: valueSpan(tree, path), data: { allowed, path } };
    }
    case 'uniqueItems': {
      const seq = node?.kind === 'seq' ? node : undefined;
      const j = Number(params.j);
      const item = seq?.items[Math.max(Number(params.i), j)];
      return { code: 'schema-unique', severity: 'error', message: `"${name}" lists ${item ? describe(item) : 'an entry'} twice.`, span: item ? spanOf(item) : valueSpan(tree, path), data: { path } };
    }
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties':
    case 'minimum':
    case 'maximum': {
      const limit = Number(params.limit);
      const what = err.keyword.endsWith('Length') ? 'characters' : err.keyword.endsWith('Items') ? 'entries' : err.keyword.endsWith('Properties') ? 'keys' : '';
      const bound = err.keyword.startsWith('max') ? 'at most' : 'at least';
      const message = err.keyword === 'minItems' && limit === 1 ? `"${name}" needs at least one entry.`
        : err.keyword === 'minLength' && limit === 1 ? `"${name}" must not be empty.`
        : `"${name}" must have ${bound} ${limit}${what ? ' ' + what : ''}.`;
      const span = err.keyword.endsWith('Items') || err.keyword.endsWith('Properties') ? ownerSpan(tree, path) : valueSpan(tree, path);
      return { code: 'schema-limit', severity: 'error', message, span, data: { limit, path } };
    }
    default:
      return { code: 'schema-type', severity: 'error', message: `"${name}" is not valid here (${err.keyword}).`, span: valueSpan(tree, path), data: { path } };
  }
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'text', object: 'a mapping', array: 'a list', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}
