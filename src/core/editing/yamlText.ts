/** Small pieces of YAML and snippet text written by the editing features. */
import { formatScalar } from '../edit/scalar';

/** Ids and person ids: `^[A-Za-z0-9][A-Za-z0-9_.-]*$`, at most 100 characters (the schema's rule). */
export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const ID_MAX = 100;

export function isValidId(id: string): boolean {
  return id.length <= ID_MAX && ID_RE.test(id);
}

/** An id or person id as YAML (in block or flow context): quoted when YAML would read it as a number, a boolean or null. */
export function yamlId(id: string): string {
  return formatScalar(id, { flow: true });
}

/** Escape text for a snippet: `$`, `}` and `\` are snippet syntax. */
export function snippetText(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** Text as a YAML scalar on one line: plain when that reads back as the same text, else quoted with escapes. */
export function yamlScalar(text: string): string {
  return formatScalar(text.replace(/[\r\n]+/g, ' '), { flow: false });
}
