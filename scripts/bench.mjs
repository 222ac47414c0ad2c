// npm run bench: bundle the benchmarks with esbuild, then run each in its own Node process;
// `bench/*.bench.mjs` files (plain Node scripts, e.g. the timeline's, which drives a real VS Code)
// run as they are, after those.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from './lib/nodeBundle.mjs';

const entries = readdirSync('bench').filter((f) => f.endsWith('.bench.ts'));
for (const f of entries) {
  const outfile = `.bench/${f.replace(/\.ts$/, '.js')}`;
  await esbuild.build({ ...NODE_BUNDLE, entryPoints: [`bench/${f}`], outfile });
  execFileSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
}
for (const f of readdirSync('bench')
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  execFileSync(process.execPath, [`bench/${f}`], { stdio: 'inherit' });
}
