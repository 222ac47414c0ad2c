/**
 * fast-check arbitraries for YAML documents shaped like plans, written with random formatting:
 * indentation widths, sequences at their key's indentation or deeper, compact `- key: v` items,
 * comments and blank lines (with trailing spaces), plain, quoted and multi-line scalars with
 * escapes, literal and folded block scalars with chomping and indentation indicators, flow
 * collections over one line or several, CRLF, `---`. Many of the texts are not valid YAML
 * (a tricky string written plainly): the parsers must agree on those too.
 */
import fc from 'fast-check';

export type Value =
  { t: 'scalar'; s: string } | { t: 'map'; entries: [string, Value][] } | { t: 'seq'; items: Value[] };

const TRICKY = [
  'a:b',
  'a #b',
  'a#b',
  '-1',
  '- x',
  "it's",
  'é\t',
  ': ',
  '#',
  'x: y',
  'null',
  '~',
  'true',
  'False',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.5',
  '+12',
  '2026-07-01',
  '1w',
  '3d',
  '',
  ' ',
  'a  b',
  ' lead',
  'trail ',
  'multi\nline',
  'two\n\nbreaks',
  'end\n',
  '\n',
  'tab\there',
  'quote"s',
  'back\\slash',
  '[x]',
  '{y}',
  'a, b',
  '😀 emoji',
  'מעבר ל-MFA',
  '\u202Eevil\u202C',
  '\u00a0nbsp',
  '---',
  '...',
  '- ',
  '? q',
  '|',
  '>',
  '&a',
  '*a',
  '!t',
  '%p',
  '@x',
  '`b`',
  'x-k',
  '__proto__',
  'a\u3000b',
  'trailing\u00a0',
  'Déploiement 🚀',
  'zero\u200Bwidth',
  'a: b: c',
  'url: http://x.example/a#b',
  '"',
  "'",
  '\\',
  '  ',
  'x:',
  '-',
  ':x',
  '?x',
];
const KEYS = [
  'id',
  'title',
  'owner',
  'duration',
  'depends_on',
  'status',
  'tags',
  'notes',
  'x-k',
  'due',
  'people',
  'name',
  'email',
  'milestones',
  'tasks',
  'follow_ups',
  'a b',
  'a:b',
  '1',
  'null',
  'true',
  '"q"',
  "it's",
  'é',
  '__proto__',
  'k#',
  '-k',
  '? k',
  '<<',
  '',
];

const text = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,@/()-]{0,14}$/) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/) },
);

export const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('scalar' as const), s: text }),
    fc.record({
      t: fc.constant('map' as const),
      entries: fc.uniqueArray(fc.tuple(key, tie('v')), { maxLength: 4, selector: (e) => e[0] }),
    }),
    fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('v'), { maxLength: 4 }) }),
  ),
})).v;

/** How a document is written: indentation steps, where sequences go, and a stream of random choices. */
export interface Layout {
  indent: number[];
  seqAtKeyIndent: boolean[];
  choices: number[];
  crlf: boolean;
  documentStart: boolean;
}

export const layout: fc.Arbitrary<Layout> = fc.record({
  indent: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  seqAtKeyIndent: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  choices: fc.array(fc.nat(99), { minLength: 20, maxLength: 80 }),
  crlf: fc.boolean(),
  documentStart: fc.boolean(),
});

export function render(root: Value, l: Layout): string {
  let k = 0;
  const pick = (n: number) => l.choices[k++ % l.choices.length]! % n;
  const chance = (percent: number) => pick(100) < percent;
  const sp = (n: number) => ' '.repeat(n);
  const comment = () =>
    (chance(10) ? `${chance(80) ? ' ' : '\t'}# c${pick(9)}` : '') + (chance(8) ? sp(1 + pick(2)) : '');
  const lines: string[] = [];
  const between = () => {
    if (chance(8)) lines.push(sp(pick(6)));
    if (chance(6)) lines.push(sp(pick(6)) + '# note');
  };

  const single = (s: string, ind: number) => {
    let body = s.replace(/'/g, "''");
    if (chance(20)) body = body.replace(/ /, '\n' + sp(ind + 1 + pick(3)));
    return `'${body.replace(/\n(?! )/g, '\n\n' + sp(ind + 1))}'`;
  };
  const double = (s: string, ind: number) => {
    let body = JSON.stringify(s).slice(1, -1);
    if (chance(30)) body = body.replace(/é/g, '\\u00e9').replace(/ /g, chance(50) ? '\\x20' : ' ');
    if (chance(20)) body = body.replace(/\//g, '\\/').replace(/\t/g, '\\t');
    if (chance(10)) body = body.replace(/😀/g, '\\U0001F600');
    if (chance(20))
      body = body.replace(/ /, chance(50) ? '\n' + sp(ind + 1 + pick(3)) : '\\\n' + sp(ind + 1 + pick(3)));
    return `"${body}"`;
  };
  const scalar = (s: string, ind: number, flow: boolean): string => {
    const c = pick(10);
    if (c < 5) return !flow && chance(15) && s.includes(' ') ? s.replace(/ /, '\n' + sp(ind + 1 + pick(3))) : s;
    return c < 7 ? single(s, ind) : double(s, ind);
  };
  const blockScalar = (s: string, ind: number): string[] => {
    const style = (chance(50) ? '|' : '>') + ['', '-', '+'][pick(3)]!;
    const extra = 1 + pick(3);
    const header = !chance(20) ? style : chance(50) ? style + String(extra) : style[0] + String(extra) + style.slice(1);
    const body = s
      .split('\n')
      .map((line) =>
        line === '' ? sp(chance(30) ? pick(ind + extra + 2) : 0) : sp(ind + extra) + (chance(10) ? ' ' : '') + line,
      );
    if (chance(20)) body.push('');
    return [header + comment(), ...body];
  };
  const flow = (v: Value, ind: number): string => {
    if (v.t === 'scalar') return scalar(v.s, ind, true);
    const sep = chance(15) ? ',\n' + sp(ind + 1 + pick(3)) : ', ';
    const pad = chance(50) ? ' ' : '';
    if (v.t === 'seq') return `[${pad}${v.items.map((x) => flow(x, ind)).join(sep)}${chance(5) ? ',' : ''}${pad}]`;
    return `{${pad}${v.entries.map(([name, x]) => (chance(3) ? scalar(name, ind, true) : `${scalar(name, ind, true)}: ${flow(x, ind)}`)).join(sep)}${pad}}`;
  };
  const keyText = (s: string, ind: number) => {
    const c = pick(10);
    return c < 7 ? s : c < 8 ? single(s, ind) : double(s, ind);
  };
  /** A node after `prefix` (a key and its colon, or a `-`) on a line indented `ind`. */
  const node = (prefix: string, v: Value, ind: number, level: number, inSeq: boolean): void => {
    const step = l.indent[level % l.indent.length]!;
    if (v.t === 'scalar') {
      if (chance(10) && !inSeq) {
        lines.push(prefix + comment(), sp(ind + step) + scalar(v.s, ind, false) + comment());
      } else if (chance(15) || (v.s.includes('\n') && chance(60))) {
        const [header, ...body] = blockScalar(v.s, ind);
        lines.push(`${prefix} ${header}`, ...body);
      } else {
        const s = scalar(v.s, ind, false);
        lines.push(s === '' && chance(50) ? prefix + comment() : `${prefix}${chance(5) ? '\t' : ' '}${s}${comment()}`);
      }
      return;
    }
    if (chance(20) || (v.t === 'map' ? v.entries.length === 0 : v.items.length === 0)) {
      lines.push(`${prefix} ${flow(v, ind)}${comment()}`);
    } else if (v.t === 'seq' && !inSeq && l.seqAtKeyIndent[level % l.seqAtKeyIndent.length]) {
      lines.push(prefix + comment());
      block(v, ind, level + 1);
    } else if (inSeq && chance(60)) {
      // compact: the collection's first line on the `-` line
      const at = prefix.length + 1;
      const mark = lines.length;
      block(v, at, level + 1);
      const sub = lines.splice(mark);
      lines.push(`${prefix} ${sub[0]!.slice(at)}`, ...sub.slice(1));
    } else {
      lines.push(prefix + comment());
      between();
      block(v, ind + step, level + 1);
    }
  };
  const block = (v: Value, ind: number, level: number): void => {
    if (v.t === 'scalar') lines.push(sp(ind) + scalar(v.s, ind, false));
    else if (v.t === 'seq')
      for (const x of v.items) {
        node(sp(ind) + '-', x, ind, level, true);
        between();
      }
    else
      for (const [name, x] of v.entries) {
        node(sp(ind) + keyText(name, ind) + (chance(5) ? ' ' : '') + ':', x, ind, level, false);
        between();
      }
  };

  if (l.documentStart) lines.push('---' + comment());
  if (root.t === 'map' && root.entries.length === 0) lines.push('{}');
  else if (root.t === 'seq' && root.items.length === 0) lines.push('[]');
  else block(root, 0, 0);
  const out = lines.join('\n') + (chance(90) ? '\n' : '');
  return l.crlf ? out.replace(/\n/g, '\r\n') : out;
}

/** A plan-like document: a mapping at the top, written with a random layout. */
export const planLikeYaml: fc.Arbitrary<string> = fc
  .tuple(
    fc.record({
      t: fc.constant('map' as const),
      entries: fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 6, selector: (e) => e[0] }),
    }),
    layout,
  )
  .map(([root, l]) => render(root, l));

/**
 * A block scalar (`|` or `>`, chomping, indentation indicator, comment) as a mapping value, a
 * sequence entry or a compact mapping's value, with lines of text, more-indented text, empty
 * lines, lines of white space and tabs at various indentations, sometimes at the very end of
 * the text without a line break: where YAML parsers disagree most.
 */
export const blockScalarYaml: fc.Arbitrary<string> = fc
  .record({
    context: fc.constantFrom('key: ', '- ', '- key: ', 'a:\n  key: ', 'a:\n- '),
    style: fc.constantFrom('|', '>'),
    chomp: fc.constantFrom('', '-', '+'),
    indicator: fc.constantFrom('', '', '1', '2', '3'),
    comment: fc.constantFrom('', ' # c', '\t# c'),
    lines: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('', 'x', 'x y', ' x', '\tx', 'x\t', '\t', '#x', '- x', 'k: v', '  '),
      ),
      { maxLength: 6 },
    ),
    after: fc.constantFrom('', '\n', 'next: v\n', '# c\n', '  # c\n', 'next: v'),
    lastBreak: fc.boolean(),
  })
  .map(({ context, style, chomp, indicator, comment, lines, after, lastBreak }) => {
    const body = lines.map(([ind, t]) => ' '.repeat(ind) + t).join('\n');
    const scalar = `${context}${style}${chomp}${indicator}${comment}\n${body}`;
    return after === '' && !lastBreak ? scalar : `${scalar}\n${after}`;
  });

/**
 * A plain or quoted scalar over several lines (folding, escapes, escaped line breaks, `''`,
 * empty lines, lines of white space and tabs, continuation lines at various indentations) in
 * the same contexts, sometimes at the very end of the text.
 */
export const multiLineScalarYaml: fc.Arbitrary<string> = fc
  .record({
    context: fc.constantFrom('key: ', '- ', '- key: ', 'a:\n  key: ', 'a:\n- ', 'key:\n  ', 'a: [', 'a: {k: '),
    quote: fc.constantFrom('', '"', "'"),
    first: fc.constantFrom('x', 'x y', 'a:b', 'x\t', '\\t', "it''s", '\\u00e9', 'x\\', '#x', '-x'),
    lines: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(
          '',
          'y',
          'y z',
          '\ty',
          'y\t',
          '\t',
          '  ',
          '# c',
          'y # c',
          '- y',
          'k: v',
          '\\n',
          '\\',
          "''",
          '"',
          "'",
          ']',
          '}',
        ),
      ),
      { maxLength: 4 },
    ),
    after: fc.constantFrom('', '\n', 'next: v\n', '# c\n', ' # c\n'),
  })
  .map(({ context, quote, first, lines, after }) => {
    const close = context.endsWith('[') ? ']' : context.endsWith(': ') && context.includes('{') ? '}' : '';
    const body = [first, ...lines.map(([ind, t]) => ' '.repeat(ind) + t)].join('\n');
    return `${context}${quote}${body}${quote}${close}${after ? `\n${after}` : ''}`;
  });

/** Characters and snippets that mean something to YAML, for character-level mutations. */
export const YAML_SNIPPETS = [
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  ':',
  ': ',
  '- ',
  '-',
  '#',
  ' #',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '|-',
  '>+',
  '|2',
  '?',
  '? ',
  '&a ',
  '*a',
  '!',
  '!!str ',
  '%',
  '@',
  '`',
  '\t',
  'a',
  'é',
  '😀',
  '---',
  '...',
  '0',
  '1.5',
  'null',
  '~',
  '\u00a0',
  '\u3000',
  "''",
  '\\n',
  '\\"',
  '\\u00e9',
  '\\x41',
  '\\\n',
  '\uFEFF',
  '\u2028',
  '\u0085',
  '\u0000',
  '\uD83D',
];

export type Mutation =
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; what: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    what: fc.oneof(fc.constantFrom(...YAML_SNIPPETS), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), what: fc.constantFrom(...YAML_SNIPPETS) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === 'insert') t = t.slice(0, at) + m.what + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.length);
    else t = t.slice(0, at) + m.what + t.slice(at + 1);
  }
  return t;
}

/** Plain scalars where a line reader may go wrong: quotes and `#` inside, indicators that start some and not others. */
const ODD_PLAIN = [
  "x 'y",
  'x "y',
  "it's",
  'a #b',
  'a#b',
  "x 'y' z",
  '"x" y',
  'a, b',
  '[x',
  'x]',
  '{x',
  '?x',
  '-x',
  ':x',
  'x:',
  'x::y',
  'a:b',
  'x\u00a0',
  '\u00a0x',
  'é',
  'x\\"',
  'http://x.example/a#b',
  '%x',
  '@x',
  'x # y',
  'x\t#y',
  "'",
  '"',
];
/** Quoted scalars as written: escapes, doubled quotes, `#`, `: ` and flow indicators inside. */
const ODD_QUOTED = [
  '"a\\" # b"',
  '"\\\\"',
  '"x: y # z"',
  "'it''s # x'",
  '"\\x41\\e\\_"',
  '""',
  "''",
  '"a, b]"',
  "'[x'",
  '"\\u00e9\\t"',
  "'#'",
  '"\'"',
  "'\"'",
  '"a\\\\" ',
  "'a'' # '''",
  '"\\/"',
  '" lead"',
  "'trail '",
  '"\\N\\L"',
  '"#x"',
];
const ODD_KEYS = [
  'k',
  '?x',
  '-k',
  ':k',
  'k#',
  'a b',
  'a:b',
  'x-k',
  'é',
  '"q k"',
  "'it''s'",
  '"a\\"b"',
  "''",
  '"\\x41"',
  '"#"',
  '? k',
  '- k',
  'k\u00a0',
];

const oddScalar = fc.oneof(fc.constantFrom(...ODD_PLAIN), fc.constantFrom(...ODD_QUOTED));
const flowScalar = fc.oneof(
  fc.constantFrom(...ODD_PLAIN.filter((s) => !/[,[\]{}]/.test(s))),
  fc.constantFrom(...ODD_QUOTED),
);
/** Flow collections of them, on one line or with entries on lines of their own (two on one); `key:value` without a space too. */
const oddFlow: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.array(flowScalar, { maxLength: 4 }).map((xs) => ['[', xs, ']'] as const),
      fc
        .array(
          fc.tuple(
            fc.constantFrom(...ODD_KEYS),
            fc.constantFrom(': ', ':'),
            fc.oneof(flowScalar, fc.constantFrom('[x]', '{}', '')),
          ),
          { maxLength: 4 },
        )
        .map((ps) => ['{ ', ps.map(([k, colon, v]) => `${k}${colon}${v}`), ' }'] as const),
    ),
    fc.boolean(),
  )
  .map(
    ([[open, entries, close], lines]) =>
      `${open}${entries.map((e, i) => (lines && i % 2 ? `${e},\n    ` : `${e}, `)).join('')}${close}`,
  );
const oddValue = fc.oneof(
  { weight: 3, arbitrary: oddScalar },
  { weight: 1, arbitrary: oddFlow },
  { weight: 1, arbitrary: fc.constant('') },
);
const oddComment = fc.constantFrom('', '', ' # c', '\t#c', ' #', '  # x "y" \'z\'', ' #: k', ' # - x');

/**
 * Lines a line reader must read as the parser does: `key: value # comment`, `- value`, `- key:
 * value` and `- - value`, with odd keys, plain scalars holding quotes and `#`, quoted scalars
 * with escapes and doubled quotes, flow collections of them. Many are not valid YAML.
 */
export const oddLinesYaml: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(fc.constantFrom('key', 'item', 'compact', 'nested'), fc.constantFrom(...ODD_KEYS), oddValue, oddComment),
    { minLength: 1, maxLength: 6 },
  )
  .map(
    (lines) =>
      lines
        .map(([shape, k, v, c], n) => {
          const sep = v === '' ? '' : ' ';
          if (shape === 'key') return `${k}${['', ' ', '\t'][n % 3]}:${sep}${v}${c}`;
          const item = shape === 'item' ? `- ${v}` : shape === 'compact' ? `- ${k}:${sep}${v}` : `- - ${v}`;
          return `list${n}:\n  ${item}${c}`;
        })
        .join('\n') + '\n',
  );
