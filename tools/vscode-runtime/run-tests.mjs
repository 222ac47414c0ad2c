#!/usr/bin/env node
// Run an extension's integration tests inside the real VS Code extension host
// (the Node extension host of the VS Code server): the counterpart of
// @vscode/test-electron's runTests().
//
//   node run-tests.mjs --extensionDevelopmentPath <dir> --extensionTestsPath <file.js>
//        [--folder <workspace dir>] [--timeout <s>=300] [--logs <dir>] [--screenshot <png>] [--verbose]
//
// extensionTestsPath is the compiled test entry exporting run(): Promise<void>.
// Exit code: that of the tests. A server is started for the run and stopped after.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, runExtensionTests } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), ['verbose']);
if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
  console.error(
    'usage: run-tests.mjs --extensionDevelopmentPath DIR --extensionTestsPath FILE [--folder DIR] [--timeout S]',
  );
  process.exit(2);
}
if (!existsSync(path.join(args.extensionDevelopmentPath, 'package.json'))) {
  console.error(`no package.json in ${path.resolve(args.extensionDevelopmentPath)}`);
  process.exit(2);
}
if (!existsSync(args.extensionTestsPath)) {
  console.error(`not found: ${path.resolve(args.extensionTestsPath)}`);
  process.exit(2);
}
if (args.folder && !existsSync(args.folder)) {
  console.error(`folder not found: ${path.resolve(args.folder)}`);
  process.exit(2);
}
const t0 = Date.now();
const code = await runExtensionTests({
  extensionDevelopmentPath: args.extensionDevelopmentPath,
  extensionTestsPath: args.extensionTestsPath,
  folder: args.folder,
  timeoutMs: Number(args.timeout || 300) * 1000,
  logsDir: args.logs,
  screenshot: args.screenshot,
  verbose: !!args.verbose,
});
console.error(`[run-tests] exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(code);
