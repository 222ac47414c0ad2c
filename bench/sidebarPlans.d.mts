/** The `workback.today` of the sidebar benchmark's workspace. */
export declare const SIDEBAR_TODAY: string;
/** Plan `i` of the sidebar benchmark: `tasks` tasks in milestones of five, six people, "me" owning every sixth task. */
export declare function sidebarPlan(i: number, tasks: number, today?: string): string;
