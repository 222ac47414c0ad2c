// Plans of the sidebar's benchmark (a workspace of many small plans), shared by
// bench/sidebar.bench.mjs (files in a real VS Code) and bench/core.bench.ts (a cold pass of the check).

/** The `workback.today` of the benchmark workspace. */
export const SIDEBAR_TODAY = '2026-07-01';

/** `YYYY-MM-DD` n days after `iso` (UTC arithmetic, no time zone involved). */
function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Plan `i`: `tasks` tasks in milestones of five, six people; "me" (me@bench.example) owns every
 * sixth task (titled "Mine …"); a chain of dependencies; some done, some doing; follow-ups with
 * me on some; a check-in cadence; goals spread so that some of my tasks are overdue.
 */
export function sidebarPlan(i, tasks, today = SIDEBAR_TODAY) {
  const people = ['me', 'ana', 'bo', 'cy', 'dee', 'eli'];
  const L = [
    `# generated for bench/sidebar.bench.mjs (${i})`,
    'workback: 1',
    `title: Generated plan ${i}`,
    'goal:',
    `  outcome: Everything of plan ${i} is done`,
    `  due: ${addDays(today, 5 + (i % 70))}`,
    '  owner: ana',
    'people:',
    ...people.map((p) => `  ${p}: { name: ${p[0].toUpperCase()}${p.slice(1)} Person, email: ${p}@bench.example }`),
    'policy:',
    '  check_in_every: 1w',
    '  escalate_after: 3d',
    'milestones:',
  ];
  for (let m = 0; m < Math.ceil(tasks / 5); m++) {
    L.push(`  - id: m${m}`, `    title: Milestone ${m}`, '    tasks:');
    for (let k = 0; k < 5 && m * 5 + k < tasks; k++) {
      const j = m * 5 + k;
      const mine = j % 6 === 0;
      L.push(
        `      - id: t${j}`,
        `        title: ${mine ? `Mine ${j} of plan ${i}` : `Task ${j} of plan ${i}`}`,
        `        owner: ${mine ? 'me' : people[1 + (j % 5)]}`,
        `        duration: ${1 + (j % 3)}d`,
      );
      if (j > 0) L.push(`        depends_on: [t${j - 1}]`);
      if (j % 9 === 4) L.push('        status: done', `        done_on: ${addDays(today, -3)}`);
      else if (j % 4 === 1) L.push('        status: doing');
      if (j % 5 === 2)
        L.push(
          '        follow_ups:',
          `          - on: ${addDays(today, (j % 11) - 5)}`,
          '            with: me',
          `            about: Status of task ${j}?`,
        );
    }
  }
  L.push(''); // a flat string ending in a line break, like a file read from disk
  return L.join('\n');
}
