/**
 * The import rules of eslint.config.mjs (docs/architecture.md, "The house"): each folder of src/
 * imports only what its arrows allow, and outside src/core the core is src/core/index.ts alone.
 * Lints one import line as if it stood in a file of each folder.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the import rules', function () {
  this.timeout(30000);
  // the import rules need no type checker: the type-aware rules (and their program) are left out
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });

  /** The no-restricted-imports messages for `import { x } from '<from>'` in the file `at`. */
  async function restricted(at: string, from: string): Promise<string[]> {
    const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, {
      filePath: path.join(ROOT, at),
    });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  const allowed = (at: string, from: string) =>
    it(`${at}: '${from}' is allowed`, async () => {
      assert.deepEqual(await restricted(at, from), []);
    });
  const refused = (at: string, from: string, says: RegExp) =>
    it(`${at}: '${from}' is refused`, async () => {
      const messages = await restricted(at, from);
      assert.ok(
        messages.some((m) => says.test(m)),
        `messages: ${JSON.stringify(messages)}`,
      );
    });

  const throughIndex = /through src\/core\/index\.ts/;
  allowed('src/extension/planIndex/checker.ts', '../../core');
  allowed('src/extension/sidebar/model.ts', '../../core/index');
  refused('src/extension/sidebar/model.ts', '../../core/edit/text', throughIndex);
  refused('src/extension/convert.ts', '../core/parse/scalar', throughIndex);
  allowed('src/cli/load.ts', '../core');
  refused('src/cli/format/json.ts', '../../core/schedule', throughIndex);
  allowed('src/templates/render.ts', '../core');
  refused('src/templates/render.ts', '../core/editing', throughIndex);
  refused('src/templates/render.ts', 'vscode', /pure/);
  refused('src/templates/render.ts', 'node:fs', /pure/);
  refused('src/templates/render.ts', '../extension/planFiles', /only src\/core/);
  refused('src/shared/wording.ts', '../core', /only other shared files/);
  refused('src/webview/chart.ts', '../core', /only mermaid and src\/shared/);
  allowed('src/core/check.ts', './parse/preflight');
  allowed('test/unit/query.test.ts', '../../src/core/query/myTasks');
});
