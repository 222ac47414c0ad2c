/**
 * Plan texts with n problems of one kind (the families of issue 12), and a clean plan of any
 * size written the same way: the growth tests set each family beside the clean plan, and
 * `npm run bench` prints the ratios.
 */
export const HEAD =
  'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-01, owner: a }\npeople:\n  a: { name: A }\n';

const range = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));
export const list = (n: number, item: (i: number) => string) => range(n, item).join(', ');

/** A plan whose calendar lists n holidays. */
export const holidays = (item: (i: number) => string) => (n: number) =>
  `${HEAD}calendar:\n  holidays: [${list(n, item)}]\nmilestones:\n  - { id: m, title: M }\n`;

/** A plan of n tasks in one milestone, one flow mapping a line. */
export const tasks = (task: (i: number) => string) => (n: number) =>
  `${HEAD}milestones:\n  - id: m\n    title: M\n    tasks:\n${range(n, (i) => `      - ${task(i)}\n`).join('')}`;

export interface ProblemFamily {
  name: string;
  make: (n: number) => string;
}

export const PROBLEM_FAMILIES: ProblemFamily[] = [
  { name: 'unknown references', make: tasks((i) => `{ id: t${i}, title: T, owner: a, depends_on: [u${i}] }`) },
  { name: 'unknown people', make: tasks((i) => `{ id: t${i}, title: T, owner: p${i} }`) },
  { name: 'numbers as holidays', make: holidays((i) => String(i)) },
  { name: 'holidays that are not dates', make: holidays((i) => `x${i}`) },
  {
    name: 'workdays that are not days',
    make: (n) => `${HEAD}calendar:\n  workdays: [${list(n, (i) => `d${i}`)}]\nmilestones:\n  - { id: m, title: M }\n`,
  },
  { name: 'empty tags', make: (n) => tasks(() => `{ id: t, title: T, owner: a, tags: [${list(n, () => "''")}] }`)(1) },
  {
    name: 'tags of 101 characters',
    make: tasks((i) => `{ id: t${i}, title: T, owner: a, tags: [${`${i}`.padStart(101, 'x')}] }`),
  },
  { name: 'an unknown key in each task', make: tasks((i) => `{ id: t${i}, title: T, owner: a, ownr: a }`) },
  { name: 'tasks without a title', make: tasks((i) => `{ id: t${i}, owner: a }`) },
  {
    name: 'people ids with a space',
    make: (n) => `${HEAD}${range(n, (i) => `  p ${i}: { name: P }\n`).join('')}milestones:\n  - { id: m, title: M }\n`,
  },
  { name: 'one id for every task', make: tasks(() => `{ id: t, title: T, owner: a }`) },
  {
    name: 'tasks that depend on themselves',
    make: tasks((i) => `{ id: t${i}, title: T, owner: a, depends_on: [t${i}] }`),
  },
  {
    name: 'durations that are not durations',
    make: tasks((i) => `{ id: t${i}, title: T, owner: a, duration: x${i} }`),
  },
];

/** A clean plan of at least `size` characters: tasks in a chain, written as the families write theirs, 5,000 to a milestone. */
export function cleanPlan(size: number): string {
  const out = [HEAD, 'milestones:\n'];
  for (let i = 0, length = 0; length < size; i++) {
    if (i % 5000 === 0) out.push(`  - id: m${i}\n    title: M\n    tasks:\n`);
    const line = `      - { id: t${i}, title: T, owner: a, duration: 2d${i ? `, depends_on: [t${i - 1}]` : ''} }\n`;
    out.push(line);
    length += line.length;
  }
  return out.join('');
}
