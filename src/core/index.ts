/** The one public surface of the core: pure functions, no vscode, no Node built-ins, no clock. */
export * from './diagnostic';
export * from './day';
export * from './model';
export * from './codes';
export * from './sourceTree';
export { LineIndex } from './lineIndex';
export * from './schedule/types';
export { checkPlan } from './check';
export type { CheckOptions, CheckResult } from './check';
