/** Mermaid's own parser and renderer in Node: a jsdom window for its DOMPurify and d3, then the real Gantt code. */
import { JSDOM } from 'jsdom';

interface ParsedTask {
  task: string;
  id: string;
  startTime: Date;
  endTime: Date;
  section: string;
  vert?: boolean;
  milestone?: boolean;
  crit?: boolean;
  done?: boolean;
  active?: boolean;
}
export interface ParsedGantt {
  title: string;
  tasks: ParsedTask[];
  sections: string[];
  /** The days off Mermaid shades (`excludes`), its weekly tick day and its tick format. */
  excludes: string[];
  weekday: string;
  axisFormat: string;
}

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  parse(t: string): Promise<unknown>;
  render(id: string, t: string): Promise<{ svg: string }>;
  mermaidAPI: {
    getDiagramFromText(t: string): Promise<{
      db: {
        getTasks(): ParsedTask[];
        getDiagramTitle(): string;
        getSections?(): string[];
        getExcludes(): string[];
        getWeekday(): string;
        getAxisFormat(): string;
      };
    }>;
  };
}

let mermaidPromise: Promise<Mermaid> | undefined;

/** A label's width for Mermaid's layout (jsdom lays nothing out): 7 px a character. */
function fakeBBox(this: Element): DOMRect {
  return { x: 0, y: 0, width: (this.textContent ?? '').length * 7, height: 12 } as DOMRect;
}

function loadMermaid(): Promise<Mermaid> {
  if (!mermaidPromise) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    const win = g.window as typeof dom.window;
    g.CSSStyleSheet ??= win.CSSStyleSheet;
    (win.SVGElement.prototype as unknown as { getBBox: unknown }).getBBox ??= fakeBBox;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    mermaidPromise = import('mermaid').then((m: any) => {
      const mermaid = m.default as Mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true });
      return mermaid;
    });
  }
  return mermaidPromise;
}

/** What Mermaid stores for an entity: its placeholder, decoded here the way the renderer does (an approximation: see renderGantt). */
const decode = (s: string) => s.replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)));

export async function parseGantt(text: string): Promise<ParsedGantt> {
  const mermaid = await loadMermaid();
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const tasks = diagram.db.getTasks().map((t) => ({ ...t, task: decode(t.task), section: decode(t.section) }));
  const db = diagram.db;
  return {
    title: decode(db.getDiagramTitle()),
    tasks,
    sections: [...new Set(tasks.map((t) => t.section))],
    excludes: db.getExcludes(),
    weekday: db.getWeekday(),
    axisFormat: db.getAxisFormat(),
  };
}

export interface RenderedGantt {
  title: string;
  sections: string[];
  /** Each bar's label text by its Mermaid task id. */
  labels: Map<string, string>;
}

let renders = 0;

/**
 * The text a person sees: Mermaid's real render (placeholders, DOMPurify, serialisation and
 * its decoding of the SVG), then the SVG read by an HTML parser, as the timeline's webview
 * reads it (`DOMParser`, `text/html`): character references to 0, 128-159, surrogates and CR
 * come out as the browser shows them.
 */
export async function renderGantt(text: string): Promise<RenderedGantt> {
  const mermaid = await loadMermaid();
  const id = `render${++renders}`;
  const { svg } = await mermaid.render(id, text);
  const doc = new JSDOM(`<!doctype html><html><body>${svg}</body></html>`).window.document;
  const textOf = (selector: string) => Array.from(doc.querySelectorAll(selector), (e) => e.textContent ?? '');
  const labels = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll(`text[id^="${id}-"]`)))
    labels.set(el.id.slice(id.length + 1, -'-text'.length), el.textContent ?? '');
  return { title: textOf('text.titleText')[0] ?? '', sections: textOf('text.sectionTitle'), labels };
}

/** A Date from Mermaid (local midnight, dayjs) as the calendar day it stands for. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
