/**
 * Plans for benchmarks: `n` tasks in milestones of ten, about three dependencies each. Every task
 * depends on the one before it, so the plan is one chain of about 2n workdays. Past 1,000 tasks
 * the goal moves a year later per 130 tasks (261 workdays a year), so that the plan is as late
 * as at 1,000 tasks (about 1,000 diagnostics with the bench's today); with the goal kept in 2031
 * the chain would have to start before 1970, and the scheduler would stop at
 * `schedule-out-of-range` instead of being measured.
 */
export function benchPlan(n: number): string {
  const dueYear = 2031 + Math.max(0, Math.ceil((2 * (n - 1000)) / 261));
  const L = [
    'workback: 1',
    'title: Benchmark plan',
    'goal:',
    '  outcome: Everything done',
    '  measure: Every task done',
    `  due: ${dueYear}-12-31`,
    '  owner: p0',
    'start: 2026-01-05',
    'calendar:',
    '  holidays: [2026-12-25, 2027-12-24, 2027-12-27]',
    'policy:',
    '  check_in_every: 1w',
    '  escalate_after: 3d',
    'people:',
  ];
  for (let i = 0; i < 10; i++) L.push(`  p${i}: { name: Person ${i}, email: p${i}@example.com }`);
  L.push('milestones:');
  for (let m = 0; m < Math.ceil(n / 10); m++) {
    L.push(`  - id: m${m}`, `    title: Milestone ${m}`, '    tasks:');
    for (let t = 0; t < 10 && m * 10 + t < n; t++) {
      const i = m * 10 + t;
      L.push(
        `      - id: t${i}`,
        `        title: Task ${i}`,
        `        owner: p${i % 10}`,
        `        duration: ${1 + (i % 3)}d`,
      );
      const deps: string[] = [];
      for (const k of [1, 7, 23]) if (i - k >= 0) deps.push(`t${i - k}`);
      if (deps.length) L.push(`        depends_on: [${deps.join(', ')}]`);
      if (i % 50 === 0) L.push('        status: done');
    }
  }
  L.push(''); // a flat string ending in a line break, like a file read from disk (not a concatenation)
  return L.join('\n');
}
