export { toMermaidGantt } from './gantt';
export type { Gantt, GanttOptions, GanttRow, GanttSection } from './gantt';
export { escapeMermaidText } from './escape';
