/**
 * What each bundle carries (esbuild's metafile, and the built files in dist/): Mermaid never loads
 * in the extension host, the webview gets data and not the checker, the schema validator is
 * generated code without the ajv compiler. Needs only esbuild, so it runs with the unit tests.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every input esbuild would put in the bundle of an entry point (nothing is written). */
async function inputs(entry: string, options: esbuild.BuildOptions): Promise<string[]> {
  const r = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: path.join(ROOT, 'out', 'bundle-meta'),
    ...options,
  });
  return Object.keys(r.metafile?.inputs ?? {});
}

/** The sources of a built bundle, where a source map sits beside it (a development build). */
function mappedSources(file: string): string[] {
  return existsSync(`${file}.map`)
    ? (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources
    : [];
}

describe('the bundles', function () {
  this.timeout(60000);

  it('the extension host: the core and its YAML parser, no ajv compiler, no Mermaid, nothing of the webview', async () => {
    const ext = await inputs('src/extension/extension.ts', { platform: 'node', format: 'cjs', external: ['vscode'] });
    assert.ok(
      ext.some((i) => i.includes('node_modules/yaml/')),
      'sanity: the core and its YAML parser are in',
    );
    assert.deepEqual(
      ext.filter((i) => /node_modules\/(ajv\/dist\/(?!runtime\/)|fast-uri)/.test(i)),
      [],
      'the schema validator is generated code: no ajv compiler',
    );
    assert.deepEqual(
      ext.filter((i) => /node_modules\/(mermaid|d3|dagre|cytoscape|katex)/.test(i)),
      [],
      'Mermaid never loads in the extension host',
    );
    assert.deepEqual(
      ext.filter((i) => /(^|\/)src\/webview\//.test(i)),
      [],
      'nothing of the webview',
    );
  });

  it('the webview: Mermaid, but no ajv, no YAML parser, nothing of the core or the extension', async () => {
    const web = await inputs('src/webview/timeline.ts', { platform: 'browser', format: 'iife' });
    assert.ok(
      web.some((i) => i.includes('node_modules/mermaid/')),
      'sanity: Mermaid is in',
    );
    assert.deepEqual(
      web.filter((i) => /node_modules\/(ajv|yaml|js-yaml)\//.test(i) || /(^|\/)src\/(core|extension)\//.test(i)),
      [],
      'the webview gets data, not the checker',
    );
  });

  it('the built files in dist/ agree', function () {
    const ext = path.join(ROOT, 'dist', 'extension.js');
    const web = path.join(ROOT, 'dist', 'webview', 'timeline.js');
    if (!existsSync(ext) || !existsSync(web))
      assert.fail('dist/ is not built: run `node esbuild.mjs` (npm test builds it first)');
    const extText = readFileSync(ext, 'utf8');
    for (const marker of ['mermaidAPI', 'mermaid.initialize', 'DOMPurify', 'securityLevel'])
      assert.ok(!extText.includes(marker), `${marker} in dist/extension.js`);
    assert.deepEqual(
      mappedSources(ext).filter((s) => /node_modules[\\/](mermaid|@mermaid-js|dompurify|d3)/.test(s)),
      [],
    );
    const webText = readFileSync(web, 'utf8');
    assert.ok(!webText.includes('ajv'), 'ajv in dist/webview/timeline.js');
    assert.ok(webText.includes('mermaidAPI') || webText.includes('securityLevel'), 'Mermaid is in the webview bundle');
    assert.deepEqual(
      mappedSources(web).filter((s) => /node_modules[\\/](ajv|yaml|js-yaml)|src[\\/](core|extension|cli)[\\/]/.test(s)),
      [],
    );
  });

  it('the extension for the web worker host (dist/web/extension.js): no Node built-in, git never run', () => {
    const file = path.join(ROOT, 'dist', 'web', 'extension.js');
    assert.ok(existsSync(file), 'npm run build writes it (every test run builds first)');
    const code = readFileSync(file, 'utf8');
    // a require call of the bundle (not the text ajv's code generator writes inside a string)
    const required = new Set([...code.matchAll(/(?<!['"])\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    const sources = mappedSources(file);
    assert.ok(
      sources.some((s) => s.endsWith('gitEmail.browser.ts')),
      'the browser twin of gitEmail.ts',
    );
    assert.deepEqual(
      sources.filter((s) => /(^|[\\/])gitEmail\.ts$|^node:|node_modules[\\/]mermaid/.test(s)),
      [],
    );
    for (const builtin of ['child_process', 'node:os', 'node:crypto', 'node:fs'])
      assert.ok(!code.includes(`require("${builtin}")`), builtin);
  });
});
