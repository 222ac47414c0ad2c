/**
 * JSON schema validation on the plain value, each error walked back to the node at fault: an
 * unknown key points at the key, a missing key at its parent's key, a wrong value at the value.
 * The validator is ajv's code for the schema, generated at build time (planValidator.generated.ts).
 */
import type { ErrorObject } from 'ajv';
import type { RawDiagnostic, Span } from '../diagnostic';
import { childSchema, isArray, propertiesOf, rootSchema, type SchemaView } from '../schemaView';
import { validate as generatedValidate } from './planValidator.generated';
import { nodeAtPath, spanOf, type SourceNode } from '../sourceTree';
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
  return [...best.values()];
}

const STRING_RULES = new Set(['pattern', 'maxLength', 'minLength', 'format']);

const PRIORITY = ['schema-type', 'schema-required', 'schema-unknown-key', 'schema-format', 'schema-enum', 'schema-unique', 'schema-limit'];

function pathOf(instancePath: string): string[] {
  if (!instancePath) return [];
  const segments = instancePath.slice(1).split('/');
  return instancePath.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
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
function valueSpan(tree: SourceNode, path: string[], node = nodeAtPath(tree, path)): Span {
  if (!node) return ownerSpan(tree, path.slice(0, -1));
  if (node.start === node.end) return ownerSpan(tree, path);
  return spanOf(node);
}

/** Where an error is shown and its code: cheap, for every error; the wording waits (`details`). */
function toDiagnostic(tree: SourceNode, err: ErrorObject): RawDiagnostic | undefined {
  const path = pathOf(err.instancePath);
  const node = nodeAtPath(tree, path);
  const params = err.params as Record<string, unknown>;
  const at = placeOf(tree, err, path, node, params);
  if (!at) return undefined;
  return { code: at.code, severity: 'error', message: '', span: at.span, details: () => wordingOf(err, path, node, params) };
}

/** The key a `propertyNames` error is about, or undefined for any other error. */
function badName(err: ErrorObject, params: Record<string, unknown>): string | undefined {
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return propertyName;
  return err.keyword === 'propertyNames' ? String(params.propertyName) : undefined;
}

const LIMITS = new Set(['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'minimum', 'maximum']);

function placeOf(tree: SourceNode, err: ErrorObject, path: string[], node: SourceNode | undefined, params: Record<string, unknown>): { code: string; span: Span } | undefined {
  const key = badName(err, params);
  if (key !== undefined) {
    // a key that is not a valid name (people's ids): shown on the key itself
    const pair = node?.kind === 'map' ? node.byKey.get(key) : undefined;
    return { code: 'schema-format', span: pair ? spanOf(pair.key) : ownerSpan(tree, path) };
  }
  // A string rule on a mapping checks one of its keys, inside `propertyNames`: that error
  // (with the key's name) speaks for it.
  if (node?.kind === 'map' && STRING_RULES.has(err.keyword)) return undefined;
  switch (err.keyword) {
    case 'required': return { code: 'schema-required', span: ownerSpan(tree, path) };
    case 'additionalProperties': {
      const pair = node?.kind === 'map' ? node.byKey.get(String(params.additionalProperty)) : undefined;
      return { code: 'schema-unknown-key', span: pair ? spanOf(pair.key) : ownerSpan(tree, path) };
    }
    case 'type': return { code: 'schema-type', span: valueSpan(tree, path, node) };
    case 'pattern': return { code: 'schema-format', span: valueSpan(tree, path, node) };
    case 'enum':
    case 'const': return { code: 'schema-enum', span: valueSpan(tree, path, node) };
    case 'uniqueItems': {
      const item = duplicateItem(node, params);
      return { code: 'schema-unique', span: item ? spanOf(item) : valueSpan(tree, path, node) };
    }
    default:
      if (!LIMITS.has(err.keyword)) return { code: 'schema-type', span: valueSpan(tree, path, node) };
      return { code: 'schema-limit', span: err.keyword.endsWith('Items') || err.keyword.endsWith('Properties') ? ownerSpan(tree, path) : valueSpan(tree, path, node) };
  }
}

/** The later of the two equal items of a `uniqueItems` error. */
function duplicateItem(node: SourceNode | undefined, params: Record<string, unknown>): SourceNode | undefined {
  return node?.kind === 'seq' ? node.items[Math.max(Number(params.i), Number(params.j))] : undefined;
}

function wordingOf(err: ErrorObject, path: string[], node: SourceNode | undefined, params: Record<string, unknown>): { message: string; data: Record<string, unknown> } {
  const name = fieldName(path);
  const key = badName(err, params);
  if (key !== undefined) {
    const what = path[path.length - 1] === 'people' ? 'person id' : 'key';
    return { message: `"${key}" is not a valid ${what}: use letters, digits, _, . or -, starting with a letter or digit.`, data: { format: 'personId', path } };
  }
  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { message: `Missing required key "${missing}" in ${path.length ? name : 'the plan'}.`, data: { missing, path } };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const view = schemaOfValue(path);
      const allowed = view ? propertiesOf(view).map((p) => p.name) : [];
      const suggestions = nearest(key, allowed, 1);
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : allowed.length ? ` Allowed here: ${allowed.join(', ')}.` : '';
      return { message: `Unknown key "${key}" in ${path.length ? name : 'the plan'}.${hint} (Keys starting with x- are allowed and ignored.)`, data: { key, suggestions, path } };
    }
    case 'type': {
      const expected = String(params.type);
      const quote = expected.includes('string') && node?.kind === 'scalar' && node.style === 'plain' && node.value !== null;
      const message = quote
        ? `"${name}" must be text, but YAML reads ${node!.text} as ${typeof node!.value === 'number' ? 'a number' : 'a boolean'}: quote it ("${node!.text}").`
        : `"${name}" must be ${article(expected)}, not ${describe(node)}.`;
      return { message, data: { expected, path } };
    }
    case 'pattern': {
      const def = schemaOfValue(path)?.ref;
      const hint = def && FORMAT_HINTS[def] ? FORMAT_HINTS[def] : `text matching ${String(params.pattern)}`;
      let message = `"${name}" must be ${hint}; got ${describe(node)}.`;
      if (def === 'date' && node?.kind === 'scalar' && /^\d{4}-\d\d-\d\d[T ]/.test(node.text)) message = `"${name}" must be a calendar date YYYY-MM-DD without a time; got ${describe(node)}.`;
      if (def === 'duration' && node?.kind === 'scalar' && /^0+[dw]$/.test(node.text)) message = `"${name}" must be at least 1 workday; ${node.text} is not a duration.`;
      return { message, data: { format: def, path } };
    }
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      return { message: `"${name}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; got ${describe(node)}.`, data: { allowed, path } };
    }
    case 'uniqueItems': {
      const item = duplicateItem(node, params);
      return { message: `"${name}" lists ${item ? describe(item) : 'an entry'} twice.`, data: { path } };
    }
    default:
      if (!LIMITS.has(err.keyword)) return { message: `"${name}" is not valid here (${err.keyword}).`, data: { path } };
      return limitWording(err.keyword, Number(params.limit), name, path);
  }
}

function limitWording(keyword: string, limit: number, name: string, path: string[]): { message: string; data: Record<string, unknown> } {
  const what = keyword.endsWith('Length') ? 'characters' : keyword.endsWith('Items') ? 'entries' : keyword.endsWith('Properties') ? 'keys' : '';
  const bound = keyword.startsWith('max') ? 'at most' : 'at least';
  const message = keyword === 'minItems' && limit === 1 ? `"${name}" needs at least one entry.`
    : keyword === 'minLength' && limit === 1 ? `"${name}" must not be empty.`
    : `"${name}" must have ${bound} ${limit}${what ? ' ' + what : ''}.`;
  return { message, data: { limit, path } };
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'text', object: 'a mapping', array: 'a list', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}
