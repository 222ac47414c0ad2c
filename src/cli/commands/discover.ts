/** Saying what file discovery found wrong, the same way for every command. */
import type { Discovery } from '../files';
import type { Output } from '../output';

/** Print notes and problems; false when there are problems (the command exits with 2). */
export async function reportDiscovery(found: Discovery, out: Output): Promise<boolean> {
  for (const note of new Set(found.notes)) await out.problem(`note: ${note}`);
  for (const message of found.unreadable) await out.problem(message);
  for (const problem of found.problems) await out.problem(problem);
  if (found.problems.length > 0) return false;
  if (found.files.length === 0)
    await out.problem('note: no plan files (*.workback.yaml, *.workback.yml) under the working directory');
  return true;
}
