/** The js-yaml event stream through the TreeBuilder: a second, independent parser for the block engine's differential tests. */
export { parseFast as parseJsYaml } from '../../../src/core/parse/fastEngine';
