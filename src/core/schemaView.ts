/**
 * The plan schema read as a tree: the schema at a key path ($refs resolved, with the annotations
 * written beside them), the keys of a mapping and what kind of value goes where. Completion,
 * hover and the schema errors' "did you mean" are built from the one schema file, so they never
 * disagree with validation (planValidator.generated.ts, compiled from the same file).
 */
import { PERSON_REF_KEYS } from './model';
import { loadSchema } from './schemaSource';

let schemaJson: Record<string, unknown> | undefined;

/** The schema file's JSON, read the first time something asks (schemaSource.ts). */
export function workbackSchema(): Record<string, unknown> {
  return (schemaJson ??= loadSchema());
}

type Json = Record<string, unknown>;

/** A key, or an index into a list (any number: every item has the same schema). */
export type PathSeg = string | number;

export interface SchemaView {
  node: Json;
  /** The last definition reached through $ref (`date`, `personId`, `task`...). */
  ref?: string;
  description?: string;
  markdownDescription?: string;
}

const ANNOTATIONS = ['description', 'markdownDescription', 'examples', 'default', 'title'];
let defsOf: Record<string, Json> | undefined;
const defs = (): Record<string, Json> => (defsOf ??= (workbackSchema().definitions ?? {}) as Record<string, Json>);

/** Views by the schema node they resolve: the schema is fixed, so each is worked out once (a file may ask for thousands). */
const resolved = new WeakMap<Json, SchemaView>();

function resolve(node: Json): SchemaView {
  let view = resolved.get(node);
  if (!view) resolved.set(node, (view = resolveOnce(node)));
  return view;
}

function resolveOnce(node: Json): SchemaView {
  let merged = node;
  let ref: string | undefined;
  for (let guard = 0; typeof merged.$ref === 'string' && guard < 10; guard++) {
    const name = /^#\/definitions\/(.+)$/.exec(merged.$ref)?.[1];
    const target = name ? defs()[name] : undefined;
    if (!name || !target) break;
    ref = name;
    const beside: Json = {};
    for (const a of ANNOTATIONS) if (a in merged) beside[a] = merged[a];
    merged = { ...target, ...beside };
  }
  const view: SchemaView = { node: merged };
  if (ref !== undefined) view.ref = ref;
  if (typeof merged.description === 'string') view.description = merged.description;
  if (typeof merged.markdownDescription === 'string') view.markdownDescription = merged.markdownDescription;
  return view;
}

const root = (): SchemaView => resolve(workbackSchema());

/** The schema of the child `seg` of `view`, or undefined (unknown key, x- key, not a container). */
export function childSchema(view: SchemaView, seg: PathSeg): SchemaView | undefined {
  const n = view.node;
  if (typeof seg === 'number') {
    const items = n.items;
    return items && typeof items === 'object' && !Array.isArray(items) ? resolve(items as Json) : undefined;
  }
  const props = n.properties as Record<string, Json> | undefined;
  if (props && Object.prototype.hasOwnProperty.call(props, seg)) return resolve(props[seg]!);
  if (seg.startsWith('x-') && n.patternProperties) return undefined;
  const extra = n.additionalProperties;
  return extra && typeof extra === 'object' ? resolve(extra as Json) : undefined;
}

/** The schema at a path of keys and indexes from the plan's root. */
export function schemaAt(path: readonly PathSeg[]): SchemaView | undefined {
  let view: SchemaView | undefined = root();
  for (const seg of path) {
    if (!view) return undefined;
    view = childSchema(view, seg);
  }
  return view;
}

export function rootSchema(): SchemaView {
  return root();
}

export interface PropertyInfo {
  name: string;
  view: SchemaView;
  required: boolean;
}

const properties = new WeakMap<SchemaView, readonly PropertyInfo[]>();

/** The keys a mapping may hold, in schema order (none for a free map such as `people`). */
export function propertiesOf(view: SchemaView): readonly PropertyInfo[] {
  let list = properties.get(view);
  if (!list) properties.set(view, (list = propertiesOnce(view)));
  return list;
}

function propertiesOnce(view: SchemaView): PropertyInfo[] {
  const props = view.node.properties as Record<string, Json> | undefined;
  if (!props) return [];
  const required = new Set((view.node.required as string[] | undefined) ?? []);
  return Object.keys(props).map((name) => ({ name, view: resolve(props[name]!), required: required.has(name) }));
}

export function isObject(view: SchemaView | undefined): boolean {
  return view?.node.type === 'object';
}

export function isArray(view: SchemaView | undefined): boolean {
  return view?.node.type === 'array';
}

/** What goes in a value slot. */
export type ValueKind =
  | { kind: 'itemRef' }
  | { kind: 'personRef' }
  | { kind: 'date' }
  | { kind: 'duration' }
  | { kind: 'enum'; values: (string | number)[] }
  | { kind: 'boolean' }
  | { kind: 'tag' }
  | { kind: 'text' };

/** The kind of value at `path` (the last segment is the key or the list index). */
export function valueKindAt(path: readonly PathSeg[]): ValueKind {
  const view = schemaAt(path);
  if (!view) return { kind: 'text' };
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  if (parentKey === 'depends_on' && typeof last === 'number') return { kind: 'itemRef' };
  if (view.ref === 'personId') return PERSON_REF_KEYS.has(String(parentKey)) ? { kind: 'personRef' } : { kind: 'text' };
  // a day or a range (`holidays`, `away`): where a scalar is written, it is a day
  if (view.ref === 'date' || view.ref === 'dayRange') return { kind: 'date' };
  if (view.ref === 'duration') return { kind: 'duration' };
  if (view.ref === 'tag') return { kind: 'tag' };
  const values = view.node.enum;
  if (Array.isArray(values))
    return {
      kind: 'enum',
      values: values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number'),
    };
  if (view.node.type === 'boolean') return { kind: 'boolean' };
  return { kind: 'text' };
}

/** The markdown line of a description that documents one enum value (`- \`done\`: finished`). */
export function enumValueDoc(view: SchemaView | undefined, value: string): string | undefined {
  const md = view?.markdownDescription;
  if (!md) return undefined;
  const line = md.split('\n').find((l) => l.startsWith('- ') && l.includes(`\`${value}\``));
  return line?.slice(2);
}

/** Schema examples of a value (durations: 1d, 3d, 2w). */
export function examplesOf(view: SchemaView | undefined): unknown[] {
  const ex = view?.node.examples;
  return Array.isArray(ex) ? ex : [];
}
