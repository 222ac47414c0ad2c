/** Checks that need the whole plan: ids, references, people, cycles, dues, done work. */
import { formatDay } from '../day';
import type { RawDiagnostic, Span } from '../diagnostic';
import { isFinished, type Milestone, type Plan, type Task } from '../model';
import { pairOf, spanOf, valueSpanOf, type MapNode } from '../sourceTree';
import { cycleIn, cycleNames, cyclicComponents, edgeSource, nodeName, orderedGraph } from '../graph';
import { methodChecks } from './method';
import { Suggester } from './suggest';

export function checkSemantics(plan: Plan): RawDiagnostic[] {
  const out: RawDiagnostic[] = [];
  duplicateIds(plan, out);
  references(plan, out);
  people(plan, out);
  cycles(plan, out);
  dues(plan, out);
  doneWork(plan, out);
  methodChecks(plan, out);
  return out;
}

function duplicateIds(plan: Plan, out: RawDiagnostic[]): void {
  if (plan.items.size === plan.milestones.length + plan.tasks.length) return; // every id once
  const all: (Task | Milestone)[] = [];
  for (const m of plan.milestones) {
    all.push(m);
    for (const t of m.tasks) all.push(t);
  }
  all.sort((a, b) => a.idSpan.start - b.idSpan.start);
  for (const item of all) {
    const first = plan.items.get(item.id)!;
    if (first === item) continue;
    out.push({
      code: 'duplicate-id',
      severity: 'error',
      message: `The id "${item.id}" is already used by the ${first.kind} "${first.title}"; ids must be unique across the file.`,
      span: item.idSpan,
      related: [{ message: 'first used here', span: first.idSpan }],
      data: { id: item.id },
    });
  }
}

/** A "did you mean" index of `names`, built the first time a reported problem asks. */
function lazySuggester(names: () => Iterable<string>): () => Suggester {
  let built: Suggester | undefined;
  return () => (built ??= new Suggester(names()));
}

const didYouMean = (suggestions: readonly string[]): string =>
  ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`;

// The suggestions are searched only for the problems that are reported (`details`): past the
// problem cap, an unknown reference costs a map lookup.
function references(plan: Plan, out: RawDiagnostic[]): void {
  const ids = lazySuggester(() => plan.items.keys());
  const check = (owner: Task | Milestone) => {
    const seen = owner.dependsOn.length > 1 ? new Set<string>() : undefined;
    for (const r of owner.dependsOn) {
      if (seen?.has(r.id)) {
        out.push({
          code: 'duplicate-dependency',
          severity: 'information',
          message: `${owner.id} already depends on "${r.id}": the repeat changes nothing.`,
          span: r.span,
          data: { id: r.id },
        });
        continue;
      }
      seen?.add(r.id);
      if (plan.items.has(r.id)) continue;
      const message = (suggestions: readonly string[]) =>
        `"${r.id}" is not a task or milestone of this plan.${suggestions.length ? didYouMean(suggestions) : ''}`;
      out.push({
        code: 'unknown-id',
        severity: 'error',
        message: message([]),
        span: r.span,
        data: { id: r.id, suggestions: [] },
        details: () => {
          const suggestions = ids().nearest(r.id);
          return { message: message(suggestions), data: { id: r.id, suggestions } };
        },
      });
    }
  };
  for (const m of plan.milestones) {
    check(m);
    m.tasks.forEach(check);
  }
}

function people(plan: Plan, out: RawDiagnostic[]): void {
  // the role is worded, and the suggestions searched, only for an unknown person (the
  // suggestions only for one that is reported: `details`)
  const names = lazySuggester(() => plan.people.keys());
  const report = (id: string, span: Span, role: string) => {
    const message = (suggestions: readonly string[]) =>
      `"${id}" (${role}) is not in people.${suggestions.length ? didYouMean(suggestions) : ' Add them to people.'}`;
    out.push({
      code: 'unknown-person',
      severity: 'error',
      message: message([]),
      span,
      data: { person: id, suggestions: [] },
      details: () => {
        const suggestions = names().nearest(id);
        return { message: message(suggestions), data: { person: id, suggestions } };
      },
    });
  };
  const check = (id: string | undefined, node: MapNode | undefined, key: string, role: () => string) => {
    if (id === undefined || node === undefined || plan.people.has(id)) return;
    const span = valueSpanOf(node, key);
    if (span !== undefined) report(id, span, role());
  };
  const list = (node: MapNode | undefined, key: string, role: () => string) => {
    const v = node && pairOf(node, key)?.value;
    if (v?.kind !== 'seq') return;
    for (const item of v.items)
      if (item.kind === 'scalar' && typeof item.value === 'string' && !plan.people.has(item.value))
        report(item.value, spanOf(item), role());
  };
  const goal = plan.goal.node;
  check(plan.goal.owner, goal, 'owner', () => 'goal owner');
  list(goal, 'consulted', () => 'consulted on the goal');
  list(goal, 'informed', () => 'informed of the goal');
  const policy = pairOf(plan.root, 'policy')?.value;
  if (policy?.kind === 'map') check(plan.policy.escalateTo, policy, 'escalate_to', () => 'escalate_to');
  for (const [key, tiers] of plan.policy.escalation ?? [])
    tiers.forEach((t, i) => check(t.to, t.node, 'to', () => `escalation ${key}, tier ${i + 1}`));
  for (const m of plan.milestones) {
    check(m.review?.by, m.node, 'review_by', () => `review_by of ${m.id}`);
    list(m.node, 'consulted', () => `consulted on ${m.id}`);
    list(m.node, 'informed', () => `informed of ${m.id}`);
  }
  for (const t of plan.tasks) {
    check(t.owner || undefined, t.node, 'owner', () => `owner of ${t.id}`);
    check(t.review?.by, t.node, 'review_by', () => `review_by of ${t.id}`);
    const interim = t.interim?.node;
    if (interim?.byKey.has('owner')) check(t.interim!.owner, interim, 'owner', () => `interim owner of ${t.id}`);
    for (const f of t.followUps) check(f.with, f.node, 'with', () => `follow-up with, on ${t.id}`);
  }
}

const MAX_NAMED = 12;

function cycles(plan: Plan, out: RawDiagnostic[]): void {
  // The common case, no cycle, is answered by the order the scheduler walks (built once per
  // plan); the components are searched only to name the cycles.
  const { graph: g, complete } = orderedGraph(plan);
  if (complete) return;
  for (const comp of cyclicComponents(g)) {
    const edges = cycleIn(g, comp);
    if (!edges.length) continue;
    const names = cycleNames(
      g,
      edges.map((e) => edgeSource(g, e)),
    );
    names.push(names[0]!);
    const shown =
      names.length > MAX_NAMED
        ? [...names.slice(0, MAX_NAMED / 2), `... (${names.length - MAX_NAMED} more)`, ...names.slice(-MAX_NAMED / 2)]
        : names;
    const message = `Dependency cycle: ${shown.join(' → ')}. Nothing in it can ever start; remove one of these dependencies.`;
    const written = edges.filter((e) => g.spans[e]);
    for (const e of written) {
      out.push({
        code: 'dependency-cycle',
        severity: 'error',
        message,
        span: g.spans[e]!,
        data: { cycle: names, from: nodeName(g, edgeSource(g, e)), to: nodeName(g, g.waitsFor[e]!) },
      });
    }
  }
}

function dues(plan: Plan, out: RawDiagnostic[]): void {
  const goalDue = plan.goal.due;
  const warn = (span: Span | undefined, own: number, binding: number, what: string, bindingSpan: Span | undefined) => {
    if (!span) return;
    out.push({
      code: 'due-after-binding',
      severity: 'warning',
      message: `due ${formatDay(own)} is later than ${what} (${formatDay(binding)}), which already binds it: this due changes nothing. Remove it or bring it forward.`,
      span,
      related: bindingSpan ? [{ message: what, span: bindingSpan }] : undefined,
      data: { binding: formatDay(binding) },
    });
  };
  const goalSpan = valueSpanOf(plan.goal.node, 'due');
  for (const m of plan.milestones) {
    if (m.due !== undefined && m.due > goalDue)
      warn(valueSpanOf(m.node, 'due'), m.due, goalDue, "the goal's due", goalSpan);
    for (const t of m.tasks) {
      if (t.due === undefined) continue;
      if (m.due !== undefined && t.due > m.due)
        warn(valueSpanOf(t.node, 'due'), t.due, m.due, `the due of its milestone ${m.id}`, valueSpanOf(m.node, 'due'));
      else if (t.due > goalDue) warn(valueSpanOf(t.node, 'due'), t.due, goalDue, "the goal's due", goalSpan);
    }
  }
}

function doneWork(plan: Plan, out: RawDiagnostic[]): void {
  // once per milestone: a done task per dependency on a large milestone would be quadratic
  const openTask = new Map<Milestone, Task | undefined>();
  const unfinished = (id: string): string | undefined => {
    const item = plan.items.get(id);
    if (!item) return undefined;
    if (item.kind === 'task') return item.status === 'done' ? undefined : `task ${id} is ${item.status}`;
    if (!openTask.has(item))
      openTask.set(
        item,
        item.tasks.find((t) => t.status !== 'done'),
      );
    const open = openTask.get(item);
    if (open) return `milestone ${id} has unfinished task ${open.id}`;
    // a finished plan owes no review (docs/format.md "Finishing")
    const review = isFinished(plan) ? undefined : item.review;
    return review && review.on === undefined ? `milestone ${id} awaits review by ${review.by}` : undefined;
  };
  const milestones = new Map(plan.milestones.map((m) => [m.id, m] as const));
  const milestoneOpen = firstOpenDependency(unfinished);
  for (const t of plan.tasks) {
    if (t.status !== 'doing' && t.remaining !== undefined) {
      const p = pairOf(t.node, 'remaining');
      if (p)
        out.push({
          code: 'remaining-not-doing',
          severity: 'warning',
          message:
            t.status === 'done'
              ? `remaining is set but ${t.id} is done: nothing is left of it; remove remaining.`
              : `remaining is set but ${t.id} is ${t.status}: only a task in progress (status: doing) has work left from today; it is planned with its full duration.`,
          span: spanOf(p.key),
        });
    }
    if (t.status !== 'done') {
      const p = pairOf(t.node, 'done_on');
      if (p)
        out.push({
          code: 'done-on-not-done',
          severity: 'warning',
          message: `done_on is set but ${t.id} is ${t.status}: set status: done, or remove done_on.`,
          span: spanOf(p.key),
        });
      continue;
    }
    for (const r of t.dependsOn) {
      const why = unfinished(r.id);
      if (why)
        out.push({
          code: 'done-depends-on-open',
          severity: 'warning',
          message: `${t.id} is done but depends on ${r.id}, which is not finished (${why}).`,
          span: r.span,
          data: { id: r.id },
        });
    }
    const m = milestones.get(t.milestone);
    const open = m && milestoneOpen(m);
    const span = open && valueSpanOf(t.node, 'status');
    if (open && span) {
      const more = open.more ? `, and on ${open.more} more unfinished item${open.more === 1 ? '' : 's'}` : '';
      out.push({
        code: 'done-depends-on-open',
        severity: 'warning',
        message: `${t.id} is done but its milestone ${m.id} depends on ${open.id}, which is not finished (${open.why})${more}.`,
        span,
        data: { id: open.id },
      });
    }
  }
}

/**
 * The first unfinished dependency of a milestone, and how many more there are: one problem per
 * done task of the milestone, not one per task and dependency (that many would grow with the
 * square of the plan).
 */
function firstOpenDependency(
  unfinished: (id: string) => string | undefined,
): (m: Milestone) => { id: string; why: string; more: number } | undefined {
  const known = new Map<Milestone, { id: string; why: string; more: number } | undefined>();
  return (m) => {
    if (known.has(m)) return known.get(m);
    let first: { id: string; why: string; more: number } | undefined;
    for (const r of m.dependsOn) {
      const why = unfinished(r.id);
      if (!why) continue;
      if (first) first.more++;
      else first = { id: r.id, why, more: 0 };
    }
    known.set(m, first);
    return first;
  };
}
