// Generated plans for the timeline's benchmark and readability screenshots: `n` tasks in
// milestones of ten, two parallel streams of milestones, titles of realistic lengths, eight
// owners, today near the start and a goal due with a few weeks of slack.

const VERBS = [
  'Review',
  'Migrate',
  'Configure',
  'Test',
  'Document',
  'Approve',
  'Roll out',
  'Audit',
  'Train staff on',
  'Decommission',
];
const THINGS = [
  'firewall rules',
  'the backup policy for file servers',
  'VPN profiles',
  'Conditional Access policies',
  'the asset inventory',
  'printer drivers',
  'the incident runbook',
  'mailbox retention',
  'endpoint encryption',
  'the change calendar with the CAB',
  'Wi-Fi certificates',
  'SIEM parsers',
  'the DR failover plan for the ERP',
  'license counts',
  'patch rings',
];

/** `YYYY-MM-DD` of a UTC date n days after `iso`. */
function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const BENCH_TODAY = '2026-07-01';

export function timelinePlan(n, { today = BENCH_TODAY } = {}) {
  const milestones = Math.ceil(n / 10);
  const weeks = Math.ceil(Math.ceil(milestones / 2) * 1.8) + 4;
  const L = [
    `# ${n} generated tasks for the timeline benchmark`,
    'workback: 1',
    `title: Generated plan with ${n} tasks`,
    'goal:',
    `  outcome: Everything of the ${n}-task plan is done`,
    `  due: ${addDays(today, weeks * 7)}`,
    '  owner: p0',
    'people:',
  ];
  for (let i = 0; i < 8; i++) L.push(`  p${i}: { name: Person ${i} }`);
  L.push('milestones:');
  for (let m = 0; m < milestones; m++) {
    L.push(`  - id: m${m}`, `    title: Milestone ${m} - ${THINGS[m % THINGS.length]} done`);
    if (m >= 2) L.push(`    depends_on: [m${m - 2}]`);
    L.push('    tasks:');
    for (let t = 0; t < 10 && m * 10 + t < n; t++) {
      const i = m * 10 + t;
      L.push(
        `      - id: t${i}`,
        `        title: ${VERBS[i % VERBS.length]} ${THINGS[(i * 7) % THINGS.length]} (${i})`,
        `        owner: p${i % 8}`,
        `        duration: ${1 + (i % 4)}d`,
      );
      if (t % 3 !== 0) L.push(`        depends_on: [t${i - 1}]`);
      if (m < 2 && t % 3 === 0) L.push('        status: done'); // no dependencies: no warnings
    }
  }
  return `${L.join('\n')}\n`;
}
