import assert from 'node:assert/strict';
import { gitEmailCommand, gitExecutable, isAbsolutePath } from '../../src/extension/sidebar/gitCommand';

describe('git for the sidebar identity: never looked up from the workspace', () => {
  it("takes the git extension's path first, then the first absolute git.path setting", () => {
    assert.equal(gitExecutable('/usr/bin/git', '/opt/git/bin/git'), '/usr/bin/git');
    assert.equal(
      gitExecutable('C:\\Program Files\\Git\\cmd\\git.exe', undefined),
      'C:\\Program Files\\Git\\cmd\\git.exe',
    );
    assert.equal(gitExecutable(undefined, '/opt/git/bin/git'), '/opt/git/bin/git');
    assert.equal(
      gitExecutable(undefined, ['git', '.\\git.exe', 'D:/tools/git.exe', '/usr/bin/git']),
      'D:/tools/git.exe',
    );
    assert.equal(gitExecutable(undefined, '\\\\server\\share\\git.exe'), '\\\\server\\share\\git.exe');
  });

  it('never takes a relative path (from the API or the setting): those would resolve in a working directory', () => {
    for (const relative of ['git', 'git.exe', './git', '.\\git.exe', 'bin/git', 'C:git.exe', '']) {
      assert.equal(isAbsolutePath(relative), false, relative);
      assert.equal(gitExecutable(relative, relative), undefined, relative);
      assert.equal(gitExecutable(relative, [relative, 42, null]), undefined, relative);
    }
  });

  it('runs in the home directory and names the folder with -C; untrusted reads only the global config', () => {
    const folder = 'C:\\work\\repo';
    const trusted = gitEmailCommand('C:\\Git\\cmd\\git.exe', folder, true, 'C:\\Users\\me');
    assert.deepEqual(trusted, {
      file: 'C:\\Git\\cmd\\git.exe',
      args: ['-C', folder, 'config', '--get', 'user.email'],
      cwd: 'C:\\Users\\me',
    });
    const untrusted = gitEmailCommand('/usr/bin/git', '/work/repo', false, '/home/me');
    assert.deepEqual(untrusted, {
      file: '/usr/bin/git',
      args: ['config', '--global', '--get', 'user.email'],
      cwd: '/home/me',
    });
    assert.ok(!untrusted.args.includes('/work/repo'));
    // without a known executable, git is looked up on PATH, but still from home, never from the folder
    assert.deepEqual(gitEmailCommand(undefined, '/work/repo', true, '/home/me'), {
      file: 'git',
      args: ['-C', '/work/repo', 'config', '--get', 'user.email'],
      cwd: '/home/me',
    });
  });
});
