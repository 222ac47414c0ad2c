/**
 * The editing reader (editing/yamlLines.ts, editing/flowScanner.ts): completion, hover and the
 * lenses read a plan line by line and flow collections character by character, without the
 * parser, because they must work on half-typed text. On text that parses, what they read must
 * be what the parser reads. These cases are the counterexamples its differential test found.
 */
import assert from 'node:assert/strict';
import { lineShape, unquote } from '../../src/core/editing/yamlLines';

describe('editing reader: the cases the parser reads otherwise', () => {
  it('decodes a double-quoted scalar by YAML\'s escapes, not JSON\'s', () => {
    assert.equal(unquote('"Hostile \\e[31mred\\e[0m plan \\u202eevil"'), 'Hostile \x1b[31mred\x1b[0m plan \u202eevil');
    assert.equal(unquote('"\\x41\\_\\N\\L\\P\\ \\/\\U0001F600\tx"'), 'A\xa0\x85\u2028\u2029 /😀\tx');
    const shape = lineShape('"a\\x41": "\\e"');
    assert.deepEqual(shape.entries.map((e) => (e.kind === 'key' ? [e.key, unquote(e.value)] : e.kind)), [['aA', '\x1b']]);
    // what the parser does not read is left as it is written
    assert.equal(unquote('"bad \\q escape"'), 'bad \\q escape');
    assert.equal(unquote("'it''s'"), "it's");
  });
});
