/**
 * The plan schema as JSON, for schemaView (completion, hover, the wording of schema errors).
 * A bundle may provide it otherwise: the Node extension host reads the schema file shipped beside
 * it on first use (esbuild.mjs, src/extension/schemaFile.ts), so that its 40 KB of documentation
 * is not part of the code the host loads at start.
 */
import schema from '../../schemas/workback.schema.json';

export function loadSchema(): Record<string, unknown> {
  return schema as unknown as Record<string, unknown>;
}
