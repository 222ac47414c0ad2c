/**
 * Mermaid, configured once per drawing: strict security, no auto start, the VS Code theme, and
 * no error picture (errors come back as exceptions and are shown as text). `parse` runs before
 * `render`; the SVG is drawn in an off-screen host of the chart's width, then parsed in an
 * inert document, cleaned, and adopted.
 */
import mermaid from 'mermaid';
import { LIMITS, type ThemeKind } from '../shared/protocol';
import { mermaidTheme, todayColor } from './theme';

export interface DrawOptions {
  width: number;
  /** Days the time axis spans: sets the spacing of the date ticks. */
  days: number;
  /** Section (milestone) titles, to size the left column. */
  sections: string[];
  rows: number;
  theme: ThemeKind;
}

export interface Drawn {
  svg: SVGSVGElement;
  /** Mermaid's id of the SVG: bars are `${svgId}-${chartId}`. */
  svgId: string;
  mermaidMs: number;
  /** Width of the section titles' column. */
  leftPadding: number;
  /** The color of today's marker. */
  today: string;
  /** Parsing Mermaid's SVG into the document. */
  adoptMs: number;
}

let counter = 0;
let host: HTMLDivElement | undefined;
let canvas: CanvasRenderingContext2D | null | undefined;

function renderHost(width: number): HTMLDivElement {
  if (!host) {
    host = document.createElement('div');
    host.id = 'render-host';
    host.setAttribute('aria-hidden', 'true');
    document.body.appendChild(host);
  }
  host.style.width = `${width}px`;
  return host;
}

/** Width of the widest section title at Mermaid's section font. */
function sectionColumn(sections: string[], font: string, width: number): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  let widest = 60;
  if (canvas) {
    canvas.font = `12px ${font}`;
    for (const s of sections) widest = Math.max(widest, canvas.measureText(s).width);
  }
  // the column never takes more than a quarter of the chart; longer titles are cut with an ellipsis
  return Math.round(Math.min(Math.max(widest + 24, 90), Math.max(120, width * 0.25)));
}

export async function drawGantt(text: string, o: DrawOptions): Promise<Drawn> {
  const mt = mermaidTheme(o.theme);
  const { theme, themeVariables } = mt;
  const leftPadding = sectionColumn(o.sections, themeVariables.fontFamily ?? 'sans-serif', o.width);
  const rightPadding = 48;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    maxTextSize: LIMITS.maxTextSize,
    theme,
    themeVariables,
    fontFamily: themeVariables.fontFamily,
    gantt: {
      useMaxWidth: false,
      useWidth: o.width,
      barHeight: 22,
      barGap: 6,
      fontSize: 12,
      sectionFontSize: 12,
      leftPadding,
      rightPadding,
      tickInterval: tickInterval(o.days, o.width - leftPadding - rightPadding),
      weekday: 'monday',
      topPadding: o.rows > 25 ? 60 : 50,
      gridLineStartPadding: 40,
      topAxis: o.rows > 25,
      numberSectionStyles: 4,
    },
  });
  const t0 = performance.now();
  await mermaid.parse(text);
  const svgId = `wb-gantt-${++counter}`;
  const { svg } = await mermaid.render(svgId, text, renderHost(o.width));
  const mermaidMs = performance.now() - t0;
  const t1 = performance.now();
  const el = adoptSvg(svg);
  return { svg: el, svgId, mermaidMs, leftPadding, today: todayColor(mt), adoptMs: performance.now() - t1 };
}

/** Date ticks at least ~60 px apart: days, weeks or months as the axis allows. */
export function tickInterval(days: number, plotWidth: number): string {
  const perDay = Math.max(1, plotWidth) / Math.max(1, days);
  const steps: [string, number][] = [['1day', 1], ['2day', 2], ['1week', 7], ['2week', 14], ['1month', 30.5], ['2month', 61], ['3month', 91.5], ['6month', 183]];
  for (const [interval, len] of steps) if (len * perDay >= 60) return interval;
  return '12month';
}

/**
 * Mermaid's output is already sanitized (DOMPurify, strict level); parsing it in an inert
 * document and dropping anything active once more costs little: no script, no foreignObject,
 * no event handler attribute, no link that leaves the picture.
 */
function adoptSvg(markup: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const svg = doc.body.querySelector('svg');
  if (!svg) throw new Error('Mermaid returned no SVG');
  for (const bad of Array.from(svg.querySelectorAll('script, foreignObject, iframe, object, embed, a'))) bad.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !attr.value.startsWith('#'))) el.removeAttribute(attr.name);
    }
  }
  return document.adoptNode(svg) as unknown as SVGSVGElement;
}

/**
 * Mermaid draws every vertical marker in one color: today's gets its own (inline, so an
 * exported SVG keeps it), and a diagram title wider than the chart is cut with an ellipsis.
 */
export function finishMarkers(d: Drawn, width: number): void {
  for (const id of [`${d.svgId}-today`, `${d.svgId}-today-text`]) {
    const el = d.svg.getElementById(id) as SVGElement | null;
    if (!el) continue;
    el.style.setProperty('fill', d.today, 'important');
    el.style.setProperty('stroke', d.today, 'important');
  }
  const title = d.svg.querySelector<SVGTextElement>('text.titleText');
  if (title && title.getComputedTextLength() > width - 24) truncate(title, title.textContent ?? '', width - 24);
}

/**
 * Section titles that do not fit the left column wrap onto as many lines as their section has
 * room for (two a row), and the last line is cut with an ellipsis when even that is not enough;
 * the whole title stays in a tooltip. `rowsPerSection` is in the order Mermaid draws them.
 * Call it once the SVG is in the document (text is measured there).
 */
export function fitSectionTitles(svg: SVGSVGElement, column: number, rowsPerSection: readonly number[]): void {
  const max = column - 16;
  const titles = Array.from(svg.querySelectorAll<SVGTextElement>('text.sectionTitle'));
  titles.forEach((t, i) => {
    const full = (t.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.getComputedTextLength() <= max) return;
    const maxLines = Math.max(1, Math.min(6, (rowsPerSection[i] ?? 1) * 2));
    const first = t.querySelector('tspan');
    const x = first?.getAttribute('x') ?? '10';
    const line = (text: string, n: number): SVGTSpanElement => {
      const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      span.setAttribute('x', x);
      span.setAttribute('alignment-baseline', 'central');
      if (n > 0) span.setAttribute('dy', '1.15em');
      span.textContent = text;
      return span;
    };
    t.replaceChildren();
    const words = full.split(' ');
    const lines: SVGTSpanElement[] = [];
    let current = line('', 0);
    t.appendChild(current);
    for (const w of words) {
      const before = current.textContent ?? '';
      current.textContent = before ? `${before} ${w}` : w;
      if (current.getComputedTextLength() <= max || !before) continue;
      current.textContent = before;
      if (lines.length + 1 >= maxLines) {
        current.textContent = `${before} ${w}`;
        break;
      }
      lines.push(current);
      current = line(w, lines.length);
      t.appendChild(current);
    }
    lines.push(current);
    // the rest did not fit: the last line ends with an ellipsis
    const shown = lines.map((l) => l.textContent).join(' ');
    const last = lines[lines.length - 1]!;
    if (shown.length < full.length || last.getComputedTextLength() > max) {
      const text = last.textContent ?? '';
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        last.textContent = `${text.slice(0, mid)}…`;
        if (last.getComputedTextLength() <= max) lo = mid;
        else hi = mid - 1;
      }
      last.textContent = `${text.slice(0, lo)}…`;
    }
    t.setAttribute('dy', `${-((lines.length - 1) * 1.15) / 2}em`);
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = full;
    t.appendChild(title);
  });
}

/**
 * Mermaid puts a label that does not fit its bar to the right of it, or to the left when the
 * right edge is near, even over the section titles. Put each outside label where it fits (right,
 * else left of the bar, never over the section column), cut it with an ellipsis when it fits
 * nowhere (the full title is in the tooltip). Call it once the SVG is in the document.
 */
export function placeLabels(svg: SVGSVGElement, svgId: string, chartIds: readonly string[], column: number, width: number): void {
  for (const id of chartIds) {
    const rect = svg.getElementById(`${svgId}-${id}`) as SVGRectElement | null;
    const text = svg.getElementById(`${svgId}-${id}-text`) as SVGTextElement | null;
    if (!rect || !text) continue;
    const cls = text.classList;
    if (!cls.contains('taskTextOutsideLeft') && !cls.contains('taskTextOutsideRight')) continue;
    const x = Number(rect.getAttribute('x'));
    const w = Number(rect.getAttribute('width'));
    if (!Number.isFinite(x) || !Number.isFinite(w)) continue;
    const full = text.textContent ?? '';
    const len = text.getComputedTextLength();
    const rightRoom = width - 6 - (x + w + 5);
    const leftRoom = x - 5 - (column + 6);
    const right = len <= rightRoom || (len > leftRoom && rightRoom >= leftRoom);
    cls.toggle('taskTextOutsideRight', right);
    cls.toggle('taskTextOutsideLeft', !right);
    text.setAttribute('x', String(right ? x + w + 5 : x - 5));
    const room = right ? rightRoom : leftRoom;
    if (len > room) truncate(text, full, Math.max(0, room));
  }
}

function truncate(text: SVGTextElement, full: string, room: number): void {
  let lo = 0;
  let hi = full.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    text.textContent = `${full.slice(0, mid)}…`;
    if (text.getComputedTextLength() <= room) lo = mid;
    else hi = mid - 1;
  }
  text.textContent = lo > 0 ? `${full.slice(0, lo)}…` : '';
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = full;
  text.appendChild(title);
}

/** Grow the SVG's box to hold everything drawn (Mermaid cuts the markers' labels at the edges). */
export function fitViewBox(svg: SVGSVGElement): void {
  const vb = svg.viewBox.baseVal;
  const bb = svg.getBBox();
  if (!vb || vb.width === 0) return;
  const x0 = Math.min(vb.x, Math.floor(bb.x) - 4);
  const y0 = Math.min(vb.y, Math.floor(bb.y) - 4);
  const x1 = Math.max(vb.x + vb.width, Math.ceil(bb.x + bb.width) + 4);
  const y1 = Math.max(vb.y + vb.height, Math.ceil(bb.y + bb.height) + 4);
  svg.setAttribute('viewBox', `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  svg.setAttribute('width', String(x1 - x0));
  svg.setAttribute('height', String(y1 - y0));
}
