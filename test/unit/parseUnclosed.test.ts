/**
 * Issue 14: a quote or a bracket left open is reported where it opens, with the place YAML read
 * on to as related information, and the file's other problems are reported as well, at the
 * places they have in a copy of the file where the value is closed (docs/diagnostics.md,
 * `yaml-syntax`). Block scalars that end too soon are reported at the line that breaks them.
 */
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlan, type Diagnostic } from '../../src/core';

const EXAMPLE = readFileSync(path.join(__dirname, '../../../examples/mfa-rollout.workback.yaml'), 'utf8');
const LINES = EXAMPLE.split('\n');

/** The example with two more problems, each on a line of its own (the lines stay the example's). */
function withProblems(): string[] {
  const lines = LINES.slice();
  const owner = lines.findIndex((l, n) => n > 100 && /^\s+owner: /.test(l));
  lines[owner] = lines[owner]!.replace(/owner: \S+/, 'owner: nobody');
  const duration = lines.findIndex((l, n) => n > 120 && /^\s+duration: /.test(l));
  lines[duration] = lines[duration]!.replace('duration:', 'durration:');
  return lines;
}

const place = (d: Diagnostic): string => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`;

/**
 * Open a value on line `at` (0-based) with `open`, and compare with the same file where the value
 * is closed at the end of its line: the same other problems, at the same places.
 */
function compare(open: (line: string) => string, close: (line: string) => string, at: number): void {
  const base = withProblems();
  const broken = base.slice();
  broken[at] = open(base[at]!);
  const fixed = base.slice();
  fixed[at] = close(broken[at]!);
  const wanted = checkPlan(fixed.join('\n')).diagnostics;
  assert.ok(wanted.length >= 2, `the closed copy has the other problems: ${wanted.map(place).join(', ')}`);
  assert.ok(!wanted.some((d) => d.severity === 'error' && d.code.startsWith('yaml')), 'the closed copy is valid YAML');
  const got = checkPlan(broken.join('\n')).diagnostics;
  const syntax = got.filter((d) => d.code === 'yaml-syntax');
  assert.equal(syntax.length, 1, got.map(place).join(', '));
  assert.equal(syntax[0]!.range.start.line, at, `reported on the line it opens: ${syntax[0]!.message}`);
  assert.equal(broken[at]!.slice(syntax[0]!.range.start.character, syntax[0]!.range.end.character), open('')[0] ?? '');
  assert.ok(syntax[0]!.related?.length === 1, 'where YAML read on to');
  assert.deepEqual(
    got.filter((d) => d.code !== 'yaml-syntax').map(place),
    wanted.map(place),
    'the other problems, where they are',
  );
}

describe('parse: a quote or a bracket left open', () => {
  const titles = LINES.map((l, n) => (/^\s+title: [^"'[{]/.test(l) ? n : -1)).filter((n) => n >= 0);

  it('an unclosed " is reported where it opens, on every title of the example, with the other problems', () => {
    assert.ok(titles.length >= 15);
    for (const at of titles)
      compare(
        (l) => (l === '' ? '"' : l.replace('title: ', 'title: "')),
        (l) => `${l}"`,
        at,
      );
  });

  it("an unclosed ' likewise", () => {
    for (const at of titles.slice(0, 8))
      compare(
        (l) => (l === '' ? "'" : l.replace(/title: (.*)/, (_, v: string) => `title: '${v.replaceAll("'", "''")}`)),
        (l) => `${l}'`,
        at,
      );
  });

  it('an unclosed [ or { likewise', () => {
    const lists = LINES.map((l, n) => (/depends_on: \[.*\]\s*$/.test(l) ? n : -1)).filter((n) => n >= 0);
    assert.ok(lists.length >= 3);
    for (const at of lists)
      compare(
        (l) => (l === '' ? '[' : l.replace(/\]\s*$/, '')),
        (l) => `${l}]`,
        at,
      );
    const flowMap = LINES.findIndex((l) => /^\s+\w+: \{.*\}\s*$/.test(l));
    assert.ok(flowMap > 0, 'the example has a flow mapping');
    compare(
      (l) => (l === '' ? '{' : l.replace(/\}\s*$/, '')),
      (l) => `${l}}`,
      flowMap,
    );
  });

  it('names the closing character and the line YAML read on to', () => {
    const at = titles[0]!;
    const broken = LINES.slice();
    broken[at] = broken[at]!.replace('title: ', 'title: "');
    const [d] = checkPlan(broken.join('\n')).diagnostics;
    assert.equal(
      d!.message,
      `This "quoted value is not closed: add the closing " on this line (YAML reads on to line ${LINES.length}).`,
    );
    assert.equal(d!.related![0]!.range.start.line, LINES.length - 1);
  });

  it("reports a problem inside the value (an unknown id of the list), not the repair's own (a list for a text)", () => {
    const others = (lines: string[]): string[] =>
      checkPlan(lines.join('\n'))
        .diagnostics.map(place)
        .filter((p) => !p.startsWith('yaml-syntax'));
    const list = LINES.slice();
    const at = list.findIndex((l) => /depends_on: \[.*\]\s*$/.test(l));
    list[at] = list[at]!.replace(/depends_on: \[/, 'depends_on: [nope, ').replace(/\]\s*$/, '');
    assert.deepEqual(others(list), [`unknown-id ${at + 1}:${list[at]!.indexOf('nope') + 1}`]);
    const text = LINES.slice();
    text[titles[0]!] = text[titles[0]!]!.replace(/title: .*/, 'title: [a text was meant');
    assert.deepEqual(others(text), [], '"title must be text, not a list" would be the repair speaking');
  });

  it('points at a quote left open inside a list or a mapping, not at the bracket it swallowed', () => {
    for (const [from, to] of [
      ['depends_on: [', 'depends_on: ["'],
      ['{ name: ', '{ name: "'],
    ] as const) {
      const at = LINES.findIndex((l) => l.includes(from) && /[\]}]\s*$/.test(l));
      const lines = LINES.slice();
      lines[at] = lines[at]!.replace(from, to);
      const [d] = checkPlan(lines.join('\n')).diagnostics.filter((x) => x.code === 'yaml-syntax');
      assert.match(d!.message, /^This "quoted value is not closed/, from);
      assert.deepEqual([d!.range.start.line, lines[at]![d!.range.start.character]], [at, '"']);
    }
  });

  it('says a syntax error before the value once, and a file at the size limit is not too large', () => {
    const lines = LINES.slice();
    lines[titles[0]!] = lines[titles[0]!]!.replace(/title: (.*)/, 'title: "a\\qb"');
    lines[titles[1]!] = lines[titles[1]!]!.replace('title: ', 'title: "');
    const text = lines.join('\n');
    const syntax = checkPlan(text).diagnostics.map(place);
    assert.deepEqual(syntax, [...new Set(syntax)], 'no problem twice');
    assert.equal(syntax.length, 2, syntax.join(', '));
    const capped = checkPlan(text, { maxSize: text.length }).diagnostics.map(place);
    assert.deepEqual(capped, syntax, 'the repaired copy is one character longer: not "too large"');
  });

  it('keeps no data a quick fix could misplace, and no plan', () => {
    const lines = withProblems();
    lines[titles[0]!] = lines[titles[0]!]!.replace('title: ', 'title: "');
    const r = checkPlan(lines.join('\n'));
    assert.equal(r.plan, undefined);
    assert.equal(r.tree, undefined);
    for (const d of r.diagnostics) assert.equal(d.data, undefined, place(d));
  });

  it('a block scalar cut short is reported at the line that cuts it, not at the end', () => {
    const at = titles[0]!;
    const lines = LINES.slice();
    // the text of a `|` block must be indented more than its key
    lines[at] = lines[at]!.replace(/title: (.*)/, 'title: |\n$1');
    const d = checkPlan(lines.join('\n')).diagnostics.find((x) => x.code === 'yaml-syntax');
    assert.ok(d);
    assert.equal(d.range.start.line, at + 1, d.message);
  });

  it('a valid file that only looks open is not touched: quotes inside plain text, a list over lines', () => {
    const at = LINES.indexOf('workback: 1') + 1; // top-level keys go in after it
    const text = `${LINES.slice(0, at).join('\n')}\nx-a: it's 27" wide\nx-b: [a,\n  b]\n${LINES.slice(at).join('\n')}`;
    assert.deepEqual(checkPlan(text).diagnostics.map(place), []);
  });
});
