/**
 * What a person is shown of an unexpected error (a bug): its kind and the first line of its
 * message, never a stack trace and never a file path, which would name the user's machine.
 */

/** An absolute path or file URL: `/home/x/a.js`, `C:\x\a.js`, `\\host\share`, `file:///x`. */
const ABSOLUTE_PATH = /(?<![\w.~-])(?:file:\/\/|[A-Za-z]:[\\/]|\\\\|\/)[^\s'"`()<>]*/g;
const MAX_LENGTH = 200;

export function describeFailure(e: unknown): string {
  const name = e instanceof Error ? e.name || 'Error' : typeof e;
  const message = e instanceof Error ? e.message : String(e);
  let line = (message.split(/\r\n|\r|\n/, 1)[0] ?? '').replace(ABSOLUTE_PATH, '<path>');
  if (line.length > MAX_LENGTH) line = `${line.slice(0, MAX_LENGTH - 3)}...`;
  return line ? `${name}: ${line}` : name;
}
