/**
 * What the timeline's legend lists: each state a bar can show, with the cue that tells it apart
 * besides its colour (an outline, a dash, a shape), the shading of days off and the two lines.
 * Plain data: legend.ts draws it, with the colours of the chart actually drawn.
 */

export interface LegendEntry {
  /** The entry's id (the DOM check and the tests name entries by it). */
  key: string;
  label: string;
  /** How the swatch is drawn: a bar (with Mermaid's classes), a diamond, a shaded day, a line. */
  swatch: 'bar' | 'gap' | 'diamond' | 'off' | 'line';
  /** Mermaid's classes of such a bar (their fill and stroke are read from the drawn chart). */
  mermaidClass?: string;
  /** The panel's own class for a state Mermaid does not draw (outline, dash). */
  stateClass?: string;
  /** For a line: which marker. */
  line?: 'today' | 'goaldue';
}

export const LEGEND: readonly LegendEntry[] = [
  { key: 'todo', label: 'Not started', swatch: 'bar', mermaidClass: 'task task0' },
  { key: 'doing', label: 'In progress', swatch: 'bar', mermaidClass: 'task active0' },
  { key: 'done', label: 'Done', swatch: 'bar', mermaidClass: 'task done0' },
  { key: 'critical', label: 'Critical path', swatch: 'bar', mermaidClass: 'task crit0' },
  {
    key: 'late-start',
    label: 'Late start (dashed edge)',
    swatch: 'bar',
    mermaidClass: 'task task0',
    stateClass: 'wb-late-start',
  },
  {
    key: 'overdue',
    label: 'Overdue (thick edge)',
    swatch: 'bar',
    mermaidClass: 'task task0',
    stateClass: 'wb-overdue',
  },
  {
    key: 'blocked',
    label: 'Blocked (dotted edge)',
    swatch: 'bar',
    mermaidClass: 'task task0',
    stateClass: 'wb-blocked',
  },
  { key: 'checkpoint', label: 'Checkpoint, goal (diamond)', swatch: 'diamond', mermaidClass: 'task task0 milestone' },
  { key: 'off', label: 'Day off or holiday (shaded)', swatch: 'off', mermaidClass: 'exclude-range' },
  {
    key: 'task-off',
    label: 'Freeze or leave of that task (notched bar)',
    swatch: 'gap',
    mermaidClass: 'task task0',
  },
  { key: 'today', label: 'Today', swatch: 'line', line: 'today' },
  { key: 'goaldue', label: 'Goal due', swatch: 'line', line: 'goaldue' },
];
