/**
 * Values for keys a plan must have, when a fix adds a missing one or fills an empty one: the
 * format version, a title from the item's id, a free id, the goal's owner as a task's owner,
 * a person named by their id... Each value passes the schema, so the problem goes away; the
 * person editing the plan then writes the real one.
 */
import { PERSON_REF_KEYS } from '../../model';
import { formatDay } from '../../day';
import { editMap, editSeq, type EditValue } from '../../edit/render';
import { schemaAt, type PathSeg } from '../../schemaView';
import { nodeAtPath, type MapNode, type SourceNode } from '../../sourceTree';
import { freeId, idsInTree, type FixInput } from './types';

const textOf = (node: SourceNode | undefined): string | undefined =>
  node?.kind === 'scalar' && typeof node.value === 'string' && node.text.trim() ? node.text : undefined;

/** Person ids named in `people`, in file order. */
function people(tree: SourceNode | undefined): string[] {
  const p = tree?.kind === 'map' ? tree.byKey.get('people')?.value : undefined;
  return p?.kind === 'map' ? p.pairs.map((x) => x.key.text) : [];
}

/** Person ids used where a person is named (PERSON_REF_KEYS: owner, with, to, review_by, consulted...), in file order. */
function personRefs(tree: SourceNode | undefined): string[] {
  const out = new Set<string>();
  const queue: SourceNode[] = tree ? [tree] : [];
  for (let i = 0; i < queue.length && i < 500000; i++) {
    const n = queue[i]!;
    if (n.kind === 'map') {
      for (const p of n.pairs) {
        const id = textOf(p.value);
        if (id !== undefined && PERSON_REF_KEYS.has(p.key.text)) out.add(id);
        else if (PERSON_REF_KEYS.has(p.key.text) && p.value.kind === 'seq')
          for (const item of p.value.items) {
            const listed = textOf(item);
            if (listed !== undefined) out.add(listed);
          }
        else if (p.value.kind !== 'scalar') queue.push(p.value);
      }
    } else if (n.kind === 'seq') for (const item of n.items) queue.push(item);
  }
  return [...out];
}

/** The goal's owner when that person exists, else the first person. */
function defaultOwner(tree: SourceNode | undefined): string | undefined {
  const names = people(tree);
  const goalOwner = textOf(nodeAtPath(tree, ['goal', 'owner']));
  return goalOwner !== undefined && names.includes(goalOwner) ? goalOwner : names[0];
}

/** Eight weeks from today: a deadline to replace. */
const dueFromToday = (input: FixInput): string | undefined =>
  input.today === undefined ? undefined : formatDay(input.today + 56);

/** A value for `key` in the mapping at `path` (list indexes as numbers), or undefined when there is no sensible one. */
export function requiredValue(input: FixInput, path: readonly PathSeg[], key: string): EditValue | undefined {
  const tree = input.tree;
  const map = nodeAtPath(tree, path);
  const ref = path.length === 0 ? 'plan' : schemaAt(path)?.ref;
  const own = (k: string): string | undefined =>
    textOf(map?.kind === 'map' ? (map as MapNode).byKey.get(k)?.value : undefined);
  const planTitle = textOf(nodeAtPath(tree, ['title']));
  switch (`${ref}.${key}`) {
    case 'plan.workback':
      return 1;
    case 'plan.title':
      return textOf(nodeAtPath(tree, ['goal', 'outcome'])) ?? 'New plan';
    case 'plan.goal': {
      const due = dueFromToday(input);
      return due === undefined
        ? undefined
        : editMap([
            ['outcome', planTitle ?? 'The goal is reached'],
            ['due', due],
          ]);
    }
    case 'plan.people':
      return editMap(personRefs(tree).map((id) => [id, editMap([['name', id]], true)] as const));
    case 'plan.milestones':
      return editSeq([
        editMap([
          ['id', freeId('goal', idsInTree(tree))],
          ['title', textOf(nodeAtPath(tree, ['goal', 'outcome'])) ?? 'Goal reached'],
        ]),
      ]);
    case 'goal.outcome':
      return planTitle ?? 'The goal is reached';
    case 'goal.due':
      return dueFromToday(input);
    case 'person.name':
      return typeof path[path.length - 1] === 'string' ? String(path[path.length - 1]) : undefined;
    case 'milestone.id':
      return freeId(`milestone-${Number(path[1]) + 1}`, idsInTree(tree));
    case 'task.id':
      return freeId(`task-${Number(path[3]) + 1}`, idsInTree(tree));
    case 'milestone.title':
    case 'task.title':
      return own('id') ?? (ref === 'task' ? 'New task' : 'New milestone');
    case 'task.owner':
      return defaultOwner(tree);
    case 'followUp.on':
      return input.today === undefined ? undefined : formatDay(input.today);
    case 'followUp.with': {
      const owner = textOf(nodeAtPath(tree, [...path.slice(0, -2), 'owner']));
      return owner !== undefined && people(tree).includes(owner) ? owner : defaultOwner(tree);
    }
    default:
      return undefined;
  }
}

/** Whether `key` is required in the mapping at `path`. */
export function isRequired(path: readonly PathSeg[], key: string): boolean {
  const req = schemaAt(path)?.node.required;
  return Array.isArray(req) && req.includes(key);
}
