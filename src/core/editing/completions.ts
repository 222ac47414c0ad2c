/**
 * Completion items for a cursor in a plan: keys from the schema (the ones not yet present,
 * required first, with their documentation), enum values, ids of tasks and milestones in
 * depends_on (not the item itself, nor ones that would close a cycle), person ids, dates and
 * durations. Pure data: the extension turns each entry into a vscode.CompletionItem.
 * Inserts are snippet text ($0 is where the cursor ends; \t one level of indentation).
 */
import { formatDay, formatDayHuman, type Day } from '../day';
import type { Span } from '../diagnostic';
import type { Plan, Task, Milestone } from '../model';
import { workCalendar } from '../schedule/calendar';
import { daysText } from '../schedule/diagnostics';
import { formatScalar } from '../edit/scalar';
import { compareText } from '../query/planFile';
import type { Schedule } from '../schedule/types';
import { cursorContext, type CursorContext } from './cursorContext';
import { cycleRisks, newTaskCycleRisks } from './dependents';
import { inertText } from './inertText';
import { snippetText, yamlId } from './yamlText';
import {
  childSchema,
  enumValueDoc,
  examplesOf,
  isArray,
  isObject,
  propertiesOf,
  schemaAt,
  valueKindAt,
  type SchemaView,
} from '../schemaView';

export type CompletionKind =
  'property' | 'enum' | 'task' | 'milestone' | 'person' | 'date' | 'duration' | 'boolean' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Plain text shown beside the label (may be plan text: shown as text). */
  detail?: string;
  /** Plain text shown on every row, right of the label (a title, a name, a day). */
  description?: string;
  /** Documentation in markdown, written by Workback (the schema's). */
  markdown?: string;
  /** Documentation as plain text (plan text: titles, names), computed when the item is shown. */
  lazyText?: () => string;
  /** Snippet text. */
  insert: string;
  replace: Span;
  sortText: string;
  filterText?: string;
  /** Open the suggestions again after inserting (a value comes next). */
  retrigger?: boolean;
}

export interface CompletionData {
  /** The plan of the current text, or the last one that parsed. */
  plan?: Plan;
  schedule?: Schedule;
  today: Day;
}

export interface CompletionResult {
  context: CursorContext;
  items: CompletionEntry[];
  /** Only the most likely items were given (a huge plan): ask again as the user types. */
  incomplete: boolean;
}

/** At most this many ids are sent at once; past it, the nearest ones (typing narrows them). */
export const MAX_ID_ITEMS = 200;

const pad = (n: number): string => String(n).padStart(6, '0');

export function completionsAt(text: string, offset: number, data: CompletionData): CompletionResult {
  const context = cursorContext(text, offset);
  if (context.kind === 'key') return { context, items: keyItems(context), incomplete: false };
  if (context.kind === 'value') {
    if (valueKindAt(context.path).kind === 'itemRef') {
      const { items, incomplete } = itemRefs(context, data, offset);
      return { context, items, incomplete };
    }
    return { context, items: valueItems(context, data), incomplete: false };
  }
  return { context, items: [], incomplete: false };
}

// ---------------------------------------------------------------- keys

/** Whether a key's value has completions of its own (so suggestions open again after it). */
function hasValueCompletions(path: (string | number)[]): boolean {
  const k = valueKindAt(path).kind;
  return k !== 'text';
}

function keyInsert(ctx: CursorContext, name: string, view: SchemaView): { insert: string; retrigger: boolean } {
  const r = keyInsertText(ctx, name, view);
  return ctx.needsSpace ? { ...r, insert: ` ${r.insert}` } : r;
}

function keyInsertText(ctx: CursorContext, name: string, view: SchemaView): { insert: string; retrigger: boolean } {
  if (ctx.hasColon) return { insert: name, retrigger: false };
  const valuePath = [...ctx.path, name];
  if (ctx.flow) return { insert: `${name}: $0`, retrigger: hasValueCompletions(valuePath) };
  const dash = ctx.needsDash ? '- ' : '';
  if (isObject(view)) return { insert: `${dash}${name}:\n\t$0`, retrigger: propertiesOf(view).length > 0 };
  if (isArray(view)) {
    const items = childSchema(view, 0);
    if (isObject(items)) return { insert: `${dash}${name}:\n\t- $0`, retrigger: true };
    return { insert: `${dash}${name}: [$0]`, retrigger: hasValueCompletions([...valuePath, 0]) };
  }
  return { insert: `${dash}${name}: $0`, retrigger: hasValueCompletions(valuePath) };
}

function keyItems(ctx: CursorContext): CompletionEntry[] {
  const view = schemaAt(ctx.path);
  if (!view) return [];
  const present = new Set(ctx.present);
  const out: CompletionEntry[] = [];
  propertiesOf(view).forEach((p, i) => {
    if (present.has(p.name)) return;
    const { insert, retrigger } = keyInsert(ctx, p.name, p.view);
    const entry: CompletionEntry = {
      label: p.name,
      kind: 'property',
      detail: p.required ? 'required' : 'optional',
      insert,
      replace: ctx.replace,
      sortText: `${p.required ? 0 : 1}${pad(i)}`,
      retrigger,
    };
    const md = p.view.markdownDescription ?? p.view.description;
    if (md) entry.markdown = md;
    if (ctx.needsDash) entry.filterText = p.name;
    out.push(entry);
  });
  return out;
}

// ---------------------------------------------------------------- values

function valueInsert(ctx: CursorContext, value: string): string {
  let v = snippetText(value);
  if (ctx.needsDash) v = `- ${v}`;
  if (ctx.needsSpace) v = ` ${v}`;
  return v;
}

function valueItems(ctx: CursorContext, data: CompletionData): CompletionEntry[] {
  const kind = valueKindAt(ctx.path);
  const view = schemaAt(ctx.path);
  switch (kind.kind) {
    case 'itemRef':
      return itemRefs(ctx, data, ctx.replace.start).items;
    case 'personRef':
      return personRefs(ctx, data);
    case 'date':
      return dates(ctx, data);
    case 'duration':
      return durations(ctx, view);
    case 'tag':
      return tags(ctx, data);
    case 'boolean':
      return ['true', 'false'].map((v, i) => ({
        label: v,
        kind: 'boolean' as const,
        insert: valueInsert(ctx, v),
        replace: ctx.replace,
        sortText: pad(i),
      }));
    case 'enum': {
      const taken = new Set(ctx.siblings);
      return kind.values
        .filter((v) => !taken.has(String(v)))
        .map((v, i) => {
          const e: CompletionEntry = {
            label: String(v),
            kind: 'enum',
            insert: valueInsert(ctx, String(v)),
            replace: ctx.replace,
            sortText: pad(i),
          };
          const doc = enumValueDoc(view, String(v));
          if (doc) e.markdown = doc;
          const def = view?.node.default;
          if (def !== undefined && def === v) e.detail = 'default';
          return e;
        });
    }
    default:
      return [];
  }
}

function itemDoc(plan: Plan, schedule: Schedule | undefined, item: Task | Milestone): string {
  const lines: string[] = [];
  if (item.kind === 'task') {
    const owner = plan.people.get(item.owner);
    lines.push(
      `Task in ${item.milestone} · owner ${owner ? `${inertText(owner.name)} (${item.owner})` : item.owner || 'none'} · ${item.duration.text}${item.status !== 'todo' ? ` · ${item.status}` : ''}`,
    );
    // by id: the schedule may be from the last check without errors, a few keystrokes ago
    const s = schedule?.byId.get(item.id);
    if (s && s.kind === 'task')
      lines.push(`Start by ${formatDayHuman(s.start, true)} · finish by ${formatDayHuman(s.finish, true)}`);
  } else {
    lines.push(
      item.tasks.length
        ? `Milestone · ${item.tasks.length} task${item.tasks.length === 1 ? '' : 's'}`
        : 'Checkpoint (a milestone without tasks)',
    );
    if (item.due !== undefined) lines.push(`Due ${formatDayHuman(item.due, true)}`);
  }
  return lines.join('\n');
}

/** Per plan, what every id completion shows and inserts: computed once, not on each request. */
const refCache = new WeakMap<Plan, Map<Task | Milestone, { detail: string; id: string; quotedId: string }>>();

function refInfo(plan: Plan, item: Task | Milestone): { detail: string; id: string; quotedId: string } {
  let m = refCache.get(plan);
  if (!m) refCache.set(plan, (m = new Map()));
  let info = m.get(item);
  if (!info)
    m.set(
      item,
      (info = { detail: inertText(item.title, 80), id: snippetText(item.id), quotedId: snippetText(yamlId(item.id)) }),
    );
  return info;
}

/** Case-insensitive: the characters of `prefix` appear in order in `id` (a superset of the editor's own filter). */
function subsequence(prefix: string, id: string): boolean {
  const p = prefix.toLowerCase();
  const t = id.toLowerCase();
  let i = 0;
  for (let j = 0; j < t.length && i < p.length; j++) if (t[j] === p[i]) i++;
  return i === p.length;
}

/**
 * Ids for depends_on: every task and milestone except the item itself, what is listed already
 * and what would close a cycle, in file order. In a plan with more than MAX_ID_ITEMS of them,
 * only the ones matching what is typed, nearest to the cursor first (earlier items before
 * later ones: dependencies mostly point back), and the list is marked incomplete.
 */
function itemRefs(
  ctx: CursorContext,
  data: CompletionData,
  offset: number,
): { items: CompletionEntry[]; incomplete: boolean } {
  const plan = data.plan;
  if (!plan) return { items: [], incomplete: false };
  // the item's own id, and what depends on it; a task not in the plan yet: what waits for its milestone
  const known = ctx.itemId !== undefined && plan.items.has(ctx.itemId);
  const excluded = known
    ? cycleRisks(plan, ctx.itemId!)
    : ctx.milestoneId !== undefined && ctx.path[2] === 'tasks'
      ? newTaskCycleRisks(plan, ctx.milestoneId)
      : new Set<string>();
  if (ctx.itemId !== undefined) excluded.add(ctx.itemId);
  for (const s of ctx.siblings) excluded.add(s);
  let candidates: { item: Task | Milestone; order: number }[] = [];
  let i = 0;
  for (const m of plan.milestones) {
    for (const item of [m, ...m.tasks]) {
      i++;
      if (!excluded.has(item.id) && plan.items.get(item.id) === item) candidates.push({ item, order: i });
    }
  }
  let incomplete = false;
  if (candidates.length > MAX_ID_ITEMS) {
    incomplete = true;
    if (ctx.prefix) candidates = candidates.filter((c) => subsequence(ctx.prefix, c.item.id));
    if (candidates.length > MAX_ID_ITEMS) {
      const far = plan.tasks.length + plan.milestones.length + 1;
      const distance = (c: { item: Task | Milestone }) => {
        const at = c.item.idSpan.start;
        return at <= offset ? offset - at : at - offset + far * 1e6;
      };
      candidates = candidates.sort((a, b) => distance(a) - distance(b)).slice(0, MAX_ID_ITEMS);
      candidates.forEach((c, k) => {
        c.order = k;
      });
    }
  }
  const items = candidates.map(({ item, order }): CompletionEntry => {
    const info = refInfo(plan, item);
    const text = ctx.quoted ? info.id : info.quotedId;
    return {
      label: item.id,
      kind: item.kind,
      detail: info.detail,
      description: info.detail,
      lazyText: () => itemDoc(plan, data.schedule, item),
      insert: ctx.needsSpace || ctx.needsDash ? valueInsert(ctx, ctx.quoted ? item.id : yamlId(item.id)) : text,
      replace: ctx.replace,
      sortText: pad(order),
    };
  });
  return { items, incomplete };
}

function personRefs(ctx: CursorContext, data: CompletionData): CompletionEntry[] {
  const plan = data.plan;
  if (!plan) return [];
  const out: CompletionEntry[] = [];
  let i = 0;
  for (const p of plan.people.values()) {
    const lazyText = () => {
      const doc = [p.role, p.email]
        .filter((x): x is string => !!x)
        .map((x) => inertText(x))
        .join(' · ');
      const open = plan.tasks.filter((t) => t.owner === p.id && t.status !== 'done').length;
      return `${doc ? doc + '\n' : ''}${open} open task${open === 1 ? '' : 's'}`;
    };
    out.push({
      label: p.id,
      kind: 'person',
      detail: inertText(p.name, 80),
      description: inertText(p.name, 80),
      lazyText,
      insert: valueInsert(ctx, ctx.quoted ? p.id : yamlId(p.id)),
      replace: ctx.replace,
      sortText: pad(i++),
    });
  }
  return out;
}

function dates(ctx: CursorContext, data: CompletionData): CompletionEntry[] {
  const found = new Map<Day, string[]>();
  const add = (d: Day | undefined, why: string) => {
    if (d === undefined || !Number.isFinite(d)) return;
    const list = found.get(d) ?? [];
    if (!list.includes(why)) list.push(why);
    found.set(d, list);
  };
  const plan = data.plan;
  add(data.today, 'today');
  if (plan) {
    const cal = workCalendar(plan.calendar);
    if (cal.workdayCount > 0) add(cal.nextWorkday(data.today + 1), 'next workday');
  } else {
    // Monday to Friday when there is no plan yet
    let d = data.today + 1;
    while ((((d + 3) % 7) + 7) % 7 > 4) d++;
    add(d, 'next workday');
  }
  if (plan && Number.isFinite(plan.goal.due)) add(plan.goal.due, "the goal's due");
  const p = ctx.path;
  if (plan && p[0] === 'milestones' && typeof p[1] === 'number' && p[2] === 'tasks') {
    const m = plan.milestones[p[1]];
    if (m?.due !== undefined) add(m.due, `the due of milestone ${m.id}`);
  }
  let i = 0;
  return [...found.entries()].map(([d, why]) => ({
    label: formatDay(d),
    kind: 'date' as const,
    detail: `${why.join(', ')} · ${formatDayHuman(d, true)}`,
    description: `${why.join(', ')} · ${formatDayHuman(d, true)}`,
    insert: valueInsert(ctx, formatDay(d)),
    replace: ctx.replace,
    sortText: pad(i++),
  }));
}

/**
 * Tags: those the plan's freezes name first (a task tagged with one loses the freeze's days),
 * then those its tasks use, most used first; not those already in the list.
 */
function tags(ctx: CursorContext, data: CompletionData): CompletionEntry[] {
  const plan = data.plan;
  if (!plan) return [];
  const freezeOf = new Map<string, string>();
  for (const f of plan.calendar.freezes)
    for (const t of f.tags)
      if (!freezeOf.has(t))
        freezeOf.set(t, `freeze ${f.name !== undefined ? inertText(f.name, 60) + ' · ' : ''}${daysText(f.from, f.to)}`);
  const uses = new Map<string, number>();
  for (const t of plan.tasks) for (const tag of t.tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  for (const tag of freezeOf.keys()) if (!uses.has(tag)) uses.set(tag, 0);
  const taken = new Set(ctx.siblings);
  return [...uses.entries()]
    .filter(([tag]) => !taken.has(tag))
    .sort((a, b) => Number(freezeOf.has(b[0])) - Number(freezeOf.has(a[0])) || b[1] - a[1] || compareText(a[0], b[0]))
    .map(([tag, n], i) => {
      const used = `${n} task${n === 1 ? '' : 's'}`;
      const detail = freezeOf.has(tag) ? `${freezeOf.get(tag)!} · ${used}` : used;
      return {
        label: tag,
        kind: 'value' as const,
        detail,
        description: detail,
        insert: valueInsert(ctx, ctx.quoted ? tag : formatScalar(tag, { flow: ctx.flow })),
        replace: ctx.replace,
        sortText: pad(i),
      };
    });
}

function durations(ctx: CursorContext, view: SchemaView | undefined): CompletionEntry[] {
  const values = new Set<string>(['1d', '2d', '3d', '5d', '1w', '2w', '4w']);
  for (const e of examplesOf(view)) if (typeof e === 'string') values.add(e);
  const order = (s: string) => Number(s.slice(0, -1)) * (s.endsWith('w') ? 5 : 1);
  return [...values]
    .sort((a, b) => order(a) - order(b))
    .map((v, i) => ({
      label: v,
      kind: 'duration' as const,
      detail: describeDuration(v),
      description: describeDuration(v),
      insert: valueInsert(ctx, v),
      replace: ctx.replace,
      sortText: pad(i),
    }));
}

function describeDuration(v: string): string {
  const n = Number(v.slice(0, -1));
  return v.endsWith('w') ? `${n} week${n === 1 ? '' : 's'} of workdays` : `${n} workday${n === 1 ? '' : 's'}`;
}
