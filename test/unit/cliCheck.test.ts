/** `workback check` driven through run() on an in-memory file system: exit codes, formats, discovery, escaping. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { memoryIO, type MemoryEntry, type MemoryIO } from './helpers/memoryIO';
import { run } from '../../src/cli/run';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/cli');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

const GOOD = fixture('mfa-rollout.workback.yaml');
const UNKNOWN_OWNER = fixture('unknown-owner.workback.yaml');
const BROKEN = fixture('broken.workback.yaml');
const WARNING = fixture('warning-only.workback.yaml');

async function cli(
  argv: string[],
  files: Record<string, MemoryEntry>,
  options: Parameters<typeof memoryIO>[1] = {},
): Promise<{ code: number; out: string; err: string; io: MemoryIO }> {
  const io = memoryIO(files, { cwd: '/work', ...options });
  const code = await run(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText, io };
}

const TODAY = ['--today', '2026-07-01'];

describe('workback check', () => {
  describe('exit codes and the text format', () => {
    it('a clean plan: exit 0, nothing on stdout, the summary on stderr', async () => {
      const r = await cli(['check', ...TODAY], { '/work/plans/mfa.workback.yaml': GOOD });
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '');
      assert.equal(r.err, '1 file checked: 0 errors, 0 warnings\n');
    });

    it('an unknown owner: exit 1, file:line:col severity code message with 1-based positions', async () => {
      const r = await cli(['check', ...TODAY], { '/work/plans/bad.workback.yaml': UNKNOWN_OWNER });
      assert.equal(r.code, 1);
      assert.match(r.out, /^plans\/bad\.workback\.yaml:13:45 error unknown-person .*nobody.*\n$/);
      assert.equal(r.err, '1 file checked: 1 error, 0 warnings\n');
    });

    it('unreadable YAML: yaml-syntax, exit 1', async () => {
      const r = await cli(['check', ...TODAY], { '/work/broken.workback.yaml': BROKEN });
      assert.equal(r.code, 1);
      assert.match(r.out, /^broken\.workback\.yaml:3:8 error yaml-syntax This \[ list is not closed/m);
      // and the problems past it (docs/diagnostics.md, yaml-syntax)
      assert.match(r.out, /^broken\.workback\.yaml:4:1 error schema-required Missing required key "outcome"/m);
    });

    it('--fail-on warning fails on warnings; the default does not', async () => {
      const files = { '/work/w.workback.yaml': WARNING };
      const lenient = await cli(['check', ...TODAY], files);
      assert.equal(lenient.code, 0);
      assert.match(lenient.out, /^w\.workback\.yaml:13:\d+ warning due-after-binding /);
      assert.equal((await cli(['check', ...TODAY, '--fail-on', 'warning'], files)).code, 1);
      assert.equal((await cli(['check', ...TODAY, '--fail-on=error'], files)).code, 0);
    });

    it('one bad file among many: every file reported in sorted order, exit 1', async () => {
      const files: Record<string, MemoryEntry> = {};
      for (let i = 0; i < 300; i++)
        files[`/work/p/${String(i).padStart(3, '0')}.workback.yaml`] = i === 137 ? UNKNOWN_OWNER : GOOD;
      files['/work/p/zz.workback.yaml'] = BROKEN;
      const r = await cli(['check', ...TODAY, '--format', 'json'], files);
      assert.equal(r.code, 1);
      const json = JSON.parse(r.out) as {
        files: { file: string; diagnostics: unknown[] }[];
        summary: Record<string, number>;
      };
      assert.equal(json.files.length, 301);
      assert.deepEqual(
        json.files.map((f) => f.file),
        Object.keys(files)
          .map((f) => f.slice('/work/'.length))
          .sort(),
      );
      assert.deepEqual(
        json.files.filter((f) => f.diagnostics.length > 0).map((f) => f.file),
        ['p/137.workback.yaml', 'p/zz.workback.yaml'],
      );
      // 137's unknown owner; zz's open bracket, the two keys its plan lacks, and its goal's measure and owner
      assert.deepEqual(json.summary, { files: 301, errors: 4, warnings: 2, information: 0, hints: 0 });
      assert.equal(r.io.reads.length, 301, 'each file read once');
    });

    it('streams: each file is written out before the next one is read', async () => {
      const files: Record<string, MemoryEntry> = {};
      for (let i = 0; i < 50; i++) files[`/work/p${String(i).padStart(2, '0')}.workback.yaml`] = UNKNOWN_OWNER;
      const io = memoryIO(files, { cwd: '/work' });
      const readsAtWrite: number[] = [];
      const write = io.stdout.write.bind(io.stdout);
      io.stdout.write = (t: string) => {
        readsAtWrite.push(io.reads.length);
        return write(t);
      };
      assert.equal(await run(['check', ...TODAY], io), 1);
      assert.deepEqual(
        readsAtWrite,
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
    });

    it('the date defaults to io.now(): an overdue task shows up only when it is late', async () => {
      const files = { '/work/mfa.workback.yaml': GOOD };
      const late = await cli(['check'], files, { now: { y: 2026, m: 10, d: 15 } });
      assert.match(late.out, /task-overdue/);
      const early = await cli(['check'], files, { now: { y: 2026, m: 7, d: 1 } });
      assert.equal(early.out, '');
    });

    it('--max-size: a larger file is refused unread with file-too-large', async () => {
      const r = await cli(['check', ...TODAY, '--max-size', '100'], { '/work/big.workback.yaml': GOOD });
      assert.equal(r.code, 1);
      assert.match(r.out, /^big\.workback\.yaml:1:1 error file-too-large .*100 bytes/);
    });

    it('bytes that are not UTF-8: invalid-encoding at the bad byte, exit 1; the other files are checked', async () => {
      const at = GOOD.indexOf('title: ') + 'title: '.length;
      const bytes = new TextEncoder().encode(GOOD);
      bytes[at + 2] = 0xe9; // a Latin-1 é in the plan's title
      const line = GOOD.slice(0, at).split('\n').length;
      const column = at - GOOD.lastIndexOf('\n', at - 1) + 2;
      const r = await cli(['check', ...TODAY], { '/work/a.workback.yaml': bytes, '/work/b.workback.yaml': GOOD });
      assert.equal(r.code, 1);
      assert.match(
        r.out,
        new RegExp(
          `^a\\.workback\\.yaml:${line}:${column} error invalid-encoding The file is not valid UTF-8: the bytes at offset ${at + 2} \\(E9 [^)]*\\) are not a character\\. Save the file as UTF-8\\.\\n$`,
        ),
      );
      assert.match(r.err, /2 files checked: 1 error, 0 warnings\n$/);
    });

    it('UTF-16 with a byte order mark is read as text, little- and big-endian, with the same positions', async () => {
      const utf16 = (text: string, be: boolean): Uint8Array => {
        const out = new Uint8Array(2 + 2 * text.length);
        out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
        for (let i = 0; i < text.length; i++)
          out.set(
            be
              ? [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff]
              : [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8],
            2 + 2 * i,
          );
        return out;
      };
      for (const be of [false, true]) {
        const r = await cli(['check', ...TODAY], {
          '/work/a.workback.yaml': utf16(GOOD, be),
          '/work/b.workback.yaml': utf16(UNKNOWN_OWNER, be),
        });
        assert.equal(r.code, 1);
        assert.match(r.out, /^b\.workback\.yaml:13:45 error unknown-person [^\n]*\n$/);
      }
    });

    it('an unreadable file is reported as read-error and the run exits 2, after checking the rest', async () => {
      const r = await cli(['check', ...TODAY], {
        '/work/a.workback.yaml': { unreadable: true },
        '/work/b.workback.yaml': UNKNOWN_OWNER,
      });
      assert.equal(r.code, 2);
      assert.match(
        r.out,
        /^a\.workback\.yaml:1:1 error read-error Cannot read the file: permission denied\.\nb\.workback\.yaml:13:45 error unknown-person /,
      );
    });

    it('a directory that cannot be listed is said on stderr; the rest is still checked; exit 2', async () => {
      const r = await cli(['check', ...TODAY], {
        '/work/a.workback.yaml': UNKNOWN_OWNER,
        '/work/locked': { lockedDir: true },
        '/work/z.workback.yaml': GOOD,
      });
      assert.equal(r.code, 2);
      assert.match(r.out, /^a\.workback\.yaml:13:45 error unknown-person /);
      assert.match(r.err, /workback: cannot read directory 'locked' \(EACCES\)\n/);
      assert.match(r.err, /2 files checked: 1 error, 0 warnings\n$/);
    });

    it('an internal error on one file is reported for that file and the run continues', async () => {
      const io = memoryIO(
        { '/work/a.workback.yaml': GOOD, '/work/b.workback.yaml': GOOD, '/work/c.workback.yaml': UNKNOWN_OWNER },
        { cwd: '/work' },
      );
      const readFile = io.readFile.bind(io);
      // A checker fed something that is not text fails: the CLI must survive it.
      io.readFile = async (p, o) => (p.endsWith('/a.workback.yaml') ? (null as unknown as Uint8Array) : readFile(p, o));
      const code = await run(['check', ...TODAY], io);
      assert.equal(code, 1);
      const lines = io.stdoutText.trimEnd().split('\n');
      assert.match(lines[0]!, /^a\.workback\.yaml:1:1 error internal-error /);
      assert.match(lines[lines.length - 1]!, /^c\.workback\.yaml:13:45 error unknown-person /);
      assert.match(io.stderrText, /^3 files checked: 2 errors, 0 warnings\n$/);
    });
  });

  describe('formats', () => {
    const files = { '/work/plans/bad.workback.yaml': UNKNOWN_OWNER, '/work/plans/good.workback.yaml': GOOD };

    it('json: files with diagnostics (1-based, end exclusive) and a summary; nothing else on stdout', async () => {
      const r = await cli(['check', ...TODAY, '--format', 'json'], files);
      assert.equal(r.code, 1);
      assert.equal(r.err, '', 'the json format writes no summary line on stderr');
      const json = JSON.parse(r.out);
      assert.deepEqual(Object.keys(json), ['today', 'files', 'summary']);
      assert.equal(json.today, '2026-07-01');
      assert.deepEqual(json.files[1], { file: 'plans/good.workback.yaml', diagnostics: [] });
      const d = json.files[0].diagnostics[0];
      assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
      assert.deepEqual(
        [d.code, d.severity, d.line, d.column, d.endLine, d.endColumn],
        ['unknown-person', 'error', 13, 45, 13, 51],
      );
      assert.deepEqual(json.summary, { files: 2, errors: 1, warnings: 0, information: 0, hints: 0 });
    });

    it('json with no files is still one valid object', async () => {
      const r = await cli(['check', '--format', 'json'], { '/work/readme.md': 'x' });
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.out).files, []);
      assert.match(r.err, /no plan files/);
    });

    it('github: one workflow command per diagnostic', async () => {
      const r = await cli(['check', ...TODAY, '--format', 'github'], { ...files, '/work/w.workback.yaml': WARNING });
      assert.equal(r.code, 1);
      const lines = r.out.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      assert.match(
        lines[0]!,
        /^::error file=plans\/bad\.workback\.yaml,line=13,col=45,endLine=13,endColumn=51,title=workback unknown-person::.*nobody/,
      );
      assert.match(
        lines[1]!,
        /^::warning file=w\.workback\.yaml,line=13,col=\d+,endLine=13,endColumn=\d+,title=workback due-after-binding::/,
      );
      assert.equal(r.err, '3 files checked: 1 error, 1 warning\n');
    });

    it('github: information becomes a notice', async () => {
      const r = await cli(['check', '--today', '2026-10-15', '--format', 'github'], {
        '/work/mfa.workback.yaml': GOOD,
      });
      assert.match(r.out, /^::(warning|notice) file=mfa\.workback\.yaml,/m);
      for (const line of r.out.trimEnd().split('\n')) assert.match(line, /^::(error|warning|notice) /);
    });
  });

  describe('escaping hostile plan text', () => {
    // Ids that break the schema are quoted back in messages: the way plan text reaches `check` output.
    const HOSTILE = UNKNOWN_OWNER.replace(
      'owner: nobody,',
      'owner: "\\e[31mred\\n::add-mask::secret \\u202eevil ##[stop-commands]x \\u200b",',
    );

    it('text: no escape sequence, no line break, no bidi control, no ##[', async () => {
      const r = await cli(['check', ...TODAY], { '/work/h.workback.yaml': HOSTILE });
      assert.equal(r.code, 1);
      assert.ok(r.out.length > 0);
      assert.doesNotMatch(r.out, /[\u001b\u202e\u200b]|##\[/);
      for (const line of r.out.trimEnd().split('\n')) assert.match(line, /^h\.workback\.yaml:\d+:\d+ error /);
      assert.match(
        r.out,
        /\\u\{1b\}\[31mred\\n::add-mask::secret \\u\{202e\}evil #\\u\{23\}\[stop-commands\]x \\u\{200b\}/,
      );
    });

    it('github: a newline followed by ::add-mask:: stays inside the one command line', async () => {
      const r = await cli(['check', ...TODAY, '--format', 'github'], { '/work/h.workback.yaml': HOSTILE });
      const lines = r.out.trimEnd().split('\n');
      assert.ok(lines.length > 0);
      for (const line of lines) {
        assert.match(line, /^::error file=h\.workback\.yaml,/);
        assert.doesNotMatch(line, /[\r\u001b\u202e]|##\[/);
      }
      assert.match(r.out, /%0A::add-mask::secret/);
    });

    it('json: parses back to the exact message; no raw control, bidi or ##[ in the bytes', async () => {
      const r = await cli(['check', ...TODAY, '--format', 'json'], { '/work/h.workback.yaml': HOSTILE });
      assert.doesNotMatch(r.out, /[\u001b\u202e\u200b]|##\[/);
      const messages: string[] = JSON.parse(r.out).files[0].diagnostics.map((d: { message: string }) => d.message);
      assert.ok(
        messages.some((m) => m.includes('\u001b[31mred\n::add-mask::secret \u202eevil ##[stop-commands]x \u200b')),
      );
    });

    it('hostile file names are escaped, and never start a line with ::', async () => {
      const files = {
        '/work/::add-mask::x.workback.yaml': UNKNOWN_OWNER,
        '/work/a\u001b[2Jb.workback.yaml': UNKNOWN_OWNER,
        '/work/c,d:e%.workback.yaml': UNKNOWN_OWNER,
      };
      const text = await cli(['check', ...TODAY], files);
      const lines = text.out.trimEnd().split('\n');
      assert.deepEqual(
        lines.map((l) => l.slice(0, l.indexOf('.yaml') + 5)),
        ['./::add-mask::x.workback.yaml', 'a\\u{1b}[2Jb.workback.yaml', 'c,d:e%.workback.yaml'],
      );
      const gh = await cli(['check', ...TODAY, '--format', 'github'], files);
      assert.match(gh.out, /^::error file=%3A%3Aadd-mask%3A%3Ax\.workback\.yaml,line=/m);
      assert.match(gh.out, /^::error file=c%2Cd%3Ae%25\.workback\.yaml,line=/m);
    });
  });

  describe('which files', () => {
    const TREE: Record<string, MemoryEntry> = {
      '/work/b.workback.yaml': GOOD,
      '/work/a.workback.yml': GOOD,
      '/work/plans/2026/q3.workback.yaml': UNKNOWN_OWNER,
      '/work/plans/other.yaml': BROKEN,
      '/work/node_modules/pkg/x.workback.yaml': BROKEN,
      '/work/.git/x.workback.yaml': BROKEN,
      '/work/.github/ci.workback.yaml': GOOD,
      '/work/dir.workback.yaml/inner.workback.yaml': GOOD,
    };
    const checked = async (argv: string[], files = TREE): Promise<string[]> => {
      const r = await cli(['check', ...TODAY, '--format', 'json', ...argv], files);
      assert.notEqual(r.code, 2, r.err);
      return JSON.parse(r.out).files.map((f: { file: string }) => f.file);
    };

    it('by default: every *.workback.yaml / *.yml under cwd, sorted, skipping node_modules and .git', async () => {
      assert.deepEqual(await checked([]), [
        '.github/ci.workback.yaml',
        'a.workback.yml',
        'b.workback.yaml',
        'dir.workback.yaml/inner.workback.yaml',
        'plans/2026/q3.workback.yaml',
      ]);
    });

    it('a directory is walked; a directory named x.workback.yaml is never read as a file', async () => {
      assert.deepEqual(await checked(['plans']), ['plans/2026/q3.workback.yaml']);
      assert.deepEqual(await checked(['dir.workback.yaml']), ['dir.workback.yaml/inner.workback.yaml']);
      const r = await cli(['check', ...TODAY], TREE);
      assert.ok(!r.io.reads.includes('/work/dir.workback.yaml'));
    });

    it('globs: *, **, ? and {a,b}; a file named explicitly is taken whatever its name', async () => {
      assert.deepEqual(await checked(['*.workback.{yaml,yml}']), ['a.workback.yml', 'b.workback.yaml']);
      assert.deepEqual(await checked(['plans/**/*.yaml']), ['plans/2026/q3.workback.yaml', 'plans/other.yaml']);
      assert.deepEqual(await checked(['plans/20??/*']), ['plans/2026/q3.workback.yaml']);
      assert.deepEqual(await checked(['plans/other.yaml']), ['plans/other.yaml']);
      assert.deepEqual(await checked(['**/q3.*', 'b.workback.yaml', 'plans/**/q3.workback.yaml']), [
        'b.workback.yaml',
        'plans/2026/q3.workback.yaml',
      ]);
    });

    it('paths are relative to cwd, with ../ when outside it; the same files give the same lines from another cwd', async () => {
      const fromRoot = await cli(['check', ...TODAY, 'plans'], TREE);
      const fromPlans = await cli(['check', ...TODAY, '.'], TREE, { cwd: '/work/plans' });
      const lines = (out: string): string[] => out.trimEnd().split('\n');
      assert.ok(fromRoot.out.length > 0);
      assert.deepEqual(
        lines(fromRoot.out),
        lines(fromPlans.out).map((l) => `plans/${l}`),
      );
      const up = await cli(['check', ...TODAY, '../b.workback.yaml'], TREE, { cwd: '/work/plans' });
      assert.equal(up.code, 0);
      assert.equal(up.err, '1 file checked: 0 errors, 0 warnings\n');
    });

    it('FIFOs are skipped in walks and refused when named; symlinks leading outside are not followed', async () => {
      const files: Record<string, MemoryEntry> = {
        '/work/p/ok.workback.yaml': GOOD,
        '/work/p/pipe.workback.yaml': { fifo: true },
        '/work/p/inside.workback.yaml': { symlink: '../real/plan.yaml' },
        '/work/real/plan.yaml': UNKNOWN_OWNER,
        '/work/p/outside.workback.yaml': { symlink: '/etc/secret.yaml' },
        '/etc/secret.yaml': 'password: hunter2',
        '/work/p/linkdir': { symlink: '/etc' },
      };
      const r = await cli(['check', ...TODAY, '--format', 'json'], files);
      assert.deepEqual(
        JSON.parse(r.out).files.map((f: { file: string }) => f.file),
        ['p/inside.workback.yaml', 'p/ok.workback.yaml'],
      );
      assert.ok(r.io.reads.includes('/work/real/plan.yaml'), 'a symlink inside the tree is followed');
      assert.ok(!r.io.reads.some((p) => p.startsWith('/etc')), `read ${r.io.reads.join(', ')}`);
      assert.ok(!r.io.reads.includes('/work/p/pipe.workback.yaml'));
      assert.match(r.err, /skipped 'p\/outside\.workback\.yaml': symlink leads outside/);

      const fifo = await cli(['check', ...TODAY, 'p/pipe.workback.yaml'], files);
      assert.equal(fifo.code, 2);
      assert.match(fifo.err, /'p\/pipe\.workback\.yaml': not a regular file/);
      assert.equal(fifo.out, '');

      const outside = await cli(['check', ...TODAY, 'p/outside.workback.yaml'], files);
      assert.equal(outside.code, 2);
      assert.match(outside.err, /leads outside the tree/);
      const viaDir = await cli(['check', ...TODAY, 'p/linkdir/secret.yaml'], files);
      assert.equal(viaDir.code, 2);
      assert.ok(!viaDir.io.reads.length);
    });

    it('a symlink loop does not hang', async () => {
      const r = await cli(['check', ...TODAY], {
        '/work/a.workback.yaml': { symlink: 'b.workback.yaml' },
        '/work/b.workback.yaml': { symlink: 'a.workback.yaml' },
        '/work/c.workback.yaml': GOOD,
      });
      assert.equal(r.code, 0);
      assert.match(r.err, /broken symlink/);
    });
  });

  describe('usage errors exit 2', () => {
    const files = { '/work/a.workback.yaml': GOOD };
    for (const [argv, message] of [
      [['check', 'missing.workback.yaml'], /'missing\.workback\.yaml': no such file or directory/],
      [['check', 'plans/*.workback.yaml'], /'plans\/\*\.workback\.yaml': no files match this pattern/],
      [['check', '*.none'], /no files match/],
      [['check', '--format', 'xml'], /--format must be one of text, json, github/],
      [['check', '--fail-on', 'info'], /--fail-on must be one of error, warning/],
      [['check', '--today', '2026-13-01'], /--today '2026-13-01': not a real calendar day/],
      [['check', '--max-size', 'lots'], /--max-size must be a positive whole number/],
      [['check', '--frmat', 'json'], /unknown option '--frmat'/],
      [['chek'], /unknown command 'chek'/],
      [['gantt'], /missing FILE/],
      [['gantt', 'a.workback.yaml', '--from', '2026-02-30'], /--from takes a real date/],
      [['gantt', 'a.workback.yaml', '--milestone', 'nope'], /no milestone 'nope'/],
      [[], /Usage: workback <command>/],
    ] as [string[], RegExp][]) {
      it(`workback ${argv.join(' ')}`, async () => {
        const r = await cli(argv, files);
        assert.equal(r.code, 2);
        assert.equal(r.out, '');
        assert.match(r.err, message);
      });
    }

    it('a directory without plan files, named explicitly, is a usage error', async () => {
      const r = await cli(['check', 'docs'], { ...files, '/work/docs/readme.md': 'x' });
      assert.equal(r.code, 2);
      assert.match(r.err, /'docs': no plan files/);
    });

    it('usage errors quote argv safely', async () => {
      const r = await cli(['check', '--today', '\u001b[2J'], files);
      assert.equal(r.code, 2);
      assert.doesNotMatch(r.err, /\u001b/);
    });
  });

  describe('help and version', () => {
    it('--help, help CMD and CMD --help print usage on stdout and exit 0', async () => {
      for (const argv of [['--help'], ['-h'], ['help']]) {
        const r = await cli(argv, {});
        assert.equal(r.code, 0);
        assert.match(r.out, /^Usage: workback <command>/);
        for (const c of ['check', 'schedule', 'tasks', 'follow-ups']) assert.match(r.out, new RegExp(`\\n  ${c} `));
      }
      for (const argv of [
        ['check', '--help'],
        ['help', 'check'],
        ['check', '-h', '--format', 'json'],
      ]) {
        const r = await cli(argv, {});
        assert.equal(r.code, 0);
        assert.match(r.out, /^Usage: workback check \[PATH\|GLOB \.\.\.\]/);
      }
    });

    it('--version prints package.json version', async () => {
      const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
        version: string;
      };
      const r = await cli(['--version'], {});
      assert.equal(r.code, 0);
      assert.equal(r.out, `${pkg.version}\n`);
    });
  });
});
