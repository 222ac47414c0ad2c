/** Hostile and broken input: loading YAML, the schema and the semantic checks never throw. */
import assert from 'node:assert/strict';
import { checkPlan, type CheckResult } from '../../src/core';
import { schemaValidator, workbackSchema } from '../../src/core/validate/schemaCheck';
import { toPlain } from '../../src/core/sourceTree';
import { SMALL_PLAN } from './helpers/plans';
import Ajv from 'ajv';

const codes = (r: CheckResult) => r.diagnostics.map((d) => d.code);
const at = (r: CheckResult, code: string) => {
  const d = r.diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected ${code}, got ${codes(r).join(', ') || 'nothing'}`);
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
};

describe('loading YAML: bad input gets a positioned error, never a crash', () => {
  it('an alias bomb is rejected before anything expands it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const r = checkPlan(lines.join('\n'));
    assert.ok(codes(r).includes('yaml-anchor'));
    assert.equal(r.plan, undefined);
  });

  it('a self-referencing alias and an undefined alias never reach the validator', () => {
    for (const text of ['a: &x [*x]\n', 'a: *nope\n']) {
      const r = checkPlan(text);
      assert.ok(
        r.diagnostics.some((d) => d.code === 'yaml-anchor' || d.code === 'yaml-syntax'),
        `${text}: ${codes(r)}`,
      );
      assert.equal(r.plan, undefined);
    }
  });

  it('thousands of [ or - are rejected quickly, twice in one process', () => {
    for (const text of [
      'a: ' + '['.repeat(5000),
      '- '.repeat(5000) + 'x',
      'a: ' + '['.repeat(100000) + ']'.repeat(100000),
    ]) {
      for (let round = 0; round < 2; round++) {
        const r = checkPlan(text);
        assert.deepEqual(codes(r), ['too-deep'], text.slice(0, 20));
      }
    }
    // deep block nesting by indentation
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    assert.deepEqual(codes(checkPlan(deep)), ['too-deep']);
  });

  it('a quoted value whose last quote is escaped is unclosed, as the YAML spec and js-yaml say (the yaml package reads it as closed)', () => {
    // `''` at the end of a line is a quote inside the text: the scalar goes on, to the `'` of a later line
    const text = SMALL_PLAN.replace('title: First milestone', "title: 'First milestone''").replace(
      'title: Task one',
      "title: 'Task one'",
    );
    for (const engine of ['fast', 'yaml'] as const) {
      const r = checkPlan(text, { engine });
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1, `${engine}: ${errors.map((d) => d.message).join('; ')}`);
      assert.equal(errors[0]!.code, 'yaml-syntax');
    }
    const yamlEngine = checkPlan(text, { engine: 'yaml' }).diagnostics[0]!;
    assert.match(yamlEngine.message, /Missing closing 'quote: '' is a quote inside the text/);
    assert.equal(yamlEngine.range.start.line, 12); // the line of 'First milestone''
    // the `yaml` package sees that one: it is reported where it opens (test/unit/parseUnclosed.test.ts)
    const dq = checkPlan('workback: 1\ntitle: "T\\"\n', { engine: 'yaml' }).diagnostics.find(
      (d) => d.code === 'yaml-syntax',
    )!;
    assert.match(dq.message, /This "quoted value is not closed/);
    assert.deepEqual([dq.range.start.line, dq.range.start.character], [1, 7]);
  });

  it('a size cap applies before parsing, with a clear message', () => {
    const r = checkPlan(SMALL_PLAN + '# ' + 'x'.repeat(2000) + '\n', { maxSize: 1000 });
    assert.deepEqual(codes(r), ['file-too-large']);
    assert.match(r.diagnostics[0]!.message, /limit/);
  });

  it('a mapping with 50,000 keys loads and finds its duplicate in linear time', function () {
    this.timeout(60000); // a guard against quadratic behaviour, not a speed test (see npm run bench)
    const keys = Array.from({ length: 50000 }, (_, i) => `  x-k${i}: ${i}`);
    keys.push('  x-k7: again');
    const r = checkPlan(`workback: 1\nx-big:\n${keys.join('\n')}\n`);
    assert.equal(at(r, 'yaml-duplicate-key'), '50003:3');
  });

  it('YAML 1.2 core schema: no, on, yes stay text; 2026-02-30 is checked as a date', () => {
    const r = checkPlan(
      SMALL_PLAN.replace('title: Task one', 'title: no').replace('due: 2026-09-30', 'due: 2026-02-30'),
    );
    assert.deepEqual(codes(r), ['invalid-date']);
    assert.equal(r.plan!.tasks[0]!.title, 'no');
    assert.equal(at(r, 'invalid-date'), '6:8');
  });

  it('2028-02-29 is a date, 2026-02-29 is not', () => {
    assert.deepEqual(codes(checkPlan(SMALL_PLAN.replace('due: 2026-09-30', 'due: 2028-02-29'))), []);
    assert.deepEqual(codes(checkPlan(SMALL_PLAN.replace('due: 2026-09-30', 'due: 2026-02-29'))), ['invalid-date']);
  });

  it('an id or date that YAML reads as another type says to quote it', () => {
    const r = checkPlan(SMALL_PLAN.replace('id: t1', 'id: 123'));
    assert.equal(at(r, 'schema-type'), '15:13');
    assert.match(r.diagnostics[0]!.message, /quote it/);
    const r2 = checkPlan(SMALL_PLAN.replace('title: Task one', 'title: true'));
    assert.match(r2.diagnostics[0]!.message, /quote it \("true"\)/);
  });

  it('a top level that is not a mapping, and a second document', () => {
    assert.deepEqual(codes(checkPlan('- a\n- b\n')), ['schema-type']);
    assert.deepEqual(codes(checkPlan('just text\n')), ['schema-type']);
    const r = checkPlan(SMALL_PLAN + '---\nworkback: 1\n');
    assert.equal(at(r, 'yaml-multiple-documents'), '23:1');
  });

  it('BOM and CRLF keep positions exact', () => {
    const text = '\uFEFF' + SMALL_PLAN.replace(/\n/g, '\r\n').replace('owner: lee', 'owner: leo');
    const r = checkPlan(text);
    assert.deepEqual(codes(r), ['unknown-person']);
    assert.equal(at(r, 'unknown-person'), '21:16');
    const d = r.diagnostics[0]!;
    assert.equal(text.slice(d.span.start, d.span.end), 'leo');
  });

  it('control characters, bidi overrides and zero-width characters in titles are kept as text', () => {
    const title = 'Deploy \u202Eevil\u202C \u200B zero \u0007 bell';
    const r = checkPlan(SMALL_PLAN.replace('title: Task one', `title: ${JSON.stringify(title)}`));
    assert.deepEqual(codes(r), []);
    assert.equal(r.plan!.tasks[0]!.title, title);
  });

  it('invalid UTF-8 (decoded as U+FFFD) and very long titles get a clear error, not a crash', () => {
    const r = checkPlan(SMALL_PLAN.replace('title: Task one', `title: ${'\uFFFD'.repeat(3)}${'x'.repeat(600)}`));
    assert.deepEqual(codes(r), ['schema-limit']);
    assert.equal(at(r, 'schema-limit'), '16:16');
  });

  it('explicit tags and %YAML 1.1 are rejected where they are written', () => {
    assert.equal(at(checkPlan(SMALL_PLAN.replace('title: Small plan', 'title: !!set {a}')), 'yaml-tag'), '2:8');
    assert.equal(at(checkPlan(SMALL_PLAN.replace('title: Small plan', 'title: !custom x')), 'yaml-tag'), '2:8');
    assert.equal(at(checkPlan('%YAML 1.1\n---\n' + SMALL_PLAN), 'yaml-directive'), '1:1');
  });

  it('an anchor whose node starts at the very end of the text keeps its error inside the text (found by fast-check)', () => {
    const text = '&\uFEFF"';
    for (const engine of ['fast', 'yaml'] as const) {
      const r = checkPlan(text, { engine });
      assert.deepEqual(codes(r), ['yaml-anchor'], engine);
      for (const d of r.diagnostics)
        assert.ok(
          d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end,
          `${engine}: ${JSON.stringify(d.span)}`,
        );
    }
  });

  it('a YAML error leaves no plan behind: data from a broken document is not used', () => {
    const r = checkPlan(SMALL_PLAN.replace('depends_on: [t1]', 'depends_on: [t1'));
    assert.deepEqual(codes(r), ['yaml-syntax']);
    assert.equal(r.plan, undefined);
    assert.equal(r.engine, 'yaml', 'the yaml engine reports syntax errors');
  });
});

describe('schema and semantics', () => {
  it('the schema compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addKeyword('markdownDescription');
    assert.doesNotThrow(() => ajv.compile(workbackSchema()));
    assert.equal(typeof schemaValidator(), 'function');
  });

  it('validation never mutates its input', () => {
    const r = checkPlan(SMALL_PLAN);
    const plain = toPlain(r.tree!);
    const before = JSON.stringify(plain);
    schemaValidator()(plain);
    assert.equal(JSON.stringify(plain), before);
  });

  it('the number of reported problems is capped, and the rest counted', () => {
    const many =
      SMALL_PLAN +
      Array.from({ length: 40 }, (_, i) => `      - id: u${i}\n        title: U\n        owner: nobody${i}\n`).join('');
    const r = checkPlan(many, { maxProblems: 10 });
    assert.equal(r.diagnostics.length, 11);
    assert.equal(r.diagnostics[10]!.code, 'too-many-problems');
    assert.match(r.diagnostics[10]!.message, /30 more problems \(30 errors\)/);
  });

  it('a cycle of 100,000 tasks: one cycle named, no stack overflow', function () {
    this.timeout(60000); // a 7 MB file: a guard against stack overflow, not a speed test (see npm run bench)
    const n = 100000;
    const L = [SMALL_PLAN.split('milestones:')[0] + 'milestones:'];
    for (let i = 0; i < n; i++) {
      if (i % 1000 === 0) L.push(`  - id: m${i / 1000}`, '    title: Part', '    tasks:');
      L.push(`      - { id: c${i}, title: C, owner: dana, depends_on: [c${(i + 1) % n}] }`);
    }
    const r = checkPlan(L.join('\n') + '\n', { maxSize: 20e6, maxProblems: 5 });
    assert.equal(r.diagnostics[0]!.code, 'dependency-cycle');
    assert.match(r.diagnostics[0]!.message, /c0 → c1 → .*more\).* → c0/);
    assert.match(r.diagnostics[5]!.message, /99995 more problems/);
  });

  it('unknown keys point at the key with a suggestion; x- keys pass', () => {
    const r = checkPlan(SMALL_PLAN.replace('        duration: 2d', '        duraton: 2d\n        x-ticket: SEC-1'));
    assert.equal(at(r, 'schema-unknown-key'), '18:9');
    assert.match(r.diagnostics[0]!.message, /Did you mean "duration"/);
    assert.deepEqual(r.diagnostics[0]!.data?.suggestions, ['duration']);
  });

  it('a missing key is reported on its parent key; an empty value on its key', () => {
    const r = checkPlan(SMALL_PLAN.replace('  outcome: Done\n', ''));
    assert.equal(at(r, 'schema-required'), '3:1');
    const r2 = checkPlan(SMALL_PLAN.replace('        owner: dana\n', '        owner:\n'));
    assert.equal(at(r2, 'schema-type'), '17:9');
  });
});
