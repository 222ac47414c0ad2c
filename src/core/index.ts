/** The one public surface of the core: pure functions, no vscode, no Node built-ins, no clock. */
export * from './diagnostic';
export * from './day';
export * from './model';
export * from './codes';
export * from './sourceTree';
export { LineIndex } from './lineIndex';
export { checkPlan } from './check';
export { decodePlanBytes, type Decoded, type DecodeOptions, type PlanEncoding } from './decode';
export { describeFailure } from './failure';
export { detachSource } from './detach';
export { DEFAULT_MAX_SIZE } from './parse/preflight';
export type { CheckOptions, CheckResult } from './check';
export {
  schedulePlan,
  criticalPath,
  toScheduleJson,
  makeCalendar,
  workCalendar,
  lateWords,
  slackState,
  slackWords,
  daysText,
  daysOffOf,
  daysOffWithin,
  checkInWith,
  daysLate,
  escalatedWords,
  escalationFor,
  ladderFor,
  nextCheckIn,
  taskLateness,
} from './schedule';
export type {
  DaysOff,
  Schedule,
  ScheduledItem,
  SlackState,
  WorkCalendar,
  ScheduleJson,
  ScheduleJsonItem,
  Escalation,
  Lateness,
  TaskStateName,
} from './schedule';
export * from './query';
export * from './mermaid';
export * from './edit';
export * from './editing';
export { calendarEvents, type CalendarEvent } from './calendar/events';
export { toICalendar, type ICalendarOptions } from './calendar/ics';
export * from './report';
