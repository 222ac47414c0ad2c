/**
 * The plan validator is ajv's standalone code for the schema, generated at build time. It must
 * be current with the schema, and judge every plan exactly as ajv compiling the schema does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import fc from 'fast-check';
import { checkPlan } from '../../src/core';
import { schemaValidator, workbackSchema } from '../../src/core/validate/schemaCheck';
import { toPlain } from '../../src/core/sourceTree';
import { FIXTURES, loadFixtures } from './helpers/fixtures';

const ROOT = path.resolve(FIXTURES, '../..');

function compiledBySchema() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword('markdownDescription');
  return ajv.compile(workbackSchema());
}

const summary = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();

describe('the generated plan validator', () => {
  it('is current with schemas/workback.schema.json (npm run build regenerates it)', async () => {
    const { planValidatorSource } = await import(path.join(ROOT, 'scripts/lib/planValidator.mjs'));
    const fresh = planValidatorSource(path.join(ROOT, 'schemas/workback.schema.json'));
    const committed = readFileSync(path.join(ROOT, 'src/core/validate/planValidator.generated.ts'), 'utf8');
    assert.ok(
      fresh === committed,
      'src/core/validate/planValidator.generated.ts is stale: run npm run build and commit it',
    );
  });

  it('reports the same errors as ajv compiling the schema, on every fixture plan', () => {
    const reference = compiledBySchema();
    const generated = schemaValidator();
    const fixtures = [...loadFixtures('plans/valid'), ...loadFixtures('plans/invalid')];
    let invalid = 0;
    for (const f of fixtures) {
      const tree = checkPlan(f.text).tree;
      if (!tree) continue;
      const value = toPlain(tree);
      const ok = generated(value);
      assert.equal(ok, reference(value), f.name);
      assert.deepEqual(summary(generated.errors), summary(reference.errors), f.name);
      if (!ok) invalid++;
    }
    assert.ok(invalid >= 5, `the fixtures include schema errors (${invalid})`);
  });

  it('reports the same errors as ajv on random changes to a valid plan', () => {
    const reference = compiledBySchema();
    const generated = schemaValidator();
    const base = toPlain(
      checkPlan(readFileSync(path.join(ROOT, 'examples/mfa-rollout.workback.yaml'), 'utf8')).tree!,
    ) as Record<string, unknown>;
    const anyValue = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 12 }), anyValue), { minLength: 1, maxLength: 4 }),
        (changes) => {
          const value = structuredClone(base);
          for (const [at, key, v] of changes) {
            // somewhere in the plan: the root, a milestone, or a task
            const objects = (v: unknown) =>
              (Array.isArray(v) ? v : []).filter(
                (x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x),
              );
            const milestones = objects(value.milestones);
            const m = milestones[at % Math.max(1, milestones.length)];
            const tasks = objects(m?.tasks);
            const target = [value, m, tasks[at % Math.max(1, tasks.length)]][at % 3] ?? value;
            const keys = Object.keys(target);
            if (keys.length === 0) continue;
            target[at % 2 ? key : keys[at % keys.length]!] = v;
          }
          const ok = generated(value);
          assert.equal(ok, reference(value));
          assert.deepEqual(summary(generated.errors), summary(reference.errors));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('reports the same uniqueItems pair as ajv, on random lists of workdays (numbers, NaN, nested lists and mappings)', () => {
    const reference = compiledBySchema();
    const generated = schemaValidator();
    const base = toPlain(
      checkPlan(readFileSync(path.join(ROOT, 'examples/mfa-rollout.workback.yaml'), 'utf8')).tree!,
    ) as Record<string, unknown>;
    const leaf = fc.oneof(
      fc.constantFrom('mon', 'tue', 'x', '1', 1, 0, -0, Number.NaN, true, null),
      fc.integer({ min: 0, max: 3 }),
    );
    // plain objects here: ajv's deep equality throws on the null-prototype mappings checkPlan builds
    const item = fc.oneof(
      leaf,
      fc.array(leaf, { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), leaf, { maxKeys: 3, noNullPrototype: true }),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (workdays) => {
        const value = { ...base, calendar: { workdays } };
        const ok = generated(value);
        assert.equal(ok, reference(value));
        assert.deepEqual(summary(generated.errors), summary(reference.errors));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it("compares mappings in a list without throwing (ajv's deep equality failed on null-prototype mappings)", () => {
    const r = checkPlan(
      'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-01, owner: a }\npeople: { a: { name: A } }\ncalendar:\n  workdays: [{a: 1}, {a: 1}, mon, mon]\nmilestones:\n  - { id: m, title: M }\n',
    );
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['schema-type', 'schema-type', 'schema-unique'],
    );
  });

  it('words its errors from the schema at the instance path: the keys allowed in a task, the format of a date', () => {
    const r = checkPlan(
      'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-01, owner: a }\npeople: { a: { name: A } }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: t, title: T, owner: a, duration: 1d, ownr: a }\n',
    );
    const d = r.diagnostics.find((x) => x.code === 'schema-unknown-key');
    assert.ok(d?.message.includes('Did you mean "owner"?'), d?.message);
    const bad = checkPlan(
      'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-1-01, owner: a }\npeople: { a: { name: A } }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: t, title: T, owner: a, duration: 0d, ownr: a }\n',
    );
    const messages = bad.diagnostics.map((x) => x.message).join('\n');
    assert.match(messages, /"due" must be a date YYYY-MM-DD/);
    assert.match(messages, /"duration" must be at least 1 workday/);
    assert.match(messages, /Unknown key "ownr" in a task\. Did you mean "owner"\?/);
  });
});
