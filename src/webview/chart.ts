/**
 * Mermaid, configured for each drawing (initialized again only when the configuration changed):
 * strict security, no auto start, the VS Code theme, and no error picture (errors come back as
 * exceptions and are shown as text). The SVG is drawn in an off-screen host of the chart's
 * width (task labels measured on a canvas, see withTextWidthsFromCanvas), then parsed in an
 * inert document, cleaned, and adopted.
 */
import mermaid from 'mermaid';
import { LIMITS, type ThemeKind } from '../shared/protocol';
import { sanitizeSvg } from '../shared/svgSanitize';
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
  /** The chart's font family (labels and section titles are 12 px, the title 18 px). */
  font: string;
}

/** Ids unique across pages too: a picture restored from the saved state keeps its own. */
const PAGE = Math.random().toString(36).slice(2, 8);
let counter = 0;
/** The configuration Mermaid was last initialized with (initializing again costs a theme build). */
let configured = '';
let host: HTMLDivElement | undefined;
/** Mermaid's Gantt task labels (and section titles): `gantt.fontSize`, in the theme's font. */
export const LABEL_FONT_SIZE = 12;
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
    canvas.font = `${LABEL_FONT_SIZE}px ${font}`;
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
  configure({
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
      fontSize: LABEL_FONT_SIZE,
      sectionFontSize: LABEL_FONT_SIZE,
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
  const font = themeVariables.fontFamily ?? 'sans-serif';
  const t0 = performance.now();
  // render parses the text itself (and throws, drawing nothing, when it does not parse)
  const svgId = `wb-gantt-${PAGE}-${++counter}`;
  const target = renderHost(o.width);
  const { svg } = await withTextWidthsFromCanvas(target, new TextMeasure(font, LABEL_FONT_SIZE), () => mermaid.render(svgId, text, target));
  const mermaidMs = performance.now() - t0;
  const t1 = performance.now();
  const el = adoptSvg(svg);
  return { svg: el, svgId, mermaidMs, leftPadding, today: todayColor(mt), adoptMs: performance.now() - t1, font };
}

/**
 * Mermaid's Gantt renderer reads each task label's width with `getBBox` while it sets the labels'
 * attributes one by one (to put a label in its bar, or beside it), so the browser lays the chart
 * out again for every label: about 40% of Mermaid's time for 200 tasks. While Mermaid draws in
 * the render host, `getBBox` of a text element there answers with the width a canvas measures in
 * the labels' font and size instead, and no layout. Both are the text's advance widths; they
 * agree to about a pixel, so only a label within a pixel of its bar's width could land beside
 * the bar rather than in it. test/e2e/mermaidLabels.test.mjs draws the golden Mermaid texts and
 * 200 tasks both ways (1,196 labels, two widths, two themes): the same place and classes for
 * every label. The renderer reads nothing but `width`; every other element, and every element
 * elsewhere, gets the real `getBBox`.
 */
async function withTextWidthsFromCanvas<T>(renderHostEl: HTMLElement, measure: TextMeasure, draw: () => Promise<T>): Promise<T> {
  const proto = SVGGraphicsElement.prototype;
  const real = Object.getOwnPropertyDescriptor(proto, 'getBBox');
  if (!real || typeof real.value !== 'function') return draw();
  const realGetBBox = real.value as SVGGraphicsElement['getBBox'];
  Object.defineProperty(proto, 'getBBox', {
    ...real,
    value(this: SVGGraphicsElement, options?: SVGBoundingBoxOptions): DOMRect {
      if (this instanceof SVGTextElement && renderHostEl.contains(this)) return new DOMRect(0, 0, measure.width(this.textContent ?? ''), LABEL_FONT_SIZE);
      return realGetBBox.call(this, options);
    },
  });
  try {
    return await draw();
  } finally {
    Object.defineProperty(proto, 'getBBox', real);
  }
}

type MermaidConfig = Parameters<typeof mermaid.initialize>[0];

function configure(config: MermaidConfig): void {
  const key = JSON.stringify(config);
  if (key === configured) return;
  mermaid.initialize(config);
  configured = key;
}

/**
 * Mermaid's first drawing of a page also loads and registers the Gantt diagram: started while
 * the page waits for its first picture, that work is off the picture's path.
 */
export function warmUp(theme: ThemeKind): Promise<void> {
  const { theme: name, themeVariables } = mermaidTheme(theme);
  configure({ startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true, maxTextSize: LIMITS.maxTextSize, theme: name, themeVariables });
  return mermaid.parse('gantt\n    dateFormat YYYY-MM-DD\n    section s\n    t:w1, 2026-01-05, 2026-01-06\n').then(() => undefined, () => undefined);
}

/** A picture saved by an earlier page (the webview's state), adopted like a fresh one. */
export function restoreSvg(markup: string): SVGSVGElement {
  return adoptSvg(markup);
}

/** Date ticks at least ~60 px apart: days, weeks or months as the axis allows. */
export function tickInterval(days: number, plotWidth: number): string {
  const perDay = Math.max(1, plotWidth) / Math.max(1, days);
  const steps: [string, number][] = [['1day', 1], ['2day', 2], ['1week', 7], ['2week', 14], ['1month', 30.5], ['2month', 61], ['3month', 91.5], ['6month', 183]];
  for (const [interval, len] of steps) if (len * perDay >= 60) return interval;
  return '12month';
}

/**
 * Mermaid's output is already sanitized (DOMPurify, strict level); it goes through the rules the
 * extension host applies to an exported SVG too (src/shared/svgSanitize.ts: drawing elements and
 * attributes only, no link that leaves the picture), then is parsed in an inert document.
 */
function adoptSvg(markup: string): SVGSVGElement {
  const clean = sanitizeSvg(markup);
  const svg = clean === undefined ? null : new DOMParser().parseFromString(clean, 'text/html').body.querySelector('svg');
  if (!svg) throw new Error('Mermaid returned no SVG');
  return document.adoptNode(svg) as unknown as SVGSVGElement;
}

/**
 * Text widths without layout: a canvas measures in the chart's font, so the label fitting below
 * reads nothing from the DOM (measuring SVG text after each change forces a layout per label).
 */
export class TextMeasure {
  private readonly ctx: CanvasRenderingContext2D | null;

  constructor(font: string, size: number) {
    this.ctx = document.createElement('canvas').getContext('2d');
    if (this.ctx) this.ctx.font = `${size}px ${font}`;
  }

  width(text: string): number {
    return this.ctx ? this.ctx.measureText(text).width : text.length * 7;
  }

  /** The longest prefix of `text` that fits `room` with an ellipsis ('' when none). */
  cut(text: string, room: number): string {
    if (this.width(text) <= room) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.width(`${text.slice(0, mid)}…`) <= room) lo = mid;
      else hi = mid - 1;
    }
    return lo > 0 ? `${text.slice(0, lo).trimEnd()}…` : '';
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

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
export function finishMarkers(d: Drawn, width: number, title: TextMeasure): void {
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
 * room for (two a row), and the last line is cut with an ellipsis when even that is not enough;
 * the whole title stays in a tooltip. `rowsPerSection` is in the order Mermaid draws them.
 */
export function fitSectionTitles(svg: SVGSVGElement, column: number, rowsPerSection: readonly number[], measure: TextMeasure): void {
  const max = column - 16;
  const titles = Array.from(svg.querySelectorAll<SVGTextElement>('text.sectionTitle'));
  titles.forEach((t, i) => {
    const full = (t.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (measure.width(full) <= max) return;
    const maxLines = Math.max(1, Math.min(6, (rowsPerSection[i] ?? 1) * 2));
    const lines: string[] = [];
    let current = '';
    let rest = '';
    const words = full.split(' ');
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const next = current ? `${current} ${word}` : word;
      if (measure.width(next) <= max || !current) {
        current = next;
        continue;
      }
      if (lines.length + 1 >= maxLines) {
        rest = words.slice(w).join(' ');
        break;
      }
      lines.push(current);
      current = word;
    }
    lines.push(rest ? `${current} ${rest}` : current);
    const last = lines.length - 1;
    if (rest || measure.width(lines[last]!) > max) lines[last] = measure.cut(lines[last]!, max) || '…';
    const x = t.querySelector('tspan')?.getAttribute('x') ?? '10';
    t.replaceChildren(...lines.map((text, n) => {
      const span = document.createElementNS(SVG_NS, 'tspan');
      span.setAttribute('x', x);
      span.setAttribute('alignment-baseline', 'central');
      if (n > 0) span.setAttribute('dy', '1.15em');
      span.textContent = text;
      return span;
    }));
    t.setAttribute('dy', `${-((lines.length - 1) * 1.15) / 2}em`);
    keepTitle(t, full);
  });
}

/**
 * Mermaid puts a label that does not fit its bar to the right of it, or to the left when the
 * right edge is near, even over the section titles. Put each outside label where it fits (right,
 * else left of the bar, never over the section column), cut it with an ellipsis when it fits
 * nowhere (the full title is in the tooltip).
 */
export function placeLabels(svg: SVGSVGElement, svgId: string, chartIds: readonly string[], column: number, width: number, measure: TextMeasure): void {
  const byId = new Map<string, SVGElement>();
  for (const el of Array.from(svg.querySelectorAll<SVGElement>('rect[id], text[id]'))) byId.set(el.id, el);
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
    const rightRoom = width - 6 - (x + w + 5);
    const leftRoom = x - 5 - (column + 6);
    const right = len <= rightRoom || (len > leftRoom && rightRoom >= leftRoom);
    cls.toggle('taskTextOutsideRight', right);
    cls.toggle('taskTextOutsideLeft', !right);
    text.setAttribute('x', String(right ? x + w + 5 : x - 5));
    const room = right ? rightRoom : leftRoom;
    if (len > room) {
      text.textContent = measure.cut(full, Math.max(0, room));
      keepTitle(text, full);
    }
  }
}

/** Grow the SVG's box to hold everything drawn (Mermaid cuts the markers' labels at the edges). */
export function fitViewBox(svg: SVGSVGElement): void {
  const vb = svg.viewBox.baseVal;
  if (!vb || vb.width === 0) return;
  const bb = svg.getBBox(); // the one layout of the post-processing
  const x0 = Math.min(vb.x, Math.floor(bb.x) - 4);
  const y0 = Math.min(vb.y, Math.floor(bb.y) - 4);
  const x1 = Math.max(vb.x + vb.width, Math.ceil(bb.x + bb.width) + 4);
  const y1 = Math.max(vb.y + vb.height, Math.ceil(bb.y + bb.height) + 4);
  svg.setAttribute('viewBox', `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  svg.setAttribute('width', String(x1 - x0));
  svg.setAttribute('height', String(y1 - y0));
}
