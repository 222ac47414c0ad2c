/**
 * The plan schema for the Node extension host, loaded from the file shipped in the extension
 * (schemas/workback.schema.json, also its yamlValidation schema) the first time completion, a
 * hover or a schema error needs it, as the templates are (language/templates.ts): by the module
 * loader, from the extension's own folder. esbuild.mjs builds the Node bundles of the extension
 * with this module in place of src/core/schemaSource.ts; the web host and the CLI bundle the schema.
 */
import * as path from 'node:path';

export function loadSchema(): Record<string, unknown> {
  // dist/extension.js and dist/onDemand.js, in the repository as in the .vsix: the schema is at ../schemas/
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, on purpose
  return require(path.join(__dirname, '..', 'schemas', 'workback.schema.json')) as Record<string, unknown>;
}
