/** The CLI on the real file system: symlinks, FIFOs, directories named like plans, and the bundled dist/cli.js. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { nodeIO, streamOut } from '../../src/cli/nodeIO';
import { run } from '../../src/cli/run';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const GOOD = readFileSync(path.join(FIXTURES, 'mfa-rollout.workback.yaml'), 'utf8');
const UNKNOWN_OWNER = readFileSync(path.join(FIXTURES, 'unknown-owner.workback.yaml'), 'utf8');

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cliIn(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = collect();
  const err = collect();
  const code = await run(argv, nodeIO({ cwd, stdout: out.stream, stderr: err.stream }));
  return { code, out: out.text(), err: err.text() };
}

function makeFifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('workback CLI on the real file system', function () {
  this.timeout(20000);
  let tmp: string;
  let tree: string;
  let hasFifo = false;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'workback-cli-'));
    tree = path.join(tmp, 'tree');
    mkdirSync(path.join(tree, 'plans/dir.workback.yaml'), { recursive: true });
    mkdirSync(path.join(tmp, 'outside'));
    writeFileSync(path.join(tree, 'plans/a.workback.yaml'), GOOD);
    writeFileSync(path.join(tree, 'plans/dir.workback.yaml/inner.workback.yaml'), GOOD);
    writeFileSync(path.join(tree, 'real.yaml'), UNKNOWN_OWNER);
    writeFileSync(path.join(tmp, 'outside/secret.workback.yaml'), UNKNOWN_OWNER);
    symlinkSync(path.join(tmp, 'outside/secret.workback.yaml'), path.join(tree, 'plans/out.workback.yaml'));
    symlinkSync('../real.yaml', path.join(tree, 'plans/in.workback.yaml'));
    symlinkSync(path.join(tmp, 'outside'), path.join(tree, 'plans/linked-dir'));
    hasFifo = makeFifo(path.join(tree, 'plans/pipe.workback.yaml'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('walks without following symlinks out of the tree, without opening FIFOs, without reading directories as files', async () => {
    const r = await cliIn(tree, ['check', '--today', '2026-07-01', '--format', 'json']);
    assert.equal(r.code, 1, r.err);
    const files = JSON.parse(r.out).files.map((f: { file: string }) => f.file);
    assert.deepEqual(files, [
      'plans/a.workback.yaml',
      'plans/dir.workback.yaml/inner.workback.yaml',
      'plans/in.workback.yaml',
    ]);
    assert.match(r.err, /skipped 'plans\/out\.workback\.yaml': symlink leads outside/);
    const inLink = JSON.parse(r.out).files[2];
    assert.equal(inLink.diagnostics[0].code, 'unknown-person', 'the in-tree symlink was read');
  });

  it('globs skip FIFOs and directories too', async () => {
    const r = await cliIn(tree, ['check', '--today', '2026-07-01', '--format', 'json', 'plans/*']);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(
      JSON.parse(r.out).files.map((f: { file: string }) => f.file),
      ['plans/a.workback.yaml', 'plans/in.workback.yaml'],
    );
  });

  it('a FIFO named explicitly is refused at once (exit 2), never opened for reading', async () => {
    assert.ok(hasFifo, 'mkfifo must work on the test machine (Linux)');
    const r = await cliIn(tree, ['check', 'plans/pipe.workback.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /not a regular file/);
    // Even if a FIFO slips past the walk (a race), reading it never blocks.
    await assert.rejects(nodeIO({ cwd: tree }).readFile(path.join(tree, 'plans/pipe.workback.yaml')), {
      code: 'ENOTFILE',
    });
  });

  it('a symlink leading outside, named explicitly or through a linked directory, is refused (exit 2)', async () => {
    for (const target of ['plans/out.workback.yaml', 'plans/linked-dir/secret.workback.yaml']) {
      const r = await cliIn(tree, ['check', target]);
      assert.equal(r.code, 2, target);
      assert.match(r.err, /leads outside the tree/);
      assert.equal(r.out, '');
    }
  });

  it('reading refuses a final symlink and files over the size limit', async () => {
    const io = nodeIO({ cwd: tree });
    await assert.rejects(io.readFile(path.join(tree, 'plans/in.workback.yaml')), { code: 'ELOOP' });
    await assert.rejects(io.readFile(path.join(tree, 'plans/a.workback.yaml'), { maxBytes: 10 }), { code: 'EFBIG' });
    assert.equal(
      Buffer.from(await io.readFile(path.join(tree, 'plans/a.workback.yaml'), { maxBytes: 100000 })).toString('utf8'),
      GOOD,
    );
  });

  describe('the bundled dist/cli.js', () => {
    const CLI = path.join(ROOT, 'dist/cli.js');
    const node = (args: string[], cwd: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [CLI, ...args], {
        cwd,
        env: { PATH: process.env['PATH'] ?? '', ...env },
        encoding: 'utf8',
        timeout: 15000,
      });

    before(() => {
      assert.ok(existsSync(CLI), 'dist/cli.js is missing: npm test builds it first (node esbuild.mjs)');
    });

    it('--version prints the package version from any cwd', () => {
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = node(['--version'], tmp);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `${version}\n`);
    });

    it('the same output whatever TZ and LANG', () => {
      const settings = [
        ['UTC', 'C'],
        ['America/Los_Angeles', 'tr_TR.UTF-8'],
        ['Europe/Berlin', 'de_DE.UTF-8'],
        ['Pacific/Kiritimati', 'ja_JP.UTF-8'],
      ];
      const outputs = settings.map(([TZ, LANG]) => {
        const r = node(['check', '--today', '2026-08-12', '--format', 'json'], tree, {
          TZ: TZ!,
          LANG: LANG!,
          LC_ALL: LANG!,
        });
        assert.equal(r.status, 1, r.stderr);
        return r.stdout;
      });
      assert.ok(outputs[0]!.includes('task-overdue'));
      for (const o of outputs) assert.equal(o, outputs[0]);
    });

    it('exit codes reach the shell: 0 clean, 1 problems, 2 usage', () => {
      assert.equal(node(['check', '--today', '2026-07-01', 'plans/a.workback.yaml'], tree).status, 0);
      assert.equal(node(['check', '--today', '2026-07-01', 'real.yaml'], tree).status, 1);
      assert.equal(node(['check', 'nope.workback.yaml'], tree).status, 2);
    });
  });
});

describe('nodeIO output streams', () => {
  it('wait for drain when the stream is full, so output never piles up in memory', async () => {
    let release: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 4,
      write(_chunk, _enc, cb) {
        release = cb;
      },
    });
    const out = streamOut(slow);
    const pending = out.write('more than four bytes');
    assert.ok(pending instanceof Promise, 'a full stream makes the writer wait');
    let done = false;
    void pending.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(done, false);
    release!();
    await pending;
    assert.equal(done, true);
  });
});
