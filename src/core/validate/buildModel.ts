/**
 * The typed plan from the source tree, best effort: a field with a wrong type or form is
 * left out (the schema check already said so), so the semantic checks can still run on the
 * rest. Dates that have the right form but are not real days are reported here.
 */
import { WEEKDAY_NAMES, type Weekday } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import {
  LADDER_KEYS,
  type Calendar,
  type EscalationTier,
  type Goal,
  type LadderKey,
  type Person,
  type Plan,
  type Policy,
} from '../model';
import { keySpan, spanOf, type MapNode, type SourceNode } from '../sourceTree';
import { buildItems } from './buildItems';
import { daysOf } from '../dayRanges';
import { dayRanges, freezes } from './dayRanges';
import { afterDuration, dayReader, duration, get, map, seq, str, texts, type DayReader } from './nodeValues';

const EMPTY_MAP: MapNode = { kind: 'map', flow: false, pairs: [], byKey: new Map(), start: 0, end: 0 };

export function buildModel(root: MapNode): { plan: Plan; diagnostics: RawDiagnostic[] } {
  const diagnostics: RawDiagnostic[] = [];
  const day = dayReader(diagnostics);
  const goal = buildGoal(root, day);
  const calendar = buildCalendar(map(get(root, 'calendar')), day, diagnostics);
  const people = buildPeople(map(get(root, 'people')), day, diagnostics);
  const policy = buildPolicy(map(get(root, 'policy')));
  const { milestones, tasks, items } = buildItems(seq(get(root, 'milestones')), day);
  const plan: Plan = {
    version: 1,
    title: str(get(root, 'title')) ?? '',
    goal,
    start: day(get(root, 'start'), 'start'),
    calendar,
    people,
    policy,
    milestones,
    tasks,
    items,
    root,
  };
  return { plan, diagnostics };
}

/** The goal; a plan without one gets an empty goal (no outcome, no due day) on an empty mapping. */
function buildGoal(root: MapNode, day: DayReader): Goal {
  const goalNode = map(get(root, 'goal')) ?? EMPTY_MAP;
  return {
    outcome: str(get(goalNode, 'outcome')) ?? '',
    measure: str(get(goalNode, 'measure')),
    due: day(get(goalNode, 'due'), 'goal.due') ?? NaN,
    owner: str(get(goalNode, 'owner')),
    achievedOn: day(get(goalNode, 'achieved_on'), 'goal.achieved_on'),
    consulted: texts(get(goalNode, 'consulted')),
    informed: texts(get(goalNode, 'informed')),
    keySpan: keySpan(root, 'goal'),
    node: goalNode,
  };
}

/** Workdays and holidays sorted, without repeats; Monday to Friday when the plan names no workdays. */
function buildCalendar(calNode: MapNode | undefined, day: DayReader, out: RawDiagnostic[]): Calendar {
  const workdays: Weekday[] = [];
  const wdNode = get(calNode, 'workdays');
  if (wdNode?.kind === 'seq') {
    for (const item of wdNode.items) {
      const i = WEEKDAY_NAMES.indexOf(str(item) as (typeof WEEKDAY_NAMES)[number]);
      if (i >= 0 && !workdays.includes(i as Weekday)) workdays.push(i as Weekday);
    }
    workdays.sort((a, b) => a - b);
  } else workdays.push(0, 1, 2, 3, 4);
  return {
    workdays,
    holidays: daysOf(dayRanges(get(calNode, 'holidays'), day, 'holiday', out)),
    freezes: freezes(get(calNode, 'freezes'), day, out),
  };
}

/** People by id, in file order; a person's name is the id when the plan gives none. */
function buildPeople(peopleNode: MapNode | undefined, day: DayReader, out: RawDiagnostic[]): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const p of peopleNode?.pairs ?? []) {
    if (people.has(p.key.text)) continue;
    const pn = map(p.value);
    people.set(p.key.text, {
      id: p.key.text,
      name: str(get(pn, 'name')) ?? p.key.text,
      email: str(get(pn, 'email')),
      role: str(get(pn, 'role')),
      capacity: capacity(get(pn, 'capacity')),
      away: dayRanges(get(pn, 'away'), day, `leave of ${p.key.text}`, out),
      keySpan: spanOf(p.key),
      node: pn,
    });
  }
  return people;
}

/** `capacity`: a whole number 1..100, else the default 1 (the schema reports the rest). */
function capacity(n: SourceNode | undefined): number {
  const v = n?.kind === 'scalar' ? n.value : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100 ? v : 1;
}

function buildPolicy(policyNode: MapNode | undefined): Policy {
  const policy: Policy = {
    checkInEvery: duration(get(policyNode, 'check_in_every')),
    escalateAfter: duration(get(policyNode, 'escalate_after')),
    escalateTo: str(get(policyNode, 'escalate_to')),
  };
  const ladders = map(get(policyNode, 'escalation'));
  if (ladders) policy.escalation = buildLadders(ladders);
  return policy;
}

/** `policy.escalation`: each ladder's usable tiers, as written (semantic checks say whether they rise). */
function buildLadders(node: MapNode): Map<LadderKey, EscalationTier[]> {
  const out = new Map<LadderKey, EscalationTier[]>();
  for (const key of LADDER_KEYS) {
    const list = get(node, key);
    if (list === undefined) continue;
    const tiers: EscalationTier[] = [];
    for (const item of seq(list)) {
      const tn = map(item);
      const after = afterDuration(get(tn, 'after'));
      const to = str(get(tn, 'to'));
      if (tn && after && to !== undefined) tiers.push({ after, to, node: tn });
    }
    out.set(key, tiers);
  }
  return out;
}
