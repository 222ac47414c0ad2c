/** Small plan texts for inline tests. */
export const SMALL_PLAN = `workback: 1
title: Small plan
goal:
  outcome: Done
  due: 2026-09-30
  owner: dana
people:
  dana: { name: Dana Whitfield, email: dana@example.com }
  lee: { name: Lee Chen }
milestones:
  - id: m1
    title: First milestone
    tasks:
      - id: t1
        title: Task one
        owner: dana
        duration: 2d
      - id: t2
        title: Task two
        owner: lee
        depends_on: [t1]
`;

/** A generated plan of `n` tasks in milestones of ten, each depending on up to three earlier tasks. */
export function generatePlan(n: number, opts: { due?: string } = {}): string {
  const L = ['workback: 1', 'title: Generated plan', 'goal:', '  outcome: Everything done', `  due: ${opts.due ?? '2030-12-31'}`, '  owner: p0', 'people:'];
  for (let i = 0; i < 10; i++) L.push(`  p${i}: { name: Person ${i}, email: p${i}@example.com }`);
  L.push('milestones:');
  for (let m = 0; m < Math.ceil(n / 10); m++) {
    L.push(`  - id: m${m}`, `    title: Milestone ${m}`, '    tasks:');
    for (let t = 0; t < 10 && m * 10 + t < n; t++) {
      const i = m * 10 + t;
      L.push(`      - id: t${i}`, `        title: Task number ${i} of the plan`, `        owner: p${i % 10}`, `        duration: ${1 + (i % 5)}d`);
      const deps: string[] = [];
      for (let k = 1; k <= 3; k++) if (i - k * 7 >= 0) deps.push(`t${i - k * 7}`);
      if (deps.length) L.push(`        depends_on: [${deps.join(', ')}]`);
    }
  }
  return L.join('\n') + '\n';
}
