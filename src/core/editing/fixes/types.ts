/** What every quick fix takes and gives, and the small lookups they share. */
import type { Day } from '../../day';
import type { Diagnostic } from '../../diagnostic';
import type { PlanEditResult } from '../../edit/planEdits';
import { chainTo, type NodeStep } from '../../edit/nodes';
import type { TextEdit } from '../../edit/text';
import type { Plan } from '../../model';
import type { MapNode, ScalarNode, SeqNode, SourceNode } from '../../sourceTree';
import { inertText } from '../inertText';

export interface QuickFix {
  title: string;
  /** Non-overlapping edits of the text the fix was computed for. */
  edits: TextEdit[];
  preferred?: boolean;
}

export interface FixInput {
  text: string;
  tree?: SourceNode;
  plan?: Plan;
  /** Every diagnostic of the text (a cycle's fix looks at its other edges). */
  diagnostics: readonly Diagnostic[];
  /** Today's date: fixes that write a date (mark done, a new plan's due) need it. */
  today?: Day;
}

export type Fixer = (input: FixInput, diag: Diagnostic) => QuickFix[];

/** Plan text (an id, a key) in a fix's title: quoted, one line, nothing hidden. */
export const quoted = (s: string): string => `"${inertText(s, 60)}"`;

export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
export const stringData = (diag: Diagnostic, key: string): string | undefined =>
  typeof diag.data?.[key] === 'string' ? (diag.data[key] as string) : undefined;

/** The scalar at the diagnostic's span, with the nodes above it. */
export function scalarAt(
  input: FixInput,
  diag: Diagnostic,
): { chain: NodeStep[]; node: ScalarNode; step: NodeStep } | undefined {
  const chain = chainTo(input.tree, diag.span);
  const step = chain?.[chain.length - 1];
  return chain && step?.node.kind === 'scalar' ? { chain, node: step.node, step } : undefined;
}

/** The diagnostic's path (schema errors carry one), list indexes as numbers. */
export function pathOf(diag: Diagnostic): (string | number)[] | undefined {
  const p = diag.data?.path;
  return Array.isArray(p)
    ? p.map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : String(s)))
    : undefined;
}

/** The list holding the chain's last node, with the pair that holds the list (when it is a mapping's value). */
export function listEntry(
  chain: readonly NodeStep[],
): { seq: SeqNode; index: number; owner?: { map: MapNode; step: NodeStep } } | undefined {
  const entry = chain[chain.length - 1]!;
  const list = chain[chain.length - 2];
  if (entry.index === undefined || entry.parent?.kind !== 'seq') return undefined;
  const owner = list?.pair && list.parent?.kind === 'map' ? { map: list.parent, step: list } : undefined;
  return owner ? { seq: entry.parent, index: entry.index, owner } : { seq: entry.parent, index: entry.index };
}

/** The edits of a command-style plan edit (mark done, start...), or none when it was refused. */
export function planEditFix(title: string, result: PlanEditResult, preferred = false): QuickFix[] {
  return result.ok ? [{ title, edits: result.edits, preferred }] : [];
}

/** Every id of a task or milestone in the tree (the plan may not exist when the text has errors). */
export function idsInTree(tree: SourceNode | undefined): Set<string> {
  const ids = new Set<string>();
  const milestones = tree?.kind === 'map' ? tree.byKey.get('milestones')?.value : undefined;
  if (milestones?.kind !== 'seq') return ids;
  for (const m of milestones.items) {
    if (m.kind !== 'map') continue;
    const id = m.byKey.get('id')?.value;
    if (id?.kind === 'scalar') ids.add(id.text);
    const tasks = m.byKey.get('tasks')?.value;
    if (tasks?.kind !== 'seq') continue;
    for (const t of tasks.items) {
      const tid = t.kind === 'map' ? t.byKey.get('id')?.value : undefined;
      if (tid?.kind === 'scalar') ids.add(tid.text);
    }
  }
  return ids;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken (at most 100 characters). */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  const b = base.slice(0, 90);
  if (!taken.has(b)) return b;
  let n = 2;
  while (taken.has(`${b}-${n}`)) n++;
  return `${b}-${n}`;
}
