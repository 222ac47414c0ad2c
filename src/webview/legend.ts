/**
 * The legend under the toolbar (issue 13, item 1): one swatch per state of pure/legend.ts, drawn
 * in the colours of the chart on screen: each swatch's fill and stroke are read from a probe
 * element put for a moment in the drawn SVG, under Mermaid's own styles for that SVG. Text only.
 */
import { LEGEND, type LegendEntry } from './pure/legend';

const SVG = 'http://www.w3.org/2000/svg';

export function createLegend(): HTMLDetailsElement {
  const el = document.createElement('details');
  el.id = 'legend';
  el.open = true;
  el.hidden = true;
  const summary = document.createElement('summary');
  summary.textContent = 'Legend';
  const list = document.createElement('ul');
  for (const entry of LEGEND) {
    const li = document.createElement('li');
    li.dataset['key'] = entry.key;
    if (entry.mermaidClass && !entry.stateClass) li.dataset['mermaidClass'] = entry.mermaidClass;
    const label = document.createElement('span');
    label.textContent = entry.label;
    li.append(swatchOf(entry), label);
    list.append(li);
  }
  el.append(summary, list);
  return el;
}

function swatchOf(entry: LegendEntry): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  let shape: SVGElement;
  if (entry.swatch === 'line') {
    shape = document.createElementNS(SVG, 'line');
    for (const [k, v] of [
      ['x1', '14'],
      ['y1', '0'],
      ['x2', '14'],
      ['y2', '14'],
    ])
      shape.setAttribute(k!, v!);
  } else if (entry.swatch === 'diamond') {
    shape = document.createElementNS(SVG, 'polygon');
    shape.setAttribute('points', '14,1 20,7 14,13 8,7');
  } else {
    shape = document.createElementNS(SVG, 'rect');
    const [x, w] = entry.swatch === 'off' ? ['8', '12'] : ['1', '26'];
    for (const [k, v] of [
      ['x', x],
      ['y', '2'],
      ['width', w],
      ['height', '10'],
      ['rx', '2'],
    ])
      shape.setAttribute(k!, v!);
  }
  if (entry.stateClass) shape.classList.add(entry.stateClass);
  if (entry.swatch === 'off') shape.classList.add('exclude-range');
  svg.append(shape);
  if (entry.swatch === 'gap') {
    // the bar first (painted like the chart's), then its notches over the middle days
    for (const y of ['2', '9']) {
      const notch = document.createElementNS(SVG, 'rect');
      for (const [k, v] of [
        ['x', '10'],
        ['y', y],
        ['width', '8'],
        ['height', '3'],
      ])
        notch.setAttribute(k!, v!);
      notch.classList.add('wb-dayoff');
      svg.append(notch);
    }
  }
  return svg;
}

/** The fill and stroke Mermaid's styles give an element of `classes` in `svg`. */
function probe(svg: SVGSVGElement, classes: string): { fill: string; stroke: string } {
  const el = document.createElementNS(SVG, 'rect');
  el.setAttribute('class', classes);
  el.setAttribute('width', '0');
  el.setAttribute('height', '0');
  svg.append(el);
  const style = getComputedStyle(el);
  const colours = { fill: style.fill, stroke: style.stroke };
  el.remove();
  return colours;
}

/**
 * Colour the swatches like `svg`, the chart just drawn, and show the legend. The colours follow
 * the theme only: they are read again when it changes, not at every drawing (the typing path).
 */
export function paintLegend(legend: HTMLElement, svg: SVGSVGElement, todayColour: string, theme: string): void {
  legend.hidden = false;
  if (legend.dataset['theme'] === theme) return;
  legend.dataset['theme'] = theme;
  for (const entry of LEGEND) {
    const shape = legend.querySelector(`li[data-key="${entry.key}"] svg > *`);
    if (!(shape instanceof SVGElement)) continue;
    if (entry.swatch === 'line') {
      shape.style.stroke = entry.line === 'today' ? todayColour : probe(svg, 'vert').stroke;
      shape.style.strokeWidth = '2px';
      continue;
    }
    const { fill, stroke } = probe(svg, entry.mermaidClass ?? 'task task0');
    shape.style.fill = fill;
    shape.style.stroke = stroke;
  }
}

/** No chart on screen (a notice alone): no legend either. */
export function hideLegend(legend: HTMLElement): void {
  legend.hidden = true;
}
