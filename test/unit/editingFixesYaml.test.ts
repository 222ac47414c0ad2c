/**
 * Quick fixes of the YAML itself, byte for byte: duplicate keys, keys that are not text,
 * anchors, aliases and merge keys written out, tags, directives, a second document, an empty
 * file. Each fix leaves the rest of the text (comments, flow style, CRLF) as it was.
 */
import * as assert from 'assert';
import { codesOf, fix, titles } from './helpers/quickFixes';

const PLAN = `workback: 1
title: Demo
goal: { outcome: Demo done, measure: Launched, due: 2027-03-31, owner: dana }
people:
  dana: { name: Dana Whitfield }
milestones:
  - { id: launch, title: Launched }
`;

describe('editing: quick fixes of the YAML', () => {
  it('a duplicate key: remove this one, or keep it and remove the first', () => {
    const text = PLAN.replace(
      '  - { id: launch, title: Launched }\n',
      '  - id: a\n    title: A   # first\n    title: B   # second\n',
    );
    assert.deepStrictEqual(titles(text, 'yaml-duplicate-key'), [
      '* Remove this "title" (the first one stays)',
      'Keep this "title", remove the first one',
    ]);
    assert.strictEqual(
      fix(text, 'yaml-duplicate-key', 'Remove this "title" (the first one stays)'),
      text.replace('    title: B   # second\n', '    # second\n'),
    );
    assert.strictEqual(
      fix(text, 'yaml-duplicate-key', 'Keep this "title", remove the first one'),
      text.replace('    title: A   # first\n', '    # first\n'),
    );
    // the first key of a list item hands the dash to the next key
    const first = PLAN.replace('  - { id: launch, title: Launched }\n', '  - title: A\n    id: a\n    title: B\n');
    assert.strictEqual(
      fix(first, 'yaml-duplicate-key', 'Keep this "title", remove the first one'),
      first.replace('  - title: A\n    id: a\n', '  - id: a\n'),
    );
  });

  it("shows plan text in a fix's title inert (no bidi or control characters)", () => {
    const text = PLAN.replace(
      '  - { id: launch, title: Launched }\n',
      '  - id: a\n    title: A\n    "x-\\u202Eevil": 1\n    "x-\\u202Eevil": 2\n',
    );
    assert.deepStrictEqual(titles(text, 'yaml-duplicate-key'), [
      '* Remove this "x-\\u{202e}evil" (the first one stays)',
      'Keep this "x-\\u{202e}evil", remove the first one',
    ]);
  });

  it('a key YAML reads as a number: quoted', () => {
    const text = PLAN.replace('  dana: { name: Dana Whitfield }\n', '  007: { name: James Bond }\n');
    assert.strictEqual(fix(text, 'yaml-key-not-string', 'Quote the key: "007"'), text.replace('  007:', '  "007":'));
  });

  it('an anchor: removed, its aliases written out in flow style', () => {
    const text = PLAN.replace(
      '  dana: { name: Dana Whitfield }\n',
      '  dana: &dana\n    name: Dana, the lead\n    role: IT\n  dw: *dana\n',
    ).replace('{ id: launch, title: Launched }', '{ id: launch, title: Launched, x-who: [*dana] }');
    assert.deepStrictEqual(titles(text, 'yaml-anchor'), ['* Remove the anchor &dana and write out its 2 aliases']);
    const value = '{ name: "Dana, the lead", role: IT }';
    const out = fix(text, 'yaml-anchor', 'Remove the anchor &dana and write out its 2 aliases');
    assert.strictEqual(
      out,
      text.replace('dana: &dana\n', 'dana:\n').replace('dw: *dana', `dw: ${value}`).replace('[*dana]', `[${value}]`),
    );
    assert.deepStrictEqual(codesOf(out), []);
    // one alias at a time
    assert.strictEqual(
      fix(text, 'yaml-anchor', 'Write out the value of *dana', 1),
      text.replace('dw: *dana', `dw: ${value}`),
    );
  });

  it('a merge key: the merged keys written out, keys of the mapping winning', () => {
    const text = PLAN.replace('goal: {', 'goal: &g {').replace(
      'people:\n',
      'x-g:\n  <<: *g   # merged\n  due: 2027-01-01\npeople:\n',
    );
    const merged = text.replace(
      '  <<: *g   # merged\n',
      '  outcome: Demo done\n  measure: Launched\n  owner: dana   # merged\n',
    );
    assert.strictEqual(fix(text, 'yaml-anchor', 'Write out the merged keys', 1), merged);
    assert.strictEqual(fix(text, 'yaml-anchor', 'Write out the merged keys', 2), merged, 'the same from the alias');
    assert.deepStrictEqual(codesOf(fix(merged, 'yaml-anchor', 'Remove the anchor &g')), []);
    const flow = PLAN.replace(
      '  - { id: launch, title: Launched }\n',
      '  - <<: {title: Launched, id: x}\n    id: launch\n',
    );
    assert.strictEqual(
      fix(flow, 'yaml-anchor', 'Write out the merged keys'),
      PLAN.replace('  - { id: launch, title: Launched }\n', '  - title: Launched\n    id: launch\n'),
    );
  });

  it('a tag: removed; !!str on a number quotes it so that it stays text', () => {
    const text = PLAN.replace('due: 2027-03-31', 'due: !!timestamp 2027-03-31');
    assert.strictEqual(fix(text, 'yaml-tag', 'Remove the tag !!timestamp'), PLAN);
    const str = PLAN.replace('title: Demo', 'title: !!str 2027');
    assert.strictEqual(
      fix(str, 'yaml-tag', 'Remove the tag !!str and quote the value'),
      PLAN.replace('title: Demo', 'title: "2027"'),
    );
  });

  it('directives: their lines removed, the document marker kept', () => {
    const text = `%YAML 1.1\r\n%TAG !e! tag:example.com,2000:\r\n---\r\n${PLAN.replace(/\n/g, '\r\n')}`;
    assert.strictEqual(fix(text, 'yaml-directive', 'Remove the directives'), `---\r\n${PLAN.replace(/\n/g, '\r\n')}`);
  });

  it('a second document: commented out (nothing lost), or removed', () => {
    const text = `${PLAN}---\nworkback: 1\n\ntitle: Another plan\n`;
    assert.deepStrictEqual(titles(text, 'yaml-multiple-documents'), [
      '* Comment out the second document',
      'Remove the second document',
    ]);
    assert.strictEqual(
      fix(text, 'yaml-multiple-documents', 'Comment out the second document'),
      `${PLAN}# ---\n# workback: 1\n\n# title: Another plan\n`,
    );
    assert.strictEqual(fix(text, 'yaml-multiple-documents', 'Remove the second document'), PLAN);
  });

  it('an empty file: a plan that checks clean, after the comments it holds', () => {
    const out = fix('# TODO: write the plan', 'empty-file', 'Start a plan here');
    assert.strictEqual(
      out,
      `# TODO: write the plan
workback: 1
title: New plan
goal:
  outcome: What is true when the plan is done
  measure: How you will know it is true
  due: 2026-08-26
  owner: me
people:
  me: { name: Me }
milestones:
  - id: done
    title: Goal reached
`,
    );
    assert.deepStrictEqual(codesOf(out), []);
  });
});
