/**
 * Renaming a task, milestone or person id: every occurrence in one set of edits, refused with
 * a message for an invalid id or one already taken (or edits that fail the byte check). Quotes around an occurrence are kept; an
 * id YAML would read as a number (`2027`) is written quoted.
 */
import type { Span } from '../diagnostic';
import type { Plan } from '../model';
import { inertText } from './inertText';
import { occurrenceAt, referencesOf, type Occurrence } from './symbols';
import type { TextEdit } from '../edit/text';
import { editBase, editProblem } from '../edit/verify';
import { ID_MAX, isValidId, yamlId } from './yamlText';

export interface RenameTarget {
  occurrence: Occurrence;
  /** The range to show for editing: the id's text, inside its quotes. */
  span: Span;
  placeholder: string;
}

export type Refusal = { error: string };

/** The span of an id's text: inside its quotes when quoted, the whole span when plain. */
function innerSpan(text: string, span: Span, id: string): Span {
  const raw = text.slice(span.start, span.end);
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q) && raw.slice(1, -1) === id)
    return { start: span.start + 1, end: span.end - 1 };
  return span;
}

/** What would be renamed at `offset`, or why nothing can be. */
export function prepareRename(text: string, plan: Plan, offset: number): RenameTarget | Refusal {
  const occ = occurrenceAt(plan, offset);
  if (!occ) return { error: 'Only task, milestone and person ids can be renamed.' };
  return { occurrence: occ, span: innerSpan(text, occ.span, occ.id), placeholder: occ.id };
}

function what(plan: Plan, kind: Occurrence['kind'], id: string): string {
  if (kind === 'person') {
    const p = plan.people.get(id);
    return p ? `the person "${inertText(p.name, 60)}"` : 'a person';
  }
  const item = plan.items.get(id);
  return item ? `the ${item.kind} "${inertText(item.title, 60)}"` : 'an item';
}

/** The edits that rename the symbol at `offset` to `newId`, or why not. */
export function renameEdits(text: string, plan: Plan, offset: number, newId: string): TextEdit[] | Refusal {
  const target = prepareRename(text, plan, offset);
  if ('error' in target) return target;
  const { kind, id } = target.occurrence;
  const noun = kind === 'person' ? 'person id' : 'id';
  if (newId === id) return [];
  if (!isValidId(newId)) {
    return {
      error:
        newId.length > ID_MAX
          ? `"${inertText(newId, 40)}" is not a valid ${noun}: at most ${ID_MAX} characters.`
          : `"${inertText(newId, 40)}" is not a valid ${noun}: use letters, digits, _, . or -, starting with a letter or digit.`,
    };
  }
  const taken = kind === 'person' ? plan.people.has(newId) : plan.items.has(newId);
  if (taken) return { error: `"${newId}" is already the ${noun} of ${what(plan, kind, newId)}; choose another one.` };
  const edits = referencesOf(plan, kind, id).map((o) => {
    const inner = innerSpan(text, o.span, o.id);
    const quoted = inner.start !== o.span.start;
    return { start: inner.start, end: inner.end, text: quoted ? newId : yamlId(newId) };
  });
  // checked as every edit is: nothing but the occurrences changes, and every comment stays
  const problem = editProblem(editBase(text), edits);
  return problem
    ? { error: `Workback could not rename "${inertText(id, 40)}" safely (${problem}); nothing was changed.` }
    : edits;
}
