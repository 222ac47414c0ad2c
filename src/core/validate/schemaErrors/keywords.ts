/**
 * One rule per ajv keyword, as ajv has one file per keyword: the diagnostic code, where the
 * error is shown (cheap, for every error) and its wording (only for the errors reported).
 */
import type { ErrorObject } from 'ajv';
import type { Span } from '../../diagnostic';
import { propertiesOf, type SchemaView } from '../../schemaView';
import type { SourceNode } from '../../sourceTree';
import { Suggester } from '../suggest';
import { keyOrOwnerSpan, ownerSpanAt, valueSpan } from './places';
import { article, describe, FORMAT_HINTS, schemaOfValue } from './words';

export interface Wording {
  message: string;
  data: Record<string, unknown>;
}

/**
 * A keyword's rule. `node` is the node at the error's instance path, found once per error and
 * passed down, not wrapped in an object (a file may hold 100,000 errors); the path as keys
 * (`pathOf`) is split only where a place needs it and for the wording of errors reported.
 */
export interface KeywordRule {
  code: string;
  /** The place; `parent` is the node holding `node` (both found once, by `NodeFinder`). */
  span(tree: SourceNode, err: ErrorObject, node: SourceNode | undefined, parent: SourceNode | undefined): Span;
  /** `name` is the field at the error's path, as messages name it (`due`, `a task`). */
  words(err: ErrorObject, path: string[], node: SourceNode | undefined, name: string): Wording;
}

const param = (err: ErrorObject, name: string): unknown => (err.params as Record<string, unknown>)[name];

/** The key a `propertyNames` error is about, or undefined for any other error. */
function badName(err: ErrorObject): string | undefined {
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return propertyName;
  return err.keyword === 'propertyNames' ? String(param(err, 'propertyName')) : undefined;
}

const onValue: KeywordRule['span'] = (tree, err, node) => valueSpan(tree, err.instancePath, node);
const onOwner: KeywordRule['span'] = (tree, err, node, parent) => ownerSpanAt(tree, err.instancePath, node, parent);
const onValueRule = (code: string, words: KeywordRule['words']): KeywordRule => ({ code, span: onValue, words });
const onOwnerRule = (code: string, words: KeywordRule['words']): KeywordRule => ({ code, span: onOwner, words });

function missingKey(err: ErrorObject, path: string[], _node: SourceNode | undefined, name: string): Wording {
  const missing = String(param(err, 'missingProperty'));
  return { message: `Missing required key "${missing}" in ${name}.`, data: { missing, path } };
}

const keySuggesters = new WeakMap<SchemaView, Suggester>();

/**
 * The "did you mean" index of a mapping's keys, built once per schema node and kept for the
 * process: unbudgeted, so a question gets the same answer however many came before (a few
 * dozen keys at most cost a few dozen distances).
 */
function keySuggester(view: SchemaView): Suggester {
  let suggester = keySuggesters.get(view);
  if (!suggester)
    keySuggesters.set(
      view,
      (suggester = new Suggester(
        propertiesOf(view).map((p) => p.name),
        { shared: false },
      )),
    );
  return suggester;
}

function unknownKey(err: ErrorObject, path: string[], _node: SourceNode | undefined, name: string): Wording {
  const key = String(param(err, 'additionalProperty'));
  const view = schemaOfValue(path);
  const allowed = view ? propertiesOf(view).map((p) => p.name) : [];
  const suggestions = view ? keySuggester(view).nearest(key, 1) : [];
  const hint = suggestions.length
    ? ` Did you mean "${suggestions[0]}"?`
    : allowed.length
      ? ` Allowed here: ${allowed.join(', ')}.`
      : '';
  return {
    message: `Unknown key "${key}" in ${name}.${hint} (Keys starting with x- are allowed and ignored.)`,
    data: { key, suggestions, path },
  };
}

function wrongType(err: ErrorObject, path: string[], node: SourceNode | undefined, name: string): Wording {
  const expected = String(param(err, 'type'));
  // a plain 12 or true where text belongs: YAML read a number or a boolean, and quotes fix it
  const message =
    expected.includes('string') && node?.kind === 'scalar' && node.style === 'plain' && node.value !== null
      ? `"${name}" must be text, but YAML reads ${node.text} as ${typeof node.value === 'number' ? 'a number' : 'a boolean'}: quote it ("${node.text}").`
      : `"${name}" must be ${article(expected)}, not ${describe(node)}.`;
  return { message, data: { expected, path } };
}

function wrongForm(err: ErrorObject, path: string[], node: SourceNode | undefined, name: string): Wording {
  const def = schemaOfValue(path)?.ref;
  const text = node?.kind === 'scalar' ? node.text : undefined;
  let message = `"${name}" must be ${def && FORMAT_HINTS[def] ? FORMAT_HINTS[def] : `text matching ${String(param(err, 'pattern'))}`}; got ${describe(node)}.`;
  // the near misses people write: a date with a time, a duration of nothing
  if ((def === 'date' || def === 'dayRange') && text !== undefined && /^\d{4}-\d\d-\d\d[T ]/.test(text))
    message = `"${name}" must be a calendar date YYYY-MM-DD without a time; got ${describe(node)}.`;
  if (def === 'duration' && text !== undefined && /^0+[dw]$/.test(text))
    message = `"${name}" must be at least 1 workday; ${text} is not a duration.`;
  return { message, data: { format: def, path } };
}

/** An enum's values as messages list them, once per enum of the schema (ajv passes the schema's own array). */
const listedValues = new WeakMap<unknown[], string>();

function listed(values: unknown[]): string {
  let text = listedValues.get(values);
  if (text === undefined) listedValues.set(values, (text = values.map((a) => JSON.stringify(a)).join(', ')));
  return text;
}

function notAllowed(err: ErrorObject, path: string[], node: SourceNode | undefined, name: string): Wording {
  const allowed = (param(err, 'allowedValues') as unknown[] | undefined) ?? [param(err, 'allowedValue')];
  return {
    message: `"${name}" must be one of ${listed(allowed)}; got ${describe(node)}.`,
    data: { allowed, path },
  };
}

/** The later of the two equal items of a `uniqueItems` error. */
const repeatedItem = (err: ErrorObject, node: SourceNode | undefined): SourceNode | undefined =>
  node?.kind === 'seq' ? node.items[Math.max(Number(param(err, 'i')), Number(param(err, 'j')))] : undefined;

const REPEATED: KeywordRule = {
  code: 'schema-unique',
  span: (tree, err, node) => {
    const item = repeatedItem(err, node);
    return item ?? valueSpan(tree, err.instancePath, node);
  },
  words: (err, path, node, name) => {
    const item = repeatedItem(err, node);
    return { message: `"${name}" lists ${item ? describe(item) : 'an entry'} twice.`, data: { path } };
  },
};

/** A limit's wording; `atOne` words a limit of 1 (`needs at least one entry`). */
const limit =
  (bound: 'at most' | 'at least', what: string, atOne?: (name: string) => string): KeywordRule['words'] =>
  (err, path, _node, name) => {
    const n = Number(param(err, 'limit'));
    const message = atOne && n === 1 ? atOne(name) : `"${name}" must have ${bound} ${n}${what ? ' ' + what : ''}.`;
    return { message, data: { limit: n, path } };
  };

/** A rule for every keyword the schema uses, and the few others of ajv it might use. */
const RULES: ReadonlyMap<string, KeywordRule> = new Map(
  Object.entries({
    required: onOwnerRule('schema-required', missingKey),
    additionalProperties: {
      code: 'schema-unknown-key',
      span: (tree, err, node) => keyOrOwnerSpan(tree, err.instancePath, node, String(param(err, 'additionalProperty'))),
      words: unknownKey,
    },
    type: onValueRule('schema-type', wrongType),
    pattern: onValueRule('schema-format', wrongForm),
    enum: onValueRule('schema-enum', notAllowed),
    const: onValueRule('schema-enum', notAllowed),
    uniqueItems: REPEATED,
    maxLength: onValueRule('schema-limit', limit('at most', 'characters')),
    minLength: onValueRule(
      'schema-limit',
      limit('at least', 'characters', (name) => `"${name}" must not be empty.`),
    ),
    maxItems: onOwnerRule('schema-limit', limit('at most', 'entries')),
    minItems: onOwnerRule(
      'schema-limit',
      limit('at least', 'entries', (name) => `"${name}" needs at least one entry.`),
    ),
    maxProperties: onOwnerRule('schema-limit', limit('at most', 'keys')),
    minProperties: onOwnerRule('schema-limit', limit('at least', 'keys')),
    maximum: onValueRule('schema-limit', limit('at most', '')),
    minimum: onValueRule('schema-limit', limit('at least', '')),
  }),
);

/** A key that is not a valid name (people's ids, under `propertyNames`): shown on the key itself. */
const BAD_NAME: KeywordRule = {
  code: 'schema-format',
  span: (tree, err, node) => keyOrOwnerSpan(tree, err.instancePath, node, badName(err)!),
  words: (err, path) => {
    const what = path[path.length - 1] === 'people' ? 'person id' : 'key';
    return {
      message: `"${badName(err)}" is not a valid ${what}: use letters, digits, _, . or -, starting with a letter or digit.`,
      data: { format: 'personId', path },
    };
  },
};

/** Any other keyword: a value of the wrong kind. */
const OTHER = onValueRule('schema-type', (err, path, _node, name) => ({
  message: `"${name}" is not valid here (${err.keyword}).`,
  data: { path },
}));

const STRING_RULES = new Set(['pattern', 'maxLength', 'minLength', 'format']);

/** The rule for an error, or undefined when another error of the same check speaks for it. */
export function ruleOf(err: ErrorObject, node: SourceNode | undefined): KeywordRule | undefined {
  if (badName(err) !== undefined) return BAD_NAME;
  // A string rule on a mapping checks one of its keys, inside `propertyNames`: that error
  // (with the key's name) speaks for it.
  if (node?.kind === 'map' && STRING_RULES.has(err.keyword)) return undefined;
  return RULES.get(err.keyword) ?? OTHER;
}
