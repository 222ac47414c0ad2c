/**
 * Mermaid's picture finished for the panel, before it is shown: today's marker in its own color,
 * a long diagram title cut, section titles wrapped into their column, task labels that do not fit
 * their bars placed where they do, and the view box grown to hold it all. What is cut keeps its
 * whole text in an SVG tooltip. The arithmetic is in src/webview/pure/layout.ts.
 */
import { grownViewBox, outsideLabel, overlappingLabels, sectionTitleLines, type LabelSpan } from './pure/layout';
import { LABEL_FONT_SIZE, type Drawn } from './chart';
import { TextMeasure } from './textMeasure';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Mermaid's diagram title: 18 px. */
const TITLE_FONT_SIZE = 18;

/**
 * Everything but the view box, which needs the picture in the document (see `fitViewBox`).
 * `rowsPerSection`: each section's rows, in the order Mermaid draws them (none: one row each);
 * `chartIds`: Mermaid's ids of the rows; `compact`: a section's tasks share one row.
 */
export function finishPicture(
  d: Drawn,
  width: number,
  rowsPerSection: readonly number[],
  chartIds: readonly string[],
  compact = false,
): void {
  const labels = new TextMeasure(d.font, LABEL_FONT_SIZE);
  finishMarkers(d, width, new TextMeasure(d.font, TITLE_FONT_SIZE));
  fitSectionTitles(d.svg, d.leftPadding, rowsPerSection, labels);
  // the bars and their labels by id, found in one pass (a selector per row would scan the picture each time)
  const byId = new Map<string, SVGElement>();
  for (const el of Array.from(d.svg.querySelectorAll<SVGElement>('rect[id], text[id]'))) byId.set(el.id, el);
  placeLabels(byId, d.svgId, chartIds, d.leftPadding, width, labels);
  if (compact) {
    hideOverlappingLabels(byId, d.svgId, chartIds, labels);
    fitMarkersToRows(d.svg);
  }
}

/** Below the bottom axis, where a marker's label goes: under the axis's dates (10 px, 1em down). */
const MARKER_LABEL_BELOW_AXIS = 40;

/**
 * Mermaid sizes the today and goal-due lines by the number of tasks, not of rows: in compact mode
 * they would run far below the chart. Each line ends at the last row's bottom, and its label sits
 * under the bottom axis's dates.
 */
function fitMarkersToRows(svg: SVGSVGElement): void {
  let bottom = -Infinity;
  for (const r of Array.from(svg.querySelectorAll<SVGRectElement>('rect.section')))
    bottom = Math.max(bottom, Number(r.getAttribute('y')) + Number(r.getAttribute('height')));
  let axis = -Infinity; // the bottom axis: the grid translated furthest down
  for (const g of Array.from(svg.querySelectorAll<SVGGElement>('g.grid'))) {
    const m = /translate\(\s*[-\d.e]+[\s,]+([-\d.e]+)\s*\)/.exec(g.getAttribute('transform') ?? '');
    if (m) axis = Math.max(axis, Number(m[1]));
  }
  if (!Number.isFinite(bottom)) return;
  for (const line of Array.from(svg.querySelectorAll<SVGRectElement>('rect.vert'))) {
    const y = Number(line.getAttribute('y'));
    const height = Number(line.getAttribute('height'));
    if (!Number.isFinite(y) || !Number.isFinite(height) || y + height <= bottom) continue;
    line.setAttribute('height', String(bottom - y));
    const text = line.id ? svg.querySelector<SVGTextElement>(`[id="${line.id}-text"]`) : null;
    if (text && Number.isFinite(axis)) text.setAttribute('y', String(axis + MARKER_LABEL_BELOW_AXIS));
  }
}

/**
 * Compact mode draws a section's tasks on one row, where their labels would run into each other:
 * a label that would overlap the one before it in its row is hidden (`display="none"`); its
 * bar's tooltip still gives the title and the dates.
 */
function hideOverlappingLabels(
  byId: ReadonlyMap<string, SVGElement>,
  svgId: string,
  chartIds: readonly string[],
  measure: TextMeasure,
): void {
  const texts: SVGElement[] = [];
  const spans: LabelSpan[] = [];
  for (const id of chartIds) {
    const text = byId.get(`${svgId}-${id}-text`);
    if (!text) continue;
    const x = Number(text.getAttribute('x'));
    const row = Number(text.getAttribute('y'));
    if (!Number.isFinite(x) || !Number.isFinite(row)) continue;
    const w = measure.width(text.textContent ?? '');
    // Mermaid's anchors: a label inside its bar is centred, one outside starts (right) or ends (left) at x
    const cls = text.classList;
    const x0 = cls.contains('taskTextOutsideRight') ? x : cls.contains('taskTextOutsideLeft') ? x - w : x - w / 2;
    texts.push(text);
    spans.push({ row, x0, x1: x0 + w });
  }
  // a presentation attribute, not a class of the panel's CSS: an exported picture hides them too
  for (const i of overlappingLabels(spans)) texts[i]!.setAttribute('display', 'none');
}

/** Keep the whole text in a tooltip of a shortened SVG text. */
function keepTitle(el: SVGElement, full: string): void {
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = full;
  el.appendChild(title);
}

/**
 * Mermaid draws every vertical marker in one color: today's gets its own (inline, so an
 * exported SVG keeps it), and a diagram title wider than the chart is cut with an ellipsis.
 */
function finishMarkers(d: Drawn, width: number, title: TextMeasure): void {
  for (const id of [`${d.svgId}-today`, `${d.svgId}-today-text`]) {
    const el = d.svg.querySelector<SVGElement>(`[id="${id}"]`);
    if (!el) continue;
    el.style.setProperty('fill', d.today, 'important');
    el.style.setProperty('stroke', d.today, 'important');
  }
  const t = d.svg.querySelector<SVGTextElement>('text.titleText');
  const full = t?.textContent ?? '';
  if (t && title.width(full) > width - 24) {
    t.textContent = title.cut(full, width - 24);
    keepTitle(t, full);
  }
}

/**
 * Section titles that do not fit the left column wrap onto as many lines as their section has
 * room for, the whole title in a tooltip.
 */
function fitSectionTitles(
  svg: SVGSVGElement,
  column: number,
  rowsPerSection: readonly number[],
  measure: TextMeasure,
): void {
  const titles = Array.from(svg.querySelectorAll<SVGTextElement>('text.sectionTitle'));
  titles.forEach((t, i) => {
    const full = (t.textContent ?? '').replace(/\s+/g, ' ').trim();
    const lines = sectionTitleLines(full, column - 16, rowsPerSection[i], measure.width);
    if (!lines) return;
    const x = t.querySelector('tspan')?.getAttribute('x') ?? '10';
    t.replaceChildren(
      ...lines.map((text, n) => {
        const span = document.createElementNS(SVG_NS, 'tspan');
        span.setAttribute('x', x);
        span.setAttribute('alignment-baseline', 'central');
        if (n > 0) span.setAttribute('dy', '1.15em');
        span.textContent = text;
        return span;
      }),
    );
    t.setAttribute('dy', `${-((lines.length - 1) * 1.15) / 2}em`);
    keepTitle(t, full);
  });
}

/**
 * Mermaid puts a label that does not fit its bar to the right of it, or to the left when the
 * right edge is near, even over the section titles. Put each outside label where it fits, cut
 * with an ellipsis when it fits nowhere (the full title is in the tooltip).
 */
function placeLabels(
  byId: ReadonlyMap<string, SVGElement>,
  svgId: string,
  chartIds: readonly string[],
  column: number,
  width: number,
  measure: TextMeasure,
): void {
  for (const id of chartIds) {
    const rect = byId.get(`${svgId}-${id}`);
    const text = byId.get(`${svgId}-${id}-text`);
    if (!rect || !text) continue;
    const cls = text.classList;
    if (!cls.contains('taskTextOutsideLeft') && !cls.contains('taskTextOutsideRight')) continue;
    const x = Number(rect.getAttribute('x'));
    const w = Number(rect.getAttribute('width'));
    if (!Number.isFinite(x) || !Number.isFinite(w)) continue;
    const full = text.textContent ?? '';
    const len = measure.width(full);
    const place = outsideLabel({ x, width: w }, len, column, width);
    cls.toggle('taskTextOutsideRight', place.right);
    cls.toggle('taskTextOutsideLeft', !place.right);
    text.setAttribute('x', String(place.x));
    if (len > place.room) {
      text.textContent = measure.cut(full, Math.max(0, place.room));
      keepTitle(text, full);
    }
  }
}

/** Grow the SVG's box to hold everything drawn (Mermaid cuts the markers' labels at the edges). */
export function fitViewBox(svg: SVGSVGElement): void {
  const vb = svg.viewBox.baseVal;
  if (!vb || vb.width === 0) return;
  const box = grownViewBox(vb, svg.getBBox()); // the one layout of the post-processing
  svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
}
