/**
 * The drawn bars made interactive: each row's rect and label (Mermaid's ids
 * `${svgId}-${chartId}` and `...-text`) get its row index; one set of listeners on the chart
 * shows a tooltip (built with textContent only) and asks the host to reveal the task.
 */
import type { BarInfo } from '../shared/protocol';
import { revealable, tooltipHint, tooltipLines } from './pure/tooltip';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Tag the SVG's bars with their rows, and draw each task's own days off (freezes, leave) as
 * notches in its bar; returns how many task bars and rows were found.
 */
export function tagBars(svg: SVGSVGElement, svgId: string, rows: readonly BarInfo[]): { bars: number; rows: number } {
  let bars = 0;
  let found = 0;
  const byId = new Map<string, Element>();
  for (const el of Array.from(svg.querySelectorAll('[id]'))) byId.set(el.id, el);
  for (const gap of Array.from(svg.querySelectorAll('.wb-dayoff'))) gap.remove(); // a picture drawn again
  let bg: string | undefined;
  const background = (): string =>
    (bg ??= getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff');
  rows.forEach((row, i) => {
    const rect = byId.get(`${svgId}-${row.chartId}`);
    const label = byId.get(`${svgId}-${row.chartId}-text`);
    if (!rect) return;
    found++;
    if (row.kind === 'task') bars++;
    for (const el of [rect, label]) {
      if (!el) continue;
      el.setAttribute('data-row', String(i));
      el.classList.add('wb-bar');
    }
    if (row.state) rect.classList.add(`wb-${row.state}`); // its edge (timeline.css, the legend)
    if (row.daysOff && row.barDays) drawGaps(rect, row.daysOff, row.barDays, background());
    if (row.kind !== 'goal') {
      rect.setAttribute('tabindex', '0');
      rect.setAttribute('role', 'button');
      rect.setAttribute('aria-label', `${row.title}: reveal in the editor`);
    }
  });
  return { bars, rows: found };
}

/** The share of a bar's height each notch of days off takes, at its top and at its bottom. */
const NOTCH = 0.2;

/**
 * Each run of days off cuts two notches out of the bar, as wide as those days (the bar spans
 * `barDays` days), in the editor's background colour.
 */
function drawGaps(rect: Element, runs: NonNullable<BarInfo['daysOff']>, barDays: number, fill: string): void {
  const num = (name: string): number => Number(rect.getAttribute(name));
  const [x, y, width, height] = [num('x'), num('y'), num('width'), num('height')];
  if (![x, y, width, height].every(Number.isFinite) || width <= 0) return;
  let after: Element = rect;
  const notch = NOTCH * height;
  for (const run of runs) {
    // a notch at the top and one at the bottom: the bar narrows where no work is done, and the
    // label inside it (in its middle) stays on the bar's colour
    for (const top of [y, y + height - notch]) {
      const gap = document.createElementNS(SVG_NS, 'rect');
      gap.setAttribute('class', 'wb-dayoff');
      // as attributes too, for the exported picture (which has no stylesheet)
      gap.setAttribute('fill', fill);
      gap.setAttribute('pointer-events', 'none');
      gap.setAttribute('x', String(x + (run.first / barDays) * width));
      gap.setAttribute('y', String(top));
      gap.setAttribute('width', String(((run.last - run.first + 1) / barDays) * width));
      gap.setAttribute('height', String(notch));
      after.after(gap);
      after = gap;
    }
  }
}

export function rowOf(target: EventTarget | null, rows: readonly BarInfo[]): BarInfo | undefined {
  const el = target instanceof Element ? target.closest('[data-row]') : null;
  if (!el) return undefined;
  const i = Number(el.getAttribute('data-row'));
  return Number.isInteger(i) ? rows[i] : undefined;
}

export class Tooltip {
  private readonly el: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.el = document.createElement('div');
    this.el.id = 'tooltip';
    this.el.setAttribute('role', 'tooltip');
    this.el.hidden = true;
    parent.appendChild(this.el);
  }

  show(b: BarInfo, x: number, y: number): void {
    const title = document.createElement('div');
    title.className = 'tt-title';
    title.textContent = b.title;
    const table = document.createElement('dl');
    for (const [k, v] of tooltipLines(b)) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      table.append(dt, dd);
    }
    const hint = document.createElement('div');
    hint.className = 'tt-hint';
    hint.textContent = tooltipHint(b);
    this.el.replaceChildren(title, table, hint);
    this.el.hidden = false;
    this.move(x, y);
  }

  move(x: number, y: number): void {
    const r = this.el.getBoundingClientRect();
    const left = Math.min(x + 14, window.innerWidth - r.width - 8);
    const top = y + 18 + r.height > window.innerHeight ? y - r.height - 10 : y + 18;
    this.el.style.left = `${Math.max(4, left)}px`;
    this.el.style.top = `${Math.max(4, top)}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}

/**
 * One set of listeners on the chart for every picture: hover and focus show the row's tooltip,
 * click, Enter and Space reveal it. `rows` gives the rows of the picture shown now.
 */
export function wireBars(
  chart: HTMLElement,
  tooltip: Tooltip,
  rows: () => readonly BarInfo[],
  reveal: (row: BarInfo) => void,
): void {
  const at = (t: EventTarget | null) => rowOf(t, rows());
  const open = (row: BarInfo | undefined) => {
    if (revealable(row)) reveal(row);
  };
  chart.addEventListener('click', (e) => open(at(e.target)));
  chart.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const row = at(e.target);
    if (!row) return;
    e.preventDefault();
    open(row);
  });
  chart.addEventListener('pointerover', (e) => {
    const row = at(e.target);
    if (row) tooltip.show(row, e.clientX, e.clientY);
  });
  chart.addEventListener('pointermove', (e) => {
    if (at(e.target)) tooltip.move(e.clientX, e.clientY);
  });
  chart.addEventListener('pointerout', (e) => {
    if (!at(e.relatedTarget)) tooltip.hide();
  });
  chart.addEventListener('focusin', (e) => {
    const row = at(e.target);
    if (!row || !(e.target instanceof Element)) return;
    const r = e.target.getBoundingClientRect();
    tooltip.show(row, r.left, r.bottom - 10);
  });
  chart.addEventListener('focusout', () => tooltip.hide());
}

/**
 * The SVG as a file: a copy without the panel's own attributes. With `size`, the copy gets that
 * width and height in pixels (an image needs them: the chart's own width is the panel's 100%).
 */
export function exportableSvg(svg: SVGSVGElement, size?: { width: number; height: number }): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  if (size) {
    clone.setAttribute('width', String(size.width));
    clone.setAttribute('height', String(size.height));
    clone.style.removeProperty('max-width');
  }
  for (const el of Array.from(clone.querySelectorAll('[data-row]'))) {
    el.removeAttribute('data-row');
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
    el.classList.remove('wb-bar', 'wb-overdue', 'wb-late-start', 'wb-blocked');
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(clone);
}
