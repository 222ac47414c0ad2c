/**
 * Fixes of dates and statuses:
 *  - due-after-binding: remove the due, or align it to the date that binds it
 *  - done-on-not-done: set status done, or remove done_on
 *  - done-depends-on-open: mark the dependency done too, or set the task back to doing
 *  - task-overdue: mark it done today; late-start: start it (status doing)
 *  - follow-up-overdue: mark the follow-up done; check-in-overdue: log a check-in today
 * The last four are what the sidebar's commands do (src/core/edit/planEdits.ts): recording
 * what happened is an edit of the plan like any other.
 */
import { formatDay } from '../../day';
import type { Diagnostic } from '../../diagnostic';
import { anchorFor, logCheckIn, markFollowUpDone, markTaskDone, startTask, TASK_KEY_ORDER } from '../../edit/planEdits';
import { insertPairs, removePair, setScalar } from '../../edit/yamlEdits';
import { checkInWith } from '../../schedule/late';
import { pairOf, type MapNode } from '../../sourceTree';
import { inertText } from '../inertText';
import { layoutOf } from './edits';
import { planEditFix, quoted, scalarAt, stringData, type FixInput, type QuickFix } from './types';

export function dueAfterBinding(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const binding = stringData(diag, 'binding');
  if (!at || binding === undefined || at.step.parent?.kind !== 'map' || !at.step.pair) return [];
  const fixes: QuickFix[] = [];
  const removal = removePair(input.text, at.step.parent, at.step.pair);
  if (removal) fixes.push({ title: 'Remove this due (it changes nothing)', edits: removal, preferred: true });
  fixes.push({
    title: `Align the due to ${binding}`,
    edits: [setScalar(input.text, at.node, binding, at.step.parent.flow)],
  });
  return fixes;
}

export function doneOnNotDone(input: FixInput, diag: Diagnostic): QuickFix[] {
  return statusOrRemove(input, diag, 'done', 'done_on');
}

/** `remaining` on a task that is not doing: it has started (set status: doing), or nothing is left (remove it). */
export function remainingNotDoing(input: FixInput, diag: Diagnostic): QuickFix[] {
  return statusOrRemove(input, diag, 'doing', 'remaining', 'done');
}

/**
 * On the key `key` of a task: set its status to `status` (preferred), or remove the key. A task
 * whose status is `unless` only gets the removal (a done task has no work left to start).
 */
function statusOrRemove(
  input: FixInput,
  diag: Diagnostic,
  status: 'done' | 'doing',
  key: string,
  unless?: string,
): QuickFix[] {
  const at = scalarAt(input, diag);
  const task = at?.step.parent;
  if (!at?.step.pair || task?.kind !== 'map') return [];
  const fixes: QuickFix[] = [];
  const current = pairOf(task, 'status');
  if (current?.value.kind === 'scalar' && unless !== undefined && current.value.text === unless) {
    // only the removal
  } else if (current?.value.kind === 'scalar' && current.value.start < current.value.end) {
    fixes.push({
      title: `Set status: ${status}`,
      edits: [setScalar(input.text, current.value, status, task.flow)],
      preferred: true,
    });
  } else if (!current) {
    const edits = insertPairs(
      input.text,
      task,
      anchorFor(task, 'status', TASK_KEY_ORDER),
      [['status', status]],
      layoutOf(input.text, input.tree),
    );
    fixes.push({ title: `Set status: ${status}`, edits, preferred: true });
  }
  const removal = removePair(input.text, task, at.step.pair);
  if (removal) fixes.push({ title: `Remove ${key}`, edits: removal });
  return fixes;
}

/** The task holding the diagnostic (its depends_on entry or its status). */
function taskIdAt(input: FixInput, diag: Diagnostic): string | undefined {
  const at = scalarAt(input, diag);
  const maps = at?.chain.map((s) => s.node).filter((n): n is MapNode => n.kind === 'map') ?? [];
  const id = maps[maps.length - 1]?.byKey.get('id')?.value;
  return id?.kind === 'scalar' ? id.text : undefined;
}

export function doneDependsOnOpen(input: FixInput, diag: Diagnostic): QuickFix[] {
  const dependency = stringData(diag, 'id');
  const taskId = taskIdAt(input, diag);
  const fixes: QuickFix[] = [];
  if (dependency !== undefined && input.today !== undefined && input.plan?.items.get(dependency)?.kind === 'task') {
    fixes.push(
      ...planEditFix(
        `Mark ${quoted(dependency)} done too (done_on ${formatDay(input.today)})`,
        markTaskDone(input.text, dependency, input.today),
      ),
    );
  }
  if (taskId !== undefined)
    fixes.push(...planEditFix(`Set ${quoted(taskId)} back to doing`, startTask(input.text, taskId)));
  return fixes;
}

export function taskOverdue(input: FixInput, diag: Diagnostic): QuickFix[] {
  const taskId = stringData(diag, 'taskId');
  if (taskId === undefined || input.today === undefined) return [];
  return planEditFix(
    `Mark ${quoted(taskId)} done (done_on ${formatDay(input.today)})`,
    markTaskDone(input.text, taskId, input.today),
  );
}

export function lateStart(input: FixInput, diag: Diagnostic): QuickFix[] {
  const taskId = stringData(diag, 'taskId');
  return taskId === undefined
    ? []
    : planEditFix(`Start ${quoted(taskId)} (status: doing)`, startTask(input.text, taskId));
}

export function followUpOverdue(input: FixInput, diag: Diagnostic): QuickFix[] {
  const taskId = stringData(diag, 'taskId');
  const on = stringData(diag, 'on');
  const withPerson = stringData(diag, 'with');
  const index = diag.data?.index;
  if (taskId === undefined || on === undefined || withPerson === undefined || typeof index !== 'number') return [];
  return planEditFix('Mark the follow-up done', markFollowUpDone(input.text, { taskId, index, on, with: withPerson }));
}

export function checkInOverdue(input: FixInput, diag: Diagnostic): QuickFix[] {
  const taskId = stringData(diag, 'taskId');
  const task = taskId !== undefined ? input.plan?.items.get(taskId) : undefined;
  if (!input.plan || task?.kind !== 'task' || input.today === undefined) return [];
  const withPerson = checkInWith(input.plan, task);
  if (withPerson === undefined) return [];
  const name = input.plan.people.get(withPerson)?.name;
  const who = name && name !== withPerson ? `${inertText(name, 60)} (${withPerson})` : withPerson;
  return planEditFix(
    `Log a check-in with ${who} today (${formatDay(input.today)})`,
    logCheckIn(input.text, task.id, input.today, withPerson),
  );
}
