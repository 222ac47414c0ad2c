export { toMermaidGantt } from './gantt';
export type { Gantt, GanttOptions, GanttRow } from './gantt';
export { escapeMermaidText, unescapeMermaidText } from './escape';
