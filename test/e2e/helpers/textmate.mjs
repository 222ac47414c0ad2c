// Tokenize text with VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma from
// the installed VS Code server) and its built-in YAML grammars, plus the project's grammar:
// what the editor does, without a browser.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { VSCODE_HOME } from '../../../tools/vscode-runtime/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export async function loadRegistry() {
  const req = createRequire(path.join(VSCODE_HOME, 'package.json'));
  const tm = req('vscode-textmate');
  const onig = req('vscode-oniguruma');
  const wasm = readFileSync(path.join(path.dirname(req.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  // every grammar of the built-in yaml extension, by scope name
  const files = new Map();
  const yamlExt = path.join(VSCODE_HOME, 'extensions', 'yaml');
  const pkg = JSON.parse(readFileSync(path.join(yamlExt, 'package.json'), 'utf8'));
  for (const g of pkg.contributes.grammars) files.set(g.scopeName, path.join(yamlExt, g.path));
  files.set('source.workback', path.join(ROOT, 'syntaxes', 'workback.tmLanguage.json'));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new onig.OnigScanner(s),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const f = files.get(scope);
      return f ? tm.parseRawGrammar(readFileSync(f, 'utf8'), f) : null;
    },
  });
  return { registry, tm };
}

/** Tokens of every line: [{ text, scopes }] per line. */
export async function tokenize(text, scope = 'source.workback') {
  const { registry, tm } = await loadRegistry();
  const grammar = await registry.loadGrammar(scope);
  let state = tm.INITIAL;
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, state);
    out.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = r.ruleStack;
  }
  return out;
}

export { readdirSync };
