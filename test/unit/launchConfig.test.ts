/**
 * F5: .vscode/launch.json runs the extension on examples/ in a desktop VS Code, as extension
 * samples do, after the build task of .vscode/tasks.json. A desktop VS Code cannot run here, so
 * this checks what F5 relies on: an extensionHost launch of this folder with examples/ open,
 * a pre-launch task that exists and runs an npm script that exists, and the bundle it debugs.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const json = (...p: string[]): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(ROOT, ...p), 'utf8')) as Record<string, unknown>;

interface Launch {
  name: string;
  type: string;
  request: string;
  args: string[];
  outFiles: string[];
  preLaunchTask?: string;
}
interface Task {
  label: string;
  type: string;
  script: string;
}

describe('F5 (.vscode/launch.json and tasks.json)', () => {
  const launches = json('.vscode', 'launch.json').configurations as Launch[];
  const tasks = json('.vscode', 'tasks.json').tasks as Task[];
  const scripts = json('package.json').scripts as Record<string, string>;
  const folder = (arg: string): string => path.join(ROOT, arg.replace('${workspaceFolder}', ''));

  it('launches this folder as an extension in a new window, on examples/', () => {
    const run = launches.find((l) => l.type === 'extensionHost' && l.request === 'launch');
    assert.ok(run, 'an extensionHost launch');
    assert.ok(run.args.includes('--extensionDevelopmentPath=${workspaceFolder}'), run.args.join(' '));
    const opened = run.args.filter((a) => !a.startsWith('--'));
    assert.deepEqual(opened, ['${workspaceFolder}/examples']);
    assert.ok(existsSync(folder(opened[0]!)), 'examples/ exists');
    const main = (json('package.json').main as string).replace(/^\.\//, '');
    assert.ok(
      run.outFiles.some((g) => g === '${workspaceFolder}/dist/**/*.js' && main.startsWith('dist/')),
      `${run.outFiles.join()} covers ${main}`,
    );
  });

  it('builds first, with a task that runs an npm script of package.json', () => {
    for (const l of launches.filter((x) => x.preLaunchTask !== undefined)) {
      const task = tasks.find((t) => t.label === l.preLaunchTask);
      assert.ok(task, `a task labelled ${l.preLaunchTask}`);
      assert.equal(task.type, 'npm');
      assert.ok(scripts[task.script], `npm run ${task.script}`);
    }
    assert.ok(launches.some((l) => l.preLaunchTask === 'npm: build'));
    assert.equal(scripts.build, 'node esbuild.mjs');
  });
});
