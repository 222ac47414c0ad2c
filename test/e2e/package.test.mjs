// `npm run package`: the .vsix holds only what users need, is small, and installs into the
// same VS Code server (`code-server --install-extension`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installVsix, listExtensions } from '../../tools/vscode-runtime/lib.mjs';
import { listZip, readZipEntry } from '../../scripts/lib/zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('npm run package', () => {
  let tmp;
  let vsix;
  before(function () {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-vsix-'));
    vsix = path.join(tmp, 'workback.vsix');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds only what users need', () => {
    const names = listZip(vsix).map((e) => e.name);
    const allowed = [
      /^extension\.vsixmanifest$/,
      /^\[Content_Types\]\.xml$/,
      /^extension\/package\.json$/,
      /^extension\/readme\.md$/i,
      /^extension\/changelog\.md$/i,
      /^extension\/LICENSE(\.txt|\.md)?$/,
      /^extension\/language-configuration\.json$/,
      /^extension\/dist\/extension\.js$/,
      /^extension\/dist\/cli\.js$/,
      /^extension\/dist\/templates\.js$/, // loaded by New Plan… only
      /^extension\/dist\/onDemand\.js$/, // loaded by the status report, the calendar and SVG exports
      /^extension\/dist\/webview\/[^/].*$/,
      /^extension\/schemas\/[^/]+\.json$/,
      /^extension\/syntaxes\/[^/]+\.json$/,
      /^extension\/media\/[^/]+$/,
      /^extension\/media\/walkthrough\/[^/]+\.md$/,
      /^extension\/snippets\/[^/]+$/,
      /^extension\/docs\/diagnostics\.md$/, // the diagnostics' codes link to their sections
    ];
    const stray = names.filter((n) => !allowed.some((re) => re.test(n)));
    assert.deepEqual(stray, [], 'files users do not need');
    for (const must of [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/templates.js',
      'extension/dist/onDemand.js',
      'extension/syntaxes/workback.tmLanguage.json',
      'extension/language-configuration.json',
      'extension/media/workback-file-dark.svg',
      'extension/schemas/workback.schema.json',
      'extension/docs/diagnostics.md',
      'extension/media/icon.png',
    ]) {
      assert.ok(names.includes(must), must);
    }
    if (existsSync(path.join(ROOT, 'src', 'cli', 'main.ts')))
      assert.ok(names.includes('extension/dist/cli.js'), 'the CLI');
    assert.ok(
      !names.some((n) => /\.map$|\.ts$|node_modules|\/test\/|\/src\//.test(n)),
      'no sources, maps, tests or node_modules',
    );
  });

  it('holds every file package.json points at', () => {
    const names = new Set(listZip(vsix).map((e) => e.name));
    const refs = [PKG.main, PKG.icon];
    (function walk(v) {
      if (typeof v === 'string') {
        if (/^(\.\/)?[\w-]+\/.*\.[\w-]+$|^\.\/[\w.-]+$/.test(v) && !v.includes('*')) refs.push(v);
      } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    })(PKG.contributes);
    assert.ok(refs.length >= 4, JSON.stringify(refs));
    const missing = refs.filter((r) => !names.has(`extension/${path.posix.normalize(r)}`));
    assert.deepEqual(missing, [], 'contributed files missing from the .vsix');
  });

  it('is small, and a production build', () => {
    const size = statSync(vsix).size;
    const bundle = readZipEntry(vsix, 'extension/dist/extension.js');
    console.log(
      `      ${path.basename(vsix)}: ${(size / 1024).toFixed(0)} KB; dist/extension.js ${(bundle.length / 1024).toFixed(0)} KB (minified)`,
    );
    assert.ok(size < 4 * 1024 * 1024, `${size} bytes`);
    // issue 4's goal (npm run bench reports it): the extension host loads under 400 KB of code
    assert.ok(
      bundle.length < 400 * 1024,
      `dist/extension.js is ${(bundle.length / 1024).toFixed(1)} KB (goal: under 400 KB)`,
    );
    assert.ok(!bundle.toString('utf8').includes('sourceMappingURL'), 'minified, no source map');
    assert.ok(bundle.length / bundle.toString('utf8').split('\n').length > 400, 'minified (long lines)');
  });

  it('installs into the VS Code server', function () {
    const ext = path.join(tmp, 'extensions');
    const r = installVsix(vsix, ext);
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    const dir = path.join(ext, `${PKG.publisher}.${PKG.name}-${PKG.version}`);
    assert.ok(existsSync(path.join(dir, 'package.json')), `${dir}/package.json\n${r.stdout}`);
    assert.ok(existsSync(path.join(dir, 'dist', 'extension.js')));
    assert.match(
      listExtensions(ext),
      new RegExp(`^${PKG.publisher}\\.${PKG.name}@${PKG.version.replace(/\./g, '\\.')}$`, 'm'),
    );
  });
});
