/**
 * Random plans for the edit properties (fast-check): every task in block style, flow style on
 * one line, or flow style over several lines with a comment on every line; quoted or plain keys
 * and values; LF, CRLF or CR; a BOM; `---`; tabs in comments; block scalars (with a `#` in
 * their text and a comment on their header); follow-ups and dependencies in either style; and
 * problems that quick fixes repair (an unknown dependency or person, an unknown key, a repeated
 * tag, a status not allowed, a done_on without done, overdue work and follow-ups).
 * Every comment written is unique and recorded, so a test can count each one in the result.
 */
import fc from 'fast-check';

export const PEOPLE = ['ana', 'bo', 'cy'];
export type Quote = 'plain' | 'single' | 'double';

export interface TaskSpec {
  style: 'block' | 'flow' | 'multi';
  keyQuote: Quote;
  titleQuote: Quote;
  owner: string;
  status: 'todo' | 'doing' | 'blocked' | 'done' | 'finished' | undefined;
  statusQuote: Quote;
  doneOn: boolean;
  due: boolean;
  deps: ('prev' | 'nope')[];
  depsFlow: boolean;
  followUps: boolean[];
  followUpsFlow: boolean;
  tags: 'none' | 'ok' | 'dup';
  notes: boolean;
  extraKey: boolean;
  trailingComma: boolean;
  comments: boolean;
}

export interface PlanSpec {
  indent: 2 | 4;
  seqIndented: boolean;
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  docStart: boolean;
  finalNewline: boolean;
  tasks: TaskSpec[];
}

const quote = fc.constantFrom<Quote>('plain', 'single', 'double');

export const taskArb: fc.Arbitrary<TaskSpec> = fc.record({
  style: fc.constantFrom('block' as const, 'flow' as const, 'multi' as const),
  keyQuote: fc.constantFrom<Quote>('plain', 'plain', 'single', 'double'),
  titleQuote: quote,
  owner: fc.constantFrom(...PEOPLE, 'ana', 'zed'),
  status: fc.constantFrom(
    undefined,
    'todo' as const,
    'doing' as const,
    'blocked' as const,
    'done' as const,
    'finished' as const,
  ),
  statusQuote: quote,
  doneOn: fc.boolean(),
  due: fc.boolean(),
  deps: fc.array(fc.constantFrom('prev' as const, 'nope' as const), { maxLength: 2 }),
  depsFlow: fc.boolean(),
  followUps: fc.array(fc.boolean(), { maxLength: 2 }),
  followUpsFlow: fc.boolean(),
  tags: fc.constantFrom('none' as const, 'ok' as const, 'dup' as const),
  notes: fc.boolean(),
  extraKey: fc.boolean(),
  trailingComma: fc.boolean(),
  comments: fc.boolean(),
});

export const planArb: fc.Arbitrary<PlanSpec> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  seqIndented: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  bom: fc.boolean(),
  docStart: fc.boolean(),
  finalNewline: fc.boolean(),
  tasks: fc.array(taskArb, { minLength: 1, maxLength: 4 }),
});

export const quoteAs = (s: string, style: Quote): string =>
  style === 'single' ? `'${s.replace(/'/g, "''")}'` : style === 'double' ? JSON.stringify(s) : s;

export interface RenderedPlan {
  text: string;
  /** Every comment in the text (each one unique). */
  comments: string[];
}

/** The text of a plan; `#\t` comments, numbered, so each one can be found again. */
export function renderPlan(p: PlanSpec): RenderedPlan {
  const comments: string[] = [];
  const c = (on: boolean, line: string): string => {
    if (!on) return line;
    const comment = `#\tc${comments.length} note`;
    comments.push(comment);
    return `${line}   ${comment}`;
  };
  const u = ' '.repeat(p.indent);
  const seq = p.seqIndented ? u : '';
  const L: string[] = [];
  if (p.docStart) L.push('---');
  L.push(
    c(true, ''),
    'workback: 1',
    'title: "Generated # not a comment"',
    'goal:',
    `${u}outcome: Done`,
    `${u}measure: Checked`,
    `${u}due: 2026-12-18`,
    `${u}owner: ana`,
    'people:',
    ...PEOPLE.map((id) => `${u}${id}: { name: ${id.toUpperCase()} }`),
    'milestones:',
    `${seq}- id: m`,
    `${seq}  title: M`,
    `${seq}  tasks:`,
  );
  const dash = `${seq}  ${seq}`;
  p.tasks.forEach((t, i) => L.push(...taskLines(t, i, dash, seq, (on, line) => c(on, line))));
  L[0] = L[0]!.replace(/^ +/, '');
  return { text: (p.bom ? '\ufeff' : '') + L.join(p.eol) + (p.finalNewline ? p.eol : ''), comments };
}

/** The pairs of a task as `key: value` texts (values in flow style), for the flow layouts. */
function flowPairs(t: TaskSpec, i: number): string[] {
  const k = (key: string): string => quoteAs(key, t.keyQuote);
  const parts = [
    `${k('id')}: t${i}`,
    `${k('title')}: ${quoteAs(`Task ${i}`, t.titleQuote)}`,
    `${k('owner')}: ${t.owner}`,
  ];
  const deps = depIds(t, i);
  if (deps.length) parts.push(`${k('depends_on')}: [${deps.join(', ')}]`);
  if (t.due) parts.push(`${k('due')}: 2026-06-20`);
  if (t.status) parts.push(`${k('status')}: ${quoteAs(t.status, t.statusQuote)}`);
  if (t.doneOn) parts.push(`${k('done_on')}: 2026-06-30`);
  if (t.followUps.length)
    parts.push(`${k('follow_ups')}: [${t.followUps.map((done, n) => followUpFlow(n, done)).join(', ')}]`);
  if (t.tags !== 'none') parts.push(`${k('tags')}: [a, ${t.tags === 'dup' ? 'a' : 'b'}]`);
  if (t.extraKey) parts.push(`${k('colour')}: red`);
  if (t.notes) parts.push(`${k('notes')}: "a # b"`);
  return parts;
}

const depIds = (t: TaskSpec, i: number): string[] => [
  ...new Set(t.deps.map((d) => (d === 'prev' && i > 0 ? `t${i - 1}` : 'nope'))),
];
const followUpFlow = (n: number, done: boolean): string =>
  `{ on: 2026-06-1${n}, with: ${PEOPLE[n % PEOPLE.length]}${done ? ', done: true' : ''} }`;

function taskLines(
  t: TaskSpec,
  i: number,
  dash: string,
  seq: string,
  c: (on: boolean, line: string) => string,
): string[] {
  if (t.style === 'flow') return [c(t.comments, `${dash}- { ${flowPairs(t, i).join(', ')} }`)];
  if (t.style === 'multi') {
    const parts = flowPairs(t, i);
    const pad = `${dash}    `;
    return [
      c(true, `${dash}- { ${parts[0]},`),
      ...parts.slice(1).map((part, n) => c(true, `${pad}${part}${n < parts.length - 2 || t.trailingComma ? ',' : ''}`)),
      c(true, `${dash}  }`),
    ];
  }
  const k = (key: string): string => `${dash}  ${quoteAs(key, t.keyQuote)}:`;
  const on = t.comments;
  const L = [
    c(on, `${dash}- ${quoteAs('id', t.keyQuote)}: t${i}`),
    c(on, `${k('title')} ${quoteAs(`Task ${i}`, t.titleQuote)}`),
    c(on, `${k('owner')} ${t.owner}`),
  ];
  const deps = depIds(t, i);
  if (deps.length && t.depsFlow) L.push(c(on, `${k('depends_on')} [${deps.join(', ')}]`));
  else if (deps.length) L.push(c(on, k('depends_on')), ...deps.map((d) => c(on, `${dash}  ${seq}- ${d}`)));
  if (t.due) L.push(c(on, `${k('due')} 2026-06-20`));
  if (t.status) L.push(c(on, `${k('status')} ${quoteAs(t.status, t.statusQuote)}`));
  if (t.doneOn) L.push(c(on, `${k('done_on')} 2026-06-30`));
  if (t.followUps.length && t.followUpsFlow)
    L.push(c(on, `${k('follow_ups')} [${t.followUps.map((done, n) => followUpFlow(n, done)).join(', ')}]`));
  else if (t.followUps.length) {
    L.push(c(on, k('follow_ups')));
    t.followUps.forEach((done, n) => {
      L.push(c(on, `${dash}  ${seq}- on: 2026-06-1${n}`), c(on, `${dash}  ${seq}  with: ${PEOPLE[n % PEOPLE.length]}`));
      if (done) L.push(`${dash}  ${seq}  done: true`);
    });
  }
  if (t.tags !== 'none') L.push(c(on, `${k('tags')} [a, ${t.tags === 'dup' ? 'a' : 'b'}]`));
  if (t.extraKey) L.push(c(on, `${k('colour')} red`));
  if (t.notes) L.push(c(on, `${k('notes')} |`), `${dash}    first line # not a comment`, `${dash}    \tsecond`);
  return L;
}
