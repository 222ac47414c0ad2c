/** Who "me" is in a plan: person ids given directly, or emails (compared case-insensitively). */
import type { Plan } from '../model';

/** The person ids of `plan` that match one of `me` (an id exactly, or an email ignoring case), in `people` order. */
export function resolveMe(plan: Plan, me: readonly string[]): string[] {
  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const raw of me) {
    const m = raw.trim();
    if (!m) continue;
    ids.add(m);
    if (m.includes('@')) emails.add(m.toLowerCase());
  }
  const out: string[] = [];
  for (const [id, person] of plan.people) {
    if (ids.has(id) || (person.email !== undefined && emails.has(person.email.trim().toLowerCase()))) out.push(id);
  }
  return out;
}
