/**
 * The new-plan templates, loaded the first time New Plan… needs them: dist/templates.js is a
 * bundle of its own (esbuild.mjs), so that the 15 KB of template text is not loaded when the
 * extension starts. templates.browser.ts, for the web worker host, bundles them instead.
 */
import * as path from 'node:path';
import type * as Templates from '../../templates';

export type TemplatesModule = typeof Templates;

let loaded: TemplatesModule | undefined;

export function templates(): TemplatesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, on purpose
  return (loaded ??= require(path.join(__dirname, 'templates.js')) as TemplatesModule);
}
