// The command line of scripts/test.mjs:
//
//   npm test [STAGE…] [FILE…] [-- --grep PATTERN] [--no-build]
//
// STAGE is unit, integration or e2e. FILE is a test file (its source under test/unit,
// test/integration or test/e2e, or its compiled .js); naming files picks their stages and runs
// only them. --grep (or -g) keeps the tests whose full title matches PATTERN, as mocha's does.
import path from 'node:path';

export const STAGES = ['unit', 'integration', 'e2e'];

/** The stage a test file belongs to, from its path (source or compiled), or undefined. */
export function stageOfFile(file) {
  const parts = path.normalize(file).split(path.sep);
  const i = parts.lastIndexOf('test');
  return i >= 0 && STAGES.includes(parts[i + 1]) ? parts[i + 1] : undefined;
}

/** A test file's stem as the stages name it: `test/unit/edit.test.ts` → `edit`. */
export function testStem(file) {
  return path.basename(file).replace(/\.test\.(ts|js|mjs)$/, '');
}

/**
 * Parse argv (without node and the script). Returns { stages, files, grep, noBuild, full } or
 * { error } with a message for the person who typed it.
 */
export function parseTestArgs(argv) {
  const out = { stages: [], files: [], grep: undefined, noBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') out.noBuild = true;
    else if (a === '--grep' || a === '-g') {
      if (i + 1 >= argv.length) return { error: `${a} needs a pattern` };
      out.grep = argv[++i];
    } else if (a.startsWith('--grep=')) out.grep = a.slice('--grep='.length);
    else if (a.startsWith('-')) return { error: `unknown option "${a}"; options: --grep PATTERN, --no-build` };
    else if (STAGES.includes(a)) out.stages.push(a);
    else if (/\.(ts|js|mjs)$/.test(a)) {
      const stage = stageOfFile(a);
      if (!stage) return { error: `"${a}" is not under test/unit, test/integration or test/e2e` };
      out.files.push({ stage, stem: testStem(a), path: a });
    } else return { error: `unknown stage "${a}"; stages: ${STAGES.join(', ')}, or name a test file` };
  }
  for (const f of out.files) if (!out.stages.includes(f.stage)) out.stages.push(f.stage);
  out.full = out.stages.length === 0 && out.grep === undefined;
  return out;
}

/** The stems to run in a stage (empty: all of them). */
export function stemsFor(args, stage) {
  return args.files.filter((f) => f.stage === stage).map((f) => f.stem);
}
