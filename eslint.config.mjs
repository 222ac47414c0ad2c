// ESLint flat config: typescript-eslint's recommended rules, and the architecture's arrows
// (src/core pure; see docs/architecture.md) as per-folder no-restricted-imports:
//   src/core      only yaml, ajv and relative core files (no vscode, Node, Mermaid)
//   src/cli       no vscode, no Mermaid, nothing of the extension or the webview
//   src/webview   only mermaid and src/shared
//   src/webview/pure  only src/shared and other pure files (no Mermaid, no DOM: the root
//                 tsconfig compiles it without the DOM library)
//   src/extension no Mermaid, nothing of the webview (or the CLI)
import tseslint from 'typescript-eslint';

/** A relative import that reaches into one of these top folders of src/. */
const into = (...folders) => `^\\.{1,2}/(.*/)?(${folders.join('|')})(/|$)`;

const restrict = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

const nodeGlobals = Object.fromEntries([
  'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'setTimeout', 'clearTimeout',
  'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'structuredClone', 'performance', 'AbortController',
  'globalThis', '__dirname', '__filename', 'require', 'module', 'exports',
].map((g) => [g, 'readonly']));

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', '.vscode-test/**', '.bench/**', '.scratch/**', 'test/fixtures/**', '**/*.vsix'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // tests may be terse: require() a fixture, `a.push(x), b.push(y)`
    files: ['test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // browser-side test code (page.evaluate callbacks) sees DOM globals
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { getComputedStyle: 'readonly', document: 'readonly', window: 'readonly' } },
  },
  restrict(['src/core/**/*.ts'], [
    {
      regex: '^(?!\\.{1,2}/|yaml$|yaml/|ajv$|ajv/)',
      message: 'src/core is pure: it may import only yaml, ajv and other core files (no vscode, Node built-ins or mermaid).',
    },
    { regex: into('extension', 'cli', 'webview', 'shared'), message: 'src/core may import only core files.' },
  ]),
  restrict(['src/cli/**/*.ts'], [
    { regex: '^(vscode|mermaid)(/|$)', message: 'The CLI runs without VS Code and without Mermaid.' },
    { regex: into('extension', 'webview'), message: 'The CLI may use src/core, not the extension or the webview.' },
  ]),
  restrict(['src/webview/**/*.ts'], [
    { regex: '^(?!mermaid($|/)|\\.{1,2}/)', message: 'The webview may import only mermaid and src/shared.' },
    { regex: into('core', 'extension', 'cli'), message: 'The webview may import only mermaid and src/shared.' },
  ]),
  restrict(['src/webview/pure/**/*.ts'], [
    { regex: '^(?!\\.{1,2}/)', message: 'src/webview/pure is the page without the DOM: it may import only src/shared and other pure files (no Mermaid).' },
    { regex: '^\\.\\./(?!\\.\\./shared/)', message: 'src/webview/pure may import only src/shared and other pure files, not the page\'s DOM code.' },
  ]),
  restrict(['src/extension/**/*.ts'], [
    { regex: '^mermaid($|/)', message: 'Mermaid runs in the webview bundle only, never in the extension host.' },
    { regex: into('webview', 'cli'), message: 'The extension may use src/core and src/shared, not the webview or the CLI.' },
    { regex: '^(node:)?fs(/promises)?$', message: 'The extension reads files through vscode.workspace.fs, never Node fs.' },
  ]),
);
