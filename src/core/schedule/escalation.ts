/**
 * Escalation ladders (docs/format.md "Escalation ladders"): an item late by L workdays is
 * escalated to the last tier of its ladder whose `after` is less than L. The ladder is
 * `policy.escalation[its priority]`, else `policy.escalation.default`; the older
 * `escalate_after`/`escalate_to` are a one-tier default ladder.
 */
import { durationWorkdays, type Plan, type Priority } from '../model';

export interface Escalation {
  escalate: boolean;
  /** Person id of the tier reached; only when `escalate` and the tier names someone. */
  escalateTo?: string;
  /** The tier reached, from 1, and how many the ladder has; only when `escalate`. */
  tier?: number;
  tiers?: number;
}

/** One rung, in workdays. `to` is undefined for the old one-tier ladder with no `escalate_to` nor `goal.owner`. */
export interface Rung {
  after: number;
  to?: string;
}

const ladders = new WeakMap<Plan, Map<Priority | 'default', readonly Rung[]>>();

/** The rungs an item of this priority climbs (none when the plan escalates nothing). */
export function ladderFor(plan: Plan, priority: Priority): readonly Rung[] {
  let byKey = ladders.get(plan);
  if (!byKey) ladders.set(plan, (byKey = buildLadders(plan)));
  return byKey.get(priority) ?? byKey.get('default') ?? [];
}

function buildLadders(plan: Plan): Map<Priority | 'default', readonly Rung[]> {
  const out = new Map<Priority | 'default', readonly Rung[]>();
  const written = plan.policy.escalation;
  if (written) {
    for (const [key, tiers] of written)
      out.set(
        key,
        tiers.map((t) => ({ after: durationWorkdays(t.after, plan.calendar), to: t.to })),
      );
    return out;
  }
  const after = plan.policy.escalateAfter;
  if (after) {
    const to = plan.policy.escalateTo ?? plan.goal.owner;
    out.set('default', [
      to === undefined
        ? { after: durationWorkdays(after, plan.calendar) }
        : { after: durationWorkdays(after, plan.calendar), to },
    ]);
  }
  return out;
}

/** Where an item of `priority`, `late` workdays late, stands on its ladder. */
export function escalationFor(plan: Plan, late: number, priority: Priority): Escalation {
  const rungs = ladderFor(plan, priority);
  let reached = -1;
  for (let i = 0; i < rungs.length; i++) if (rungs[i]!.after < late) reached = i;
  if (reached < 0) return { escalate: false };
  const to = rungs[reached]!.to;
  const e: Escalation = { escalate: true, tier: reached + 1, tiers: rungs.length };
  if (to !== undefined) e.escalateTo = to;
  return e;
}

/** The first person an item's owner answers to on its ladder, for check-ins (undefined when none). */
export function firstRungTo(plan: Plan, priority: Priority): string | undefined {
  return ladderFor(plan, priority)[0]?.to;
}

/**
 * How an escalation reads in views and tables, in one wording: `escalated to Casey Ito, tier 2
 * of 2` (no tier on a ladder of one), or `flagged for escalation` when the tier names nobody.
 * `name` is the recipient as the caller shows people (a name, an id), undefined when nobody.
 */
export function escalatedWords(name: string | undefined, e: { tier?: number; tiers?: number }): string {
  return name === undefined ? 'flagged for escalation' : `escalated to ${name}${tierText(e)}`;
}

/** `, tier 2 of 3`; nothing for a ladder of one tier. */
export function tierText(e: { tier?: number; tiers?: number }): string {
  return e.tiers !== undefined && e.tiers > 1 ? `, tier ${e.tier} of ${e.tiers}` : '';
}
