// npm run audit: the registry's advisories for what the bundles carry to users (the libraries
// esbuild bundles into the extension, the CLI and the timeline: yaml, ajv, mermaid, and what
// they depend on). They are development dependencies, as everything is bundled (the .vsix and
// the CLI package install nothing), so the audit takes the whole tree's advisories and keeps
// those of these libraries. Fails on a high or critical one; where the registry's audit
// endpoint cannot be reached (some mirrors and sandboxes answer 405), says so plainly instead
// of failing: the version floors in test/unit/dependencies.test.ts still hold the line.
import { spawnSync } from 'node:child_process';

const BUNDLED = ['yaml', 'ajv', 'mermaid'];

/** Names of the packages the bundled libraries bring in, themselves included (from `npm ls --all --json`). */
function bundledClosure() {
  const r = spawnSync('npm', ['ls', '--all', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const tree = JSON.parse(r.stdout || '{}').dependencies ?? {};
  const names = new Set();
  const seen = new Set();
  const walk = (name, node) => {
    if (!node || seen.has(`${name}@${node.version}`)) return;
    seen.add(`${name}@${node.version}`);
    names.add(name);
    for (const [child, sub] of Object.entries(node.dependencies ?? {})) walk(child, sub);
  };
  for (const name of BUNDLED) walk(name, tree[name]);
  return names;
}

const r = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = undefined;
}
if (!report?.metadata?.vulnerabilities) {
  const why = (r.stderr.match(/audit endpoint returned an error|405 Method Not Allowed|ENOTFOUND|ECONNREFUSED/) ?? [
    'no answer',
  ])[0];
  console.log(
    `[audit] the registry's audit endpoint is not available here (${why}); relying on the version floors in test/unit/dependencies.test.ts`,
  );
  process.exit(0);
}
const closure = bundledClosure();
const counts = { low: 0, moderate: 0, high: 0, critical: 0 };
for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
  if (closure.has(name)) counts[v.severity] = (counts[v.severity] ?? 0) + 1;
console.log(
  `[audit] what the bundles carry (${BUNDLED.join(', ')} and ${closure.size} more): ${JSON.stringify(counts)}`,
);
process.exit(counts.high + counts.critical ? 1 : 0);
