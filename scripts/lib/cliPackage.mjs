// The CLI's npm package: its package.json and README, made from the root package.json and
// docs/cli.md (scripts/packCli.mjs stages them; test/e2e/packCli.test.mjs checks the result).

/** Where the documentation the README links to is published (the README is docs/cli.md). */
const DOCS = 'https://workback.dev/docs/';

/** The CLI package's manifest: only what the CLI needs, not private, `files` limited. */
export function cliManifest(pkg) {
  return {
    name: pkg.name,
    version: pkg.version,
    description:
      'Check workback plans (*.workback.yaml) in CI and answer from the terminal: schedule, my tasks, follow-ups, Gantt.',
    license: pkg.license,
    keywords: pkg.keywords,
    homepage: 'https://workback.dev',
    bin: { workback: 'bin/workback.js' },
    files: ['bin/workback.js'],
    engines: { node: pkg.engines.node },
  };
}

/** docs/cli.md as the package's README: its links to the other documents made absolute. */
export function cliReadme(markdown) {
  return markdown.replace(
    /\]\((?!https?:|#)([\w.-]+\.md)(#[\w-]*)?\)/g,
    (_m, file, anchor = '') => `](${DOCS}${file}${anchor})`,
  );
}
