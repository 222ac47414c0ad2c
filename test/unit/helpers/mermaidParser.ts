/** Mermaid's own parser in Node: a jsdom window for its DOMPurify, then the real Gantt grammar. */
import { JSDOM } from 'jsdom';

interface ParsedTask { task: string; id: string; startTime: Date; endTime: Date; section: string; vert?: boolean; milestone?: boolean; crit?: boolean; done?: boolean; active?: boolean }
export interface ParsedGantt { title: string; tasks: ParsedTask[]; sections: string[] }

let mermaidPromise: Promise<{ parse(t: string): Promise<unknown>; mermaidAPI: { getDiagramFromText(t: string): Promise<{ db: { getTasks(): ParsedTask[]; getDiagramTitle(): string; getSections?(): string[] } }> } }> | undefined;

function loadMermaid() {
  if (!mermaidPromise) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    mermaidPromise = import('mermaid').then((m: any) => m.default);
  }
  return mermaidPromise;
}

/** What Mermaid shows for its stored text: its entity placeholders decoded. */
const decode = (s: string) => s.replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)));

export async function parseGantt(text: string): Promise<ParsedGantt> {
  const mermaid = await loadMermaid();
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const tasks = diagram.db.getTasks().map((t) => ({ ...t, task: decode(t.task), section: decode(t.section) }));
  return { title: decode(diagram.db.getDiagramTitle()), tasks, sections: [...new Set(tasks.map((t) => t.section))] };
}

/** A Date from Mermaid (local midnight, dayjs) as the calendar day it stands for. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
