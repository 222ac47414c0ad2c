// A page for test/e2e/mermaidLabels.test.mjs (bundled by the test; type-checked with the webview's
// tsconfig, as it runs in a browser): the timeline's drawGantt (task labels measured on a
// canvas while Mermaid draws) next to a plain mermaid.render with the same configuration (labels
// measured by the browser's layout), and every task label of each.
import mermaid from 'mermaid';
import type { ThemeKind } from '../../../src/shared/protocol';
import { drawGantt } from '../../../src/webview/chart';

interface Label {
  id: string;
  x: string | null;
  classes: string;
  width: number | null;
}

function labels(svg: Element, svgId: string): Label[] {
  return Array.from(svg.querySelectorAll('text[id$="-text"]')).map((t) => {
    const cls = t.getAttribute('class') ?? '';
    const width = /(?:^|\s)width-([0-9.]+)/.exec(cls);
    return {
      id: t.id.slice(svgId.length + 1),
      x: t.getAttribute('x'),
      classes: cls
        .replace(/(?:^|\s)width-[0-9.]+/, '')
        .trim()
        .split(/\s+/)
        .sort()
        .join(' '),
      width: width ? Number(width[1]) : null,
    };
  });
}

let n = 0;
(window as unknown as { compare: unknown }).compare = async (
  text: string,
  width: number,
  theme: ThemeKind,
  sections: string[],
  rows: number,
) => {
  const drawn = await drawGantt(text, { width, theme, days: 120, rows, sections });
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.appendChild(host);
  const plainId = `plain-${++n}`;
  const { svg } = await mermaid.render(plainId, text, host); // the configuration drawGantt just set
  host.remove();
  const plain = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg')!;
  return { canvas: labels(drawn.svg, drawn.svgId), layout: labels(plain, plainId) };
};

/** What the timeline shows for each text of a chart: the title, the section titles, and each bar's label by its id. */
(window as unknown as { readBack: unknown }).readBack = async (text: string, sections: string[], rows: number) => {
  const drawn = await drawGantt(text, { width: 1400, theme: 'light', days: 120, rows, sections });
  const textOf = (selector: string) => Array.from(drawn.svg.querySelectorAll(selector), (e) => e.textContent ?? '');
  return {
    title: textOf('text.titleText')[0] ?? '',
    sections: textOf('text.sectionTitle'),
    labels: Array.from(drawn.svg.querySelectorAll(`text[id^="${drawn.svgId}-"][id$="-text"]`), (t) => [
      t.id.slice(drawn.svgId.length + 1, -'-text'.length),
      t.textContent ?? '',
    ]),
  };
};
