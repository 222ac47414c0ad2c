/**
 * The editing reader (editing/yamlLines.ts, editing/flowScanner.ts): completion, hover and the
 * lenses read a plan line by line and flow collections character by character, without the
 * parser, because they must work on half-typed text. On text that parses, what they read must
 * be what the parser reads. These cases are the counterexamples its differential test
 * (editingReader.test.ts) found.
 */
import assert from 'node:assert/strict';
import { cursorContext } from '../../src/core/editing';
import { FlowScanner, flowKeysAfter } from '../../src/core/editing/flowScanner';
import { lineShape, unquote } from '../../src/core/editing/yamlLines';
import { parseText } from '../../src/core/parse/parseText';

describe('editing reader: the cases the parser reads otherwise', () => {
  it("decodes a double-quoted scalar by YAML's escapes, not JSON's", () => {
    assert.equal(unquote('"Hostile \\e[31mred\\e[0m plan \\u202eevil"'), 'Hostile \x1b[31mred\x1b[0m plan \u202eevil');
    assert.equal(unquote('"\\x41\\_\\N\\L\\P\\ \\/\\U0001F600\tx"'), 'A\xa0\x85\u2028\u2029 /😀\tx');
    const shape = lineShape('"a\\x41": "\\e"');
    assert.deepEqual(
      shape.entries.map((e) => (e.kind === 'key' ? [e.key, unquote(e.value)] : e.kind)),
      [['aA', '\x1b']],
    );
    // what the parser does not read is left as it is written
    assert.equal(unquote('"bad \\q escape"'), 'bad \\q escape');
    assert.equal(unquote("'it''s'"), "it's");
  });

  it('reads the keys after the cursor in a flow mapping past comments, quoted keys and keys without a value', () => {
    const text = '- { id: t0,   #\tc1 note\n    title: Task 0,   #\tc2 note\n    owner: ana   #\tc3 note\n  }\n';
    assert.deepEqual(flowKeysAfter(text, text.indexOf('id') + 2), ['title', 'owner']);
    const odd = "{ a: 1, \"b c\": 2, 'd''s': [x, {y: z}], e, f: }";
    assert.deepEqual(flowKeysAfter(odd, 2), ['b c', "d's", 'e', 'f']);
    assert.deepEqual(FlowScanner.itemsAfter('[a, b # c, d\n, "e\\x41", [f], g]', 1), ['b', 'eA', 'g']);
  });

  it('keeps the white space of a quoted scalar in a flow collection, before the cursor and after it', () => {
    const text = "a: [' x ', \" y\", ' z ']\n";
    const state = new FlowScanner(text, []).scanTo(text.indexOf('['), text.indexOf('y') + 2);
    assert.deepEqual(
      { items: state.frames[0]!.items, token: state.token, tokenStart: state.tokenStart },
      { items: [' x '], token: ' y', tokenStart: text.indexOf('"') },
    );
    assert.deepEqual(FlowScanner.itemsAfter(text, text.indexOf('x')), [' y', ' z ']);
    // the blanks after the closing quote are not the scalar's
    assert.deepEqual(FlowScanner.itemsAfter("[ A,\n 'A' ,\n\t'B'\n]", 2), ['A', 'B']);
    // the cursor inside a quoted scalar: the text from the quote to the cursor, where it starts
    const inside = new FlowScanner(text, []).scanTo(text.indexOf('['), text.indexOf('z'));
    assert.deepEqual(
      { token: inside.token, tokenStart: inside.tokenStart, quote: inside.quote },
      { token: ' ', tokenStart: text.indexOf('z') - 1, quote: "'" },
    );
  });

  it('reads a quoted scalar over several lines in a flow collection, folded as the parser folds it', () => {
    const text = 'id : { id: [ ":\n ", \'x\n\n   y\', z ] } # c0 \n';
    const scanner = new FlowScanner(text, []);
    const state = scanner.scanTo(text.indexOf('{'), text.indexOf('z') + 1);
    assert.deepEqual({ items: state.frames[1]!.items, token: state.token }, { items: [': ', 'x\ny'], token: 'z' });
    assert.deepEqual(JSON.parse(JSON.stringify(parseText(text).plain)), { id: { id: [': ', 'x\ny', 'z'] } });
    scanner.scanTo(text.indexOf('z') + 1, text.length);
    assert.ok(scanner.closed);
  });

  it('reads `? key` in a flow mapping as the key, without its indicator', () => {
    const text = 'id : { id: [ { ? k }, ] } # c0 \n';
    const state = new FlowScanner(text, []).scanTo(text.indexOf('{'), text.indexOf('k') + 1);
    assert.deepEqual(
      { token: state.token, tokenStart: state.tokenStart },
      { token: 'k', tokenStart: text.indexOf('k') },
    );
    assert.deepEqual(flowKeysAfter('{ a: 1, ? b: 2, ?c: 3 }', 2), ['b', '?c']);
  });

  it('keeps a no-break space at the end of a plain value: only spaces and tabs are separation', () => {
    const shape = lineShape('  - trailing\u00a0  # c');
    assert.deepEqual({ rest: shape.rest, restCol: shape.restCol }, { rest: 'trailing\u00a0', restCol: 4 });
    const key = lineShape('k: v\u3000\t');
    assert.deepEqual(key.entries[0]?.kind === 'key' && key.entries[0].value, 'v\u3000');
    // and in a flow collection, before the text too
    assert.deepEqual(FlowScanner.itemsAfter('[ x, \u00a0nbsp,\n A\u00a0, ]', 2), ['\u00a0nbsp', 'A\u00a0']);
    assert.deepEqual(flowKeysAfter('{ x, \u00a0k\u00a0: v }', 2), ['\u00a0k\u00a0']);
  });

  it('reads an empty quoted key without a value in a flow mapping', () => {
    const text = "id : { id: { id,\n '' } } # c0 \n";
    assert.deepEqual(flowKeysAfter(text, text.lastIndexOf('id') + 2), ['']);
    const before = "{ id, '', x }";
    const state = new FlowScanner(before, []).scanTo(0, before.indexOf('x') + 1);
    assert.deepEqual({ keys: state.frames[0]!.keys, token: state.token }, { keys: ['id', ''], token: 'x' });
  });

  it("reads a plain key by the parser's rules: `?`, `-` and `:` start one before a non-space", () => {
    const key = (line: string) =>
      lineShape(line).entries.map((e) => (e.kind === 'key' ? [e.key, e.keyEnd, e.colonEnd] : e.kind));
    assert.deepEqual(key('?x:'), [['?x', 2, 3]]);
    assert.deepEqual(key('- -k : v'), ['dash', ['-k', 4, 6]]);
    assert.deepEqual(key(':k::'), [[':k:', 3, 4]]);
    assert.deepEqual(key('? k: v'), []);
    assert.deepEqual(key('k# : v'), [['k#', 2, 4]]);
    assert.deepEqual(key('a #b: v'), []);
    // a control character starts a plain scalar for the yaml engine, which reads text holding one
    assert.deepEqual(key('\u0000workback: 1'), [['\u0000workback', 9, 10]]);
  });

  it("finds a value's end and its comment by the parser's rules: quotes in a plain scalar are text, an escaped quote closes nothing", () => {
    const read = (line: string) => {
      const shape = lineShape(line);
      const key = shape.entries.find((e) => e.kind === 'key');
      return { value: key?.kind === 'key' ? key.value : shape.rest, comment: shape.comment };
    };
    assert.deepEqual(read('k: "a\\" # b"'), { value: '"a\\" # b"', comment: -1 });
    assert.deepEqual(read("k: x 'y # c"), { value: "x 'y", comment: 8 });
    assert.deepEqual(read("k: x 'y  # x \"y\" 'z'"), { value: "x 'y", comment: 9 });
    assert.deepEqual(read("k: [x 'y]  # x"), { value: "[x 'y]", comment: 11 });
    assert.deepEqual(read('k: { k: "a\\" # b" }  # c'), { value: '{ k: "a\\" # b" }', comment: 21 });
    assert.deepEqual(read("- it's # c"), { value: "it's", comment: 7 });
    assert.deepEqual(read("- 'x', 'y # z' ] # c"), { value: "'x'", comment: 17 });
    assert.deepEqual(read('k: a:b: c #d'), { value: 'a:b: c', comment: 10 });
  });

  it('reads a comment line with a tab before its `#` as blank, and a line of no-break spaces as text', () => {
    assert.deepEqual(pick(lineShape(' \t# c0 ')), { blank: true, comment: 2, entries: [] });
    assert.deepEqual(pick(lineShape('\t \t')), { blank: true, comment: -1, entries: [] });
    assert.deepEqual(pick(lineShape('  \u00a0')), { blank: false, comment: -1, entries: [] });
  });

  it("a flow collection's lines are the flow scanner's: it says where its comments are", () => {
    const text = 'k: ["a\\" # b", x \'y,\n    x \'y, "a\\" # b", # c\n    ]\n';
    const from = text.indexOf('[');
    const inComment = (at: number) => new FlowScanner(text, []).scanTo(from, at).comment;
    assert.deepEqual(
      [text.indexOf('# b'), text.lastIndexOf('# b'), text.indexOf('# c')].map((at) => inComment(at + 1)),
      [false, false, true],
    );
    assert.equal(inComment(text.indexOf('# c')), false);
    assert.equal(inComment(text.indexOf('\n    ]')), true);
  });

  it('counts a compact item (`- - a`) among the items of its list', () => {
    const text = 'id :\n - - |1 # c2\n     a:b\n   - x\n';
    assert.deepEqual(cursorContext(text, text.indexOf('x') + 1).path, ['id', 0, 1]);
  });

  it('ends a plain key in a flow mapping at a `:` before a flow indicator, as the parser does', () => {
    const text = 'k: { k:[x], a:, b:{c: d}, e:f }\n';
    const state = new FlowScanner(text, []).scanTo(text.indexOf('{'), text.indexOf('x') + 1);
    assert.deepEqual(
      { path: state.frames[1]!.path, key: state.frames[0]!.key, token: state.token },
      { path: ['k'], key: 'k', token: 'x' },
    );
    assert.deepEqual(flowKeysAfter(text, text.indexOf(']') + 1), ['a', 'b', 'e:f']);
    // from right after a quoted key, its `:` and the value written straight after it
    const json = 'k: { \'\':"a, b]", "c":\'d\', e }\n';
    assert.deepEqual(flowKeysAfter(json, json.indexOf(':"')), ['c', 'e']);
  });

  it('folds a plain scalar written over lines in a flow collection, as the parser folds it', () => {
    const text = 'goal: { outcome: Everyone works from the ne\\\n office, due: x,\r\n  note: a  \r\n\r\n   b }\n';
    const state = new FlowScanner(text, []).scanTo(text.indexOf('{'), text.indexOf('office') + 6);
    assert.equal(state.token, 'Everyone works from the ne\\ office');
    const end = new FlowScanner(text, []).scanTo(text.indexOf('{'), text.lastIndexOf('b') + 1);
    assert.deepEqual(
      { pairs: Object.fromEntries(end.frames[0]!.pairs), token: end.token },
      { pairs: { outcome: 'Everyone works from the ne\\ office', due: 'x' }, token: 'a\nb' },
    );
    assert.deepEqual(JSON.parse(JSON.stringify(parseText(text).plain)), {
      goal: { outcome: 'Everyone works from the ne\\ office', due: 'x', note: 'a\nb' },
    });
  });
});

const pick = (s: { blank: boolean; comment: number; entries: unknown[] }) => ({
  blank: s.blank,
  comment: s.comment,
  entries: s.entries,
});
