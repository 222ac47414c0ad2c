// ESLint flat config: typescript-eslint's recommended rules, and the architecture's arrows
// (src/core pure; see docs/architecture.md) as per-folder no-restricted-imports:
//   src/core      only yaml, ajv and relative core files (no vscode, Node, Mermaid)
//   src/cli       no vscode, no Mermaid, nothing of the extension or the webview
//   src/webview   only mermaid and src/shared
//   src/webview/pure  only src/shared and other pure files (no Mermaid, no DOM: the root
//                 tsconfig compiles it without the DOM library)
//   src/extension no Mermaid, nothing of the webview (or the CLI)
//   src/templates only src/core and other template files
//   src/shared    only other shared files
// Outside src/core, the core is one module: src/core/index.ts, never a file inside it. (Tests
// and benchmarks may reach into the core's files: they test its parts.) A folder's block
// replaces the rule for its files, so each block lists every pattern that holds there.
import tseslint from 'typescript-eslint';

/** A relative import that reaches into one of these top folders of src/. */
const into = (...folders) => `^\\.{1,2}/(.*/)?(${folders.join('|')})(/|$)`;

/** A relative import of a core file other than its index (src/core/index.ts). */
const coreInternals = {
  regex: '^\\.{1,2}/(.*/)?core/(?!index$).',
  message: 'Outside src/core, import the core through src/core/index.ts (export what is missing there).',
};

const restrict = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'performance',
    'AbortController',
    'globalThis',
    '__dirname',
    '__filename',
    'require',
    'module',
    'exports',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'test-results/**',
      '.vscode-test/**',
      '.bench/**',
      'bin/workback.js',
      '.scratch/**',
      'test/fixtures/**',
      '**/*.vsix',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
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
  restrict(
    ['src/core/**/*.ts'],
    [
      {
        regex: '^(?!\\.{1,2}/|yaml$|yaml/|ajv$|ajv/)',
        message:
          'src/core is pure: it may import only yaml, ajv and other core files (no vscode, Node built-ins or mermaid).',
      },
      { regex: into('extension', 'cli', 'webview', 'shared'), message: 'src/core may import only core files.' },
    ],
  ),
  restrict(
    ['src/cli/**/*.ts'],
    [
      { regex: '^(vscode|mermaid)(/|$)', message: 'The CLI runs without VS Code and without Mermaid.' },
      { regex: into('extension', 'webview'), message: 'The CLI may use src/core, not the extension or the webview.' },
      coreInternals,
    ],
  ),
  restrict(
    ['src/webview/**/*.ts'],
    [
      { regex: '^(?!mermaid($|/)|\\.{1,2}/)', message: 'The webview may import only mermaid and src/shared.' },
      { regex: into('core', 'extension', 'cli'), message: 'The webview may import only mermaid and src/shared.' },
    ],
  ),
  restrict(
    ['src/webview/pure/**/*.ts'],
    [
      {
        regex: '^(?!\\.{1,2}/)',
        message:
          'src/webview/pure is the page without the DOM: it may import only src/shared and other pure files (no Mermaid).',
      },
      {
        regex: '^\\.\\./(?!\\.\\./shared/)',
        message: "src/webview/pure may import only src/shared and other pure files, not the page's DOM code.",
      },
    ],
  ),
  restrict(
    ['src/extension/**/*.ts'],
    [
      { regex: '^mermaid($|/)', message: 'Mermaid runs in the webview bundle only, never in the extension host.' },
      {
        regex: into('webview', 'cli'),
        message: 'The extension may use src/core and src/shared, not the webview or the CLI.',
      },
      {
        regex: '^(node:)?fs(/promises)?$',
        message: 'The extension reads files through vscode.workspace.fs, never Node fs.',
      },
      coreInternals,
    ],
  ),
  restrict(
    ['src/templates/**/*.ts'],
    [
      {
        regex: '^(?!\\.{1,2}/)',
        message: 'Templates are pure: no packages, no vscode, no Node built-ins; they use src/core.',
      },
      {
        regex: into('extension', 'cli', 'webview', 'shared'),
        message: 'Templates may import only src/core and other template files.',
      },
      coreInternals,
    ],
  ),
  restrict(
    ['src/shared/**/*.ts'],
    [
      {
        regex: '^(?!\\./)',
        message: 'src/shared is shared by the extension host and the webview page: it imports only other shared files.',
      },
    ],
  ),
  {
    // Type-aware rules where promises meet callbacks (VS Code's events, commands and Node's
    // streams), as vscode-eslint has them: a promise nobody awaits loses its rejection, and an
    // async function handed to a void callback runs unawaited. They need the type checker, so
    // they cover the host-side code only (about half of lint's time).
    files: ['src/extension/**/*.ts', 'src/cli/**/*.ts', 'src/webview/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
);
