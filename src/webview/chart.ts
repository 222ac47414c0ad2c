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
import { sectionColumnWidth, tickInterval } from './pure/layout';
import { TextMeasure } from './textMeasure';
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
  return sectionColumnWidth(widest, width);
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
      // (weekly ticks fall on the plan's first workday: the chart's own `weekday` line)
      tickInterval: tickInterval(o.days, o.width - leftPadding - rightPadding),
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
  const { svg } = await withTextWidthsFromCanvas(target, new TextMeasure(font, LABEL_FONT_SIZE), () =>
    mermaid.render(svgId, text, target),
  );
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
async function withTextWidthsFromCanvas<T>(
  renderHostEl: HTMLElement,
  measure: TextMeasure,
  draw: () => Promise<T>,
): Promise<T> {
  const proto = SVGGraphicsElement.prototype;
  const real = Object.getOwnPropertyDescriptor(proto, 'getBBox');
  if (!real || typeof real.value !== 'function') return draw();
  const realGetBBox = real.value as SVGGraphicsElement['getBBox'];
  Object.defineProperty(proto, 'getBBox', {
    ...real,
    value(this: SVGGraphicsElement, options?: SVGBoundingBoxOptions): DOMRect {
      if (this instanceof SVGTextElement && renderHostEl.contains(this))
        return new DOMRect(0, 0, measure.width(this.textContent ?? ''), LABEL_FONT_SIZE);
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
  configure({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    maxTextSize: LIMITS.maxTextSize,
    theme: name,
    themeVariables,
  });
  return mermaid.parse('gantt\n    dateFormat YYYY-MM-DD\n    section s\n    t:w1, 2026-01-05, 2026-01-06\n').then(
    () => undefined,
    () => undefined,
  );
}

/** A picture saved by an earlier page (the webview's state), adopted like a fresh one. */
export function restoreSvg(markup: string): SVGSVGElement {
  return adoptSvg(markup);
}

/**
 * Mermaid's output is already sanitized (DOMPurify, strict level); it goes through the rules the
 * extension host applies to an exported SVG too (src/shared/svgSanitize.ts: drawing elements and
 * attributes only, no link that leaves the picture), then is parsed in an inert document.
 */
function adoptSvg(markup: string): SVGSVGElement {
  const clean = sanitizeSvg(markup);
  const svg =
    clean === undefined ? null : new DOMParser().parseFromString(clean, 'text/html').body.querySelector('svg');
  if (!svg) throw new Error('Mermaid returned no SVG');
  return document.adoptNode(svg) as unknown as SVGSVGElement;
}
