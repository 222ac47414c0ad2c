export { ganttMarkdown, toMermaidGantt } from './gantt';
export type { Gantt, GanttOptions, GanttRow, GanttSection } from './gantt';
export { escapeMermaidText } from './escape';
export { barSpan } from './barSpan';
export type { BarSpan } from './barSpan';
