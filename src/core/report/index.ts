/** The status report: data (statusReport) and its Markdown (statusReportMarkdown). */
export { statusReport } from './statusReport';
export type { MilestoneProgress, PlanReport } from './statusReport';
export { statusReportMarkdown } from './markdown';
