#!/usr/bin/env node
// npm run build:action [-- --out FILE]: the GitHub Action's bundle, action/index.js (committed:
// a runner runs it as it is, with no install and no build; see docs/cli.md). A production build
// of src/cli/actionMain.ts with the CLI's bundling settings. test/e2e/action.test.mjs builds it
// again into a temporary file and fails when the committed one differs.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaForEditors, yamlEsmAlias } from './lib/bundlePlugins.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const outfile = path.resolve(outArg >= 0 ? process.argv[outArg + 1] : path.join(ROOT, 'action', 'index.js'));

await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['src/cli/actionMain.ts'],
  outfile,
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
  banner: {
    js: '// The Workback GitHub Action: built by `npm run build:action` from src/cli/actionMain.ts. Do not edit.',
  },
});
console.log(`[build:action] ${path.relative(process.cwd(), outfile) || outfile}`);
