// esbuild settings shared by the Node bundles (the extension and the CLI).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * `yaml`'s ES module build, so esbuild can drop what the parser does not use (stringifying,
 * the YAML 1.1 schema...): its package `exports` give Node the CommonJS build, which cannot be
 * tree-shaken. Same source, same behaviour (the unit tests run the CommonJS build under tsc).
 */
export const yamlEsmAlias = {
  yaml: path.join(path.dirname(require.resolve('yaml/package.json')), 'browser', 'index.js'),
};

/**
 * The schema as bundled for completion and hover: a plain `description` is dropped where a
 * `markdownDescription` says the same for editors (the editors read only the latter), and so are
 * `$comment`s. The schema file itself, which other tools read, is unchanged.
 */
export const schemaForEditors = {
  name: 'schema-for-editors',
  setup(build) {
    build.onLoad({ filter: /[\\/]schemas[\\/]workback\.schema\.json$/ }, (args) => ({
      contents: JSON.stringify(withoutPlainDescriptions(JSON.parse(readFileSync(args.path, 'utf8')))),
      loader: 'json',
    }));
  },
};

function withoutPlainDescriptions(node, namesHere = false) {
  if (Array.isArray(node)) return node.map((n) => withoutPlainDescriptions(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (!namesHere && k === '$comment') continue;
    if (!namesHere && k === 'description' && typeof node.markdownDescription === 'string') continue;
    out[k] = withoutPlainDescriptions(v, !namesHere && ['properties', 'definitions', 'patternProperties'].includes(k));
  }
  return out;
}
