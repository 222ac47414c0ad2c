#!/usr/bin/env node
// npm run build:committed [-- --out DIR]: the bundle this repository commits, bin/workback.js,
// the CLI built from src/cli/main.ts in production (minified, no source map), so that what runs
// it needs no install and no build (docs/cli.md says why): package.json's `bin` (what `npm
// pack` of the repository and `npm run pack:cli` carry), the pre-commit hook's entry, and the
// GitHub Action's, through action/index.js (two lines: it calls the bundle's actionMain()).
// test/e2e/action.test.mjs builds it again into a temporary folder and fails while the
// committed one differs.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaForEditors, yamlEsmAlias } from './lib/bundlePlugins.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const outDir = path.resolve(outArg >= 0 ? process.argv[outArg + 1] : ROOT);

const COMMITTED = [{ entry: 'src/cli/main.ts', file: 'bin/workback.js', banner: '#!/usr/bin/env node\n' }];

for (const { entry, file, banner } of COMMITTED) {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: path.join(outDir, file),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    alias: yamlEsmAlias,
    plugins: [schemaForEditors],
    banner: { js: `${banner}// Built by \`npm run build:committed\` from ${entry}. Do not edit.` },
  });
  console.log(`[build:committed] ${path.relative(process.cwd(), path.join(outDir, file)) || file}`);
}
