/** Core queries shared by the sidebar views and the CLI, across one or many plans. */
export { compareText, itemOf, taskState } from './planFile';
export type { PlanFile, TaskState } from './planFile';
export { resolveMe } from './people';
export { compareMyTasks, tasksFor } from './tasksFor';
export type { MyTask } from './tasksFor';
export { followUps } from './followUps';
export type { FollowUpEntry, FollowUpOptions } from './followUps';
export { planSummary } from './summary';
export type { PlanSummary } from './summary';
export { actionLateWords, actions, compareActions, comparePriority } from './actions';
export type { ActionItem, ActionOptions, EscalatedItem, InterimItem, LateWhat, ReviewItem } from './actions';
export { workload } from './workload';
export { overbookedAcrossPlans, overbookedAcrossPlansSteps } from './acrossPlans';
export type { PersonWorkload, WorkloadOptions, WorkloadTask, WorkloadWeek } from './workload';
