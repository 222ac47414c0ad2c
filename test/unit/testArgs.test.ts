/** The command line of `npm test` (scripts/lib/testArgs.mjs): stages, test files, --grep. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
interface Picked {
  stage: string;
  stem: string;
  path: string;
}
interface Args {
  stages: string[];
  files: Picked[];
  grep?: string;
  noBuild: boolean;
  full: boolean;
  error?: string;
}
type Parse = (argv: string[]) => Args;

describe('npm test arguments', () => {
  let parse: Parse;
  let stemsFor: (a: Args, stage: string) => string[];
  before(async () => {
    const m = (await import(path.join(ROOT, 'scripts/lib/testArgs.mjs'))) as {
      parseTestArgs: Parse;
      stemsFor: typeof stemsFor;
    };
    parse = m.parseTestArgs;
    stemsFor = m.stemsFor;
  });

  it('no arguments: every stage, lint included', () => {
    const a = parse([]);
    assert.deepEqual(a.stages, []);
    assert.equal(a.full, true);
  });

  it('a stage and --grep: that stage, the pattern, no lint', () => {
    const a = parse(['unit', '--grep', 'plural']);
    assert.deepEqual(a.stages, ['unit']);
    assert.equal(a.grep, 'plural');
    assert.equal(a.full, false);
    assert.equal(parse(['--grep=x y']).grep, 'x y');
  });

  it('a test file picks its stage and its stem, from source or compiled paths', () => {
    const a = parse(['test/unit/edit.test.ts', 'out/test/integration/timeline.test.js', 'test/e2e/ui.test.mjs']);
    assert.deepEqual(a.stages, ['unit', 'integration', 'e2e']);
    assert.deepEqual(stemsFor(a, 'unit'), ['edit']);
    assert.deepEqual(stemsFor(a, 'integration'), ['timeline']);
    assert.deepEqual(stemsFor(a, 'e2e'), ['ui']);
  });

  it('says what is wrong with a bad argument', () => {
    assert.match(parse(['units']).error ?? '', /unknown stage "units"/);
    assert.match(parse(['--grep']).error ?? '', /needs a pattern/);
    assert.match(parse(['--bail']).error ?? '', /unknown option "--bail"/);
    assert.match(parse(['src/core/check.ts']).error ?? '', /not under test\/unit/);
  });
});
