/**
 * The CLI's version, from package.json. esbuild bundles only this one field into dist/cli.js
 * (a named import of JSON is tree-shaken), so the bundle works from any cwd.
 */
import { version } from '../../package.json';

export const VERSION: string = version;
