// One build for every bundle: the extension (Node, vscode external), the CLI (Node),
// and the timeline webview (browser, Mermaid). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mermaidGanttOnly } from './src/webview/mermaidGanttOnly.mjs';
import { planValidatorSource } from './scripts/lib/planValidator.mjs';
import { schemaForEditors, yamlEsmAlias } from './scripts/lib/bundlePlugins.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --outdir DIR: write the bundles there instead of dist/ (benchmarks measure a production build
// without touching the working tree's)
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg >= 0 ? process.argv[outdirArg + 1] : 'dist';

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const node = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  alias: yamlEsmAlias,
  plugins: [schemaForEditors],
};

/**
 * For the web worker host: a module with a `.browser.ts` twin beside it is built from the twin
 * (gitEmail.ts runs git as a process; gitEmail.browser.ts, in a host with no processes, does not).
 */
const webHost = {
  name: 'web-host',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const twin = path.join(args.resolveDir, `${args.path}.browser.ts`);
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

/**
 * For the Node extension host: the schema read from the shipped file on first use
 * (src/extension/schemaFile.ts) instead of bundled (src/core/schemaSource.ts), so that the code
 * the host loads at start stays small (package.test.mjs: under 400 KB).
 */
const schemaFromFile = {
  name: 'schema-from-file',
  setup(build) {
    build.onResolve({ filter: /[\\/]schemaSource$/ }, (args) =>
      args.importer.includes(`${path.sep}core${path.sep}`)
        ? { path: path.resolve('src/extension/schemaFile.ts') }
        : undefined,
    );
  },
};

// A bundle whose entry point does not exist yet (work in progress) is skipped.
const builds = [
  {
    ...node,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [...node.plugins, schemaFromFile],
  },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the new-plan templates, which the extension loads when New Plan… first needs them
  { ...node, entryPoints: ['src/templates/index.ts'], outfile: 'dist/templates.js' },
  // what only a command needs (quick fixes, the status report, the calendar, the SVG export), loaded then
  {
    ...node,
    entryPoints: ['src/extension/onDemand/index.ts'],
    outfile: 'dist/onDemand.js',
    plugins: [...node.plugins, schemaFromFile],
  },
  // the extension for the web worker extension host (vscode.dev, github.dev): no Node built-ins
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: yamlEsmAlias,
    plugins: [schemaForEditors, webHost],
  },
  {
    ...common,
    entryPoints: ['src/webview/timeline.ts'],
    outfile: 'dist/webview/timeline.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    plugins: [mermaidGanttOnly],
  },
]
  .filter((b) => existsSync(b.entryPoints[0]))
  .map((b) => ({ ...b, outfile: b.outfile.replace(/^dist\//, `${outdir}/`) }));

// The schema's validation code, generated from the schema (rewritten only when it changed).
const VALIDATOR = 'src/core/validate/planValidator.generated.ts';
const validatorSource = planValidatorSource('schemas/workback.schema.json');
if (!existsSync(VALIDATOR) || readFileSync(VALIDATOR, 'utf8') !== validatorSource) {
  writeFileSync(VALIDATOR, validatorSource);
  console.log(`[esbuild] regenerated ${VALIDATOR}`);
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching');
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`[esbuild] built ${builds.map((b) => b.outfile).join(', ')} in ${Date.now() - t0} ms`);
}
