/**
 * JSON schema validation on the plain value, each error walked back to the node at fault: an
 * unknown key points at the key, a missing key at its parent's key, a wrong value at the value.
 * The validator is ajv's code for the schema, generated at build time (planValidator.generated.ts);
 * each keyword's place and wording is a rule of its own (schemaErrors/keywords.ts).
 */
import type { ErrorObject } from 'ajv';
import type { RawDiagnostic, Span } from '../diagnostic';
import type { SourceNode } from '../sourceTree';
import { validate as generatedValidate } from './planValidator.generated';
import { ruleOf, type KeywordRule, type Wording } from './schemaErrors/keywords';
import { NodeFinder, pathOf } from './schemaErrors/places';
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

/** The schema's problems in the order of the text: the first `max`, and how many more there are. */
export interface SchemaProblems {
  diagnostics: RawDiagnostic[];
  /** Problems past the first `max`, all of them after the last one listed. */
  unlisted: number;
}

/**
 * Validates the plain value of `tree`; returns positioned diagnostics. Every error is placed and
 * counted, but only the first `max` in the text get an object of their own (a file may hold
 * 100,000 errors): the rest cost their place, in arrays, and no garbage.
 */
export function checkSchema(tree: SourceNode, value: unknown, max = Infinity): SchemaProblems {
  const validate = schemaValidator();
  if (validate(value)) return { diagnostics: [], unlisted: 0 };
  const errors = validate.errors ?? [];
  const found = new Found(errors.length);
  const nodes = new NodeFinder(tree);
  for (const err of errors) {
    const node = nodes.at(err.instancePath);
    const rule = ruleOf(err, node);
    if (rule) found.add(rule, rule.span(tree, err, node, nodes.parent), err, node);
  }
  const order = found.onePerPlace();
  const listed = Math.min(order.length, max);
  const diagnostics: RawDiagnostic[] = [];
  for (let k = 0; k < listed; k++) diagnostics.push(found.problem(order[k]!));
  return { diagnostics, unlisted: order.length - listed };
}

/** Of two errors at one place, the one earlier in this list speaks. */
const PRIORITY = new Map(
  [
    'schema-type',
    'schema-required',
    'schema-unknown-key',
    'schema-format',
    'schema-enum',
    'schema-unique',
    'schema-limit',
  ].map((code, i) => [code, i]),
);

/** The errors placed, in columns. */
class Found {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly ranks: Int8Array;
  private readonly rules: KeywordRule[] = [];
  private readonly errors: ErrorObject[] = [];
  private readonly nodes: (SourceNode | undefined)[] = [];

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.ranks = new Int8Array(capacity);
  }

  add(rule: KeywordRule, span: Span, err: ErrorObject, node: SourceNode | undefined): void {
    const i = this.rules.length;
    this.starts[i] = span.start;
    this.ends[i] = span.end;
    this.ranks[i] = PRIORITY.get(rule.code) ?? -1;
    this.rules.push(rule);
    this.errors.push(err);
    this.nodes.push(node);
  }

  /**
   * The errors in the order of the text, one per place: where a value breaks several rules (a
   * date-time is too long and of the wrong form), the most telling one speaks, and of equals
   * the first ajv found. Sorted, the errors of one place are neighbours; ajv reports an array's
   * items in order, so the errors often come sorted, and otherwise in sorted runs.
   */
  onePerPlace(): number[] {
    const { starts, ends, ranks } = this;
    const before = (a: number, b: number) =>
      starts[a]! - starts[b]! || ends[a]! - ends[b]! || ranks[a]! - ranks[b]! || a - b;
    const order = Array.from({ length: this.rules.length }, (_, i) => i);
    let sorted = true;
    for (let i = 1; i < order.length && sorted; i++) sorted = before(i - 1, i) < 0;
    if (!sorted) order.sort(before);
    let kept = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const last = kept > 0 ? order[kept - 1]! : -1;
      if (last >= 0 && starts[i] === starts[last] && ends[i] === ends[last]) continue;
      order[kept++] = i;
    }
    order.length = kept;
    return order;
  }

  problem(i: number): RawDiagnostic {
    const span = { start: this.starts[i]!, end: this.ends[i]! };
    return new SchemaProblem(this.rules[i]!, span, this.errors[i]!, this.nodes[i]);
  }
}

/** An error reported; its wording waits (`details`) until the diagnostics are put in order. */
class SchemaProblem implements RawDiagnostic {
  readonly severity = 'error';
  readonly code: string;
  message = '';

  constructor(
    private readonly rule: KeywordRule,
    readonly span: Span,
    private readonly err: ErrorObject,
    private readonly node: SourceNode | undefined,
  ) {
    this.code = rule.code;
  }

  details(): Wording {
    const path = pathOf(this.err.instancePath);
    return this.rule.words(this.err, path, this.node, fieldName(path));
  }
}
