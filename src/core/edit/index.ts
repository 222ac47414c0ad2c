/** Minimal, verified edits of plan text (pure: no vscode, no Node built-ins, no clock). */
export { applyEdits, eolOf, normalizeEdits } from './text';
export type { TextEdit } from './text';
export { formatScalar, isPlainSafe } from './scalar';
export type { ScalarEditValue, QuoteStyle } from './scalar';
export { chainTo, closerAfter, detectLayout, nodeEnd, EditRefusal, DEFAULT_LAYOUT } from './nodes';
export type { Layout, NodeStep } from './nodes';
export { editMap, editSeq, renderFlow } from './render';
export type { EditMap, EditSeq, EditValue } from './render';
export {
  appendItem,
  fillEmptyPair,
  insertPairs,
  removeFlowEntry,
  removeItem,
  removePair,
  setScalar,
} from './yamlEdits';
export {
  addFollowUp,
  anchorFor,
  blockTask,
  findTasks,
  FOLLOW_UP_KEY_ORDER,
  locateFollowUp,
  locateTask,
  logCheckIn,
  markFollowUpDone,
  markTaskDone,
  plainEqual,
  startTask,
  TASK_KEY_ORDER,
} from './planEdits';
export {
  addInterim,
  locateItem,
  GOAL_KEY_ORDER,
  INTERIM_KEY_ORDER,
  markGoalAchieved,
  markInterimInPlace,
  markReviewed,
  MILESTONE_KEY_ORDER,
} from './methodEdits';
export type {
  FollowUpRef,
  NewFollowUp,
  OpenStatus,
  PlanEditDone,
  PlanEditOptions,
  PlanEditRefused,
  PlanEditResult,
  RefusalReason,
  TaskLocation,
} from './planEdits';
export { commentsOf, editBase, editProblem, lostComment, unintendedChange } from './verify';
export type { EditBase } from './verify';
