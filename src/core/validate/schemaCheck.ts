/**
 * JSON schema validation on the plain value, each error walked back to the node at fault: an
 * unknown key points at the key, a missing key at its parent's key, a wrong value at the value.
 * The validator is ajv's code for the schema, generated at build time (planValidator.generated.ts);
 * each keyword's place and wording is a rule of its own (schemaErrors/keywords.ts).
 */
import type { ErrorObject } from 'ajv';
import type { RawDiagnostic } from '../diagnostic';
import { nodeAtPath, type SourceNode } from '../sourceTree';
import { validate as generatedValidate } from './planValidator.generated';
import { ruleOf } from './schemaErrors/keywords';
import { fieldName } from './schemaErrors/words';

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

const PRIORITY = [
  'schema-type',
  'schema-required',
  'schema-unknown-key',
  'schema-format',
  'schema-enum',
  'schema-unique',
  'schema-limit',
];

function pathOf(instancePath: string): string[] {
  if (!instancePath) return [];
  const segments = instancePath.slice(1).split('/');
  return instancePath.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

/** Where an error is shown and its code: cheap, for every error; the wording waits (`details`). */
function toDiagnostic(tree: SourceNode, err: ErrorObject): RawDiagnostic | undefined {
  const path = pathOf(err.instancePath);
  const node = nodeAtPath(tree, path);
  const rule = ruleOf(err, node);
  if (!rule) return undefined;
  return {
    code: rule.code,
    severity: 'error',
    message: '',
    span: rule.span(tree, err, path, node),
    details: () => rule.words(err, path, node, fieldName(path)),
  };
}
