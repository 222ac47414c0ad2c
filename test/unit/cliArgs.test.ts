/** src/cli/args.ts: option parsing and the shared option readers. */
import assert from 'node:assert/strict';
import { choice, list, parseArgs, positiveInteger, todayOption, UsageError, type OptionSpec } from '../../src/cli/args';
import { formatDay } from '../../src/core';

const SPECS: OptionSpec[] = [
  { name: 'help', kind: 'flag', short: 'h' },
  { name: 'today', kind: 'value' },
  { name: 'me', kind: 'value', repeatable: true },
  { name: 'json', kind: 'flag' },
];

describe('cli args', () => {
  it('reads --name value, --name=value, flags and positionals in any order', () => {
    const a = parseArgs(['a', '--today', '2026-07-01', '--json', 'b', '--me=x', '--me', 'y,z', '-h'], SPECS);
    assert.deepEqual(a.positionals, ['a', 'b']);
    assert.deepEqual(a.options.get('today'), ['2026-07-01']);
    assert.deepEqual(list(a, 'me'), ['x', 'y', 'z']);
    assert.ok(a.options.has('json') && a.options.has('help'));
  });

  it('-- ends options; a lone - is a positional', () => {
    assert.deepEqual(parseArgs(['--', '--json', '-x'], SPECS).positionals, ['--json', '-x']);
    assert.deepEqual(parseArgs(['-'], SPECS).positionals, ['-']);
  });

  it('rejects unknown options, missing values, values on flags and repeats', () => {
    assert.throws(
      () => parseArgs(['--jsn'], SPECS),
      (e: unknown) => e instanceof UsageError && /unknown option '--jsn'/.test(e.message),
    );
    assert.throws(() => parseArgs(['--today'], SPECS), /needs a value/);
    assert.throws(() => parseArgs(['--json=1'], SPECS), /takes no value/);
    assert.throws(() => parseArgs(['--today', 'a', '--today', 'b'], SPECS), /more than once/);
  });

  it('--today takes a real YYYY-MM-DD day, else the IO date', () => {
    const now = () => ({ y: 2026, m: 7, d: 1 });
    assert.equal(formatDay(todayOption(parseArgs(['--today', '2028-02-29'], SPECS), now)), '2028-02-29');
    assert.equal(formatDay(todayOption(parseArgs([], SPECS), now)), '2026-07-01');
    assert.throws(() => todayOption(parseArgs(['--today', '2026-02-30'], SPECS), now), /not a real calendar day/);
    assert.throws(() => todayOption(parseArgs(['--today', '1/7/2026'], SPECS), now), /expected YYYY-MM-DD/);
    assert.throws(() => todayOption(parseArgs(['--today', '1900-01-01'], SPECS), now), /outside 1970-2199/);
  });

  it('choices and positive integers', () => {
    const specs: OptionSpec[] = [
      { name: 'format', kind: 'value' },
      { name: 'max-size', kind: 'value' },
    ];
    assert.equal(choice(parseArgs(['--format', 'json'], specs), 'format', ['text', 'json'], 'text'), 'json');
    assert.throws(
      () => choice(parseArgs(['--format', 'xml'], specs), 'format', ['text', 'json'], 'text'),
      /one of text, json/,
    );
    assert.equal(positiveInteger(parseArgs(['--max-size', '1000'], specs), 'max-size'), 1000);
    for (const bad of ['0', '-1', '1e6', '12abc', '']) {
      assert.throws(
        () => positiveInteger(parseArgs([`--max-size=${bad}`], specs), 'max-size'),
        /positive whole number/,
      );
    }
  });
});
