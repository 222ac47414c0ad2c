/**
 * The timeline panel's page: receives render messages, draws the newest with Mermaid (one
 * drawing at a time; a superseded result is dropped, never shown), keeps the last good picture
 * marked as stale while the plan has errors, and says "Updating…" while a newer version of the
 * document is on its way. DOM code only: the host did all the planning.
 */
import type { BarInfo, HostMessage, Notice, RenderMessage, ThemeKind } from '../shared/protocol';
import { rowOf, tagBars, Tooltip } from './bars';
import { drawGantt, finishMarkers, fitSectionTitles, fitViewBox, placeLabels, TextMeasure, type Drawn } from './chart';
import { bodyTheme, observeTheme } from './theme';
import { Toolbar } from './toolbar';
import { post, saveState } from './vscodeApi';

interface Shown {
  msg: RenderMessage;
  drawn: Drawn;
  theme: ThemeKind;
  width: number;
}

// For the benchmark: when this document started loading, and when this script ran (epoch ms).
document.body.dataset.timeOrigin = String(Math.round(performance.timeOrigin));
document.body.dataset.bootAt = String(Math.round(performance.timeOrigin + performance.now()));

// Counted where tests can see it: a strict CSP must never have to block anything here.
let cspViolations = 0;
document.addEventListener('securitypolicyviolation', (e) => {
  cspViolations++;
  document.body.dataset.cspViolations = String(cspViolations);
  document.body.dataset.lastCspViolation = `${e.violatedDirective} ${e.blockedURI}`;
});

let latest: RenderMessage | undefined;
let shown: Shown | undefined;
/** A newer version of the shown document is being checked. */
let pending: { uri: string; version: number } | undefined;
let drawing = false;
let queued: RenderMessage | undefined;
let hostTheme: ThemeKind = 'dark';
/** When each render message arrived (for the time from message to picture). */
const arrived = new WeakMap<RenderMessage, number>();

const toolbar = new Toolbar({
  filters: (f) => post({ type: 'setFilters', filters: f }),
  pin: () => post({ type: 'togglePin' }),
  exportSvg,
});
const notice = document.createElement('div');
notice.id = 'notice';
notice.setAttribute('role', 'status');
notice.hidden = true;
const chart = document.createElement('main');
chart.id = 'chart';
const tooltip = new Tooltip(document.body);

document.getElementById('boot')?.remove();
document.body.prepend(toolbar.el, notice, chart);
toolbar.setExportEnabled(false);

// ------------------------------------------------------------------ messages

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const m = e.data as HostMessage | null;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'render': onRender(m); break;
    case 'pending': onPending(m.uri, m.version); break;
    case 'theme': hostTheme = m.theme; redrawIfThemeChanged(); break;
  }
});

function onRender(msg: RenderMessage): void {
  if (latest && msg.seq <= latest.seq) return; // an older message overtaken by a newer one
  latest = msg;
  arrived.set(msg, performance.now());
  document.body.dataset.arrivedAt = String(Date.now());
  document.body.dataset.arrivedSeq = String(msg.seq);
  hostTheme = msg.theme;
  saveState({ uri: msg.uri, pinned: msg.pinned, filters: msg.filters });
  toolbar.update(msg);
  if (pending && (pending.uri !== msg.uri || (msg.version !== null && msg.version >= pending.version))) pending = undefined;
  if (msg.gantt) {
    schedule(msg);
  } else {
    showNotice(msg.notice, msg);
    if (msg.stale && shown && shown.msg.uri === msg.uri) {
      chart.classList.add('stale');
      chart.setAttribute('aria-disabled', 'true');
    } else {
      clearChart();
    }
  }
  updateStatus();
}

function onPending(uri: string, version: number): void {
  if (latest && latest.uri === uri && (latest.version === null || version > latest.version)) pending = { uri, version };
  updateStatus();
}

function updateStatus(): void {
  const busy = drawing || queued !== undefined || pending !== undefined;
  if (busy) toolbar.setStatus('Updating…');
  else if (shown && chart.classList.contains('stale')) toolbar.setStatus('Stale picture');
  else toolbar.setStatus('');
  document.body.classList.toggle('updating', busy);
}

// ------------------------------------------------------------------ drawing

function schedule(msg: RenderMessage): void {
  queued = msg;
  if (!drawing) void drain();
}

async function drain(): Promise<void> {
  drawing = true;
  updateStatus();
  try {
    while (queued) {
      const m = queued;
      queued = undefined;
      await drawOne(m);
    }
  } finally {
    drawing = false;
    updateStatus();
  }
}

/** A drawing still wanted when it finishes: the newest message, or the stale picture's redraw. */
function wanted(m: RenderMessage): boolean {
  return m === latest || (!!latest && !latest.gantt && latest.stale === true && m === shown?.msg);
}

function chartWidth(): number {
  return Math.max(480, Math.floor(chart.clientWidth || document.body.clientWidth) - 8);
}

async function drawOne(m: RenderMessage): Promise<void> {
  const gantt = m.gantt;
  if (!gantt || !wanted(m)) return;
  const theme = bodyTheme(hostTheme);
  const width = chartWidth();
  const start = arrived.get(m) ?? performance.now();
  const drawStart = performance.now();
  let drawn: Drawn;
  try {
    drawn = await drawGantt(gantt.text, { width, theme, days: gantt.days, rows: gantt.rows.length, sections: sectionsOf(gantt.rows) });
  } catch (e) {
    if (!wanted(m)) return;
    const text = e instanceof Error ? e.message : String(e);
    clearChart();
    showNotice({ kind: 'renderError', text: `Mermaid could not draw this timeline: ${text}` }, m);
    post({ type: 'renderFailed', seq: m.seq, error: text });
    return;
  }
  if (!wanted(m)) return; // a newer message came while Mermaid drew: this picture is stale
  tooltip.hide();
  const t2 = performance.now();
  const text = new TextMeasure(drawn.font, 12);
  finishMarkers(drawn, width, new TextMeasure(drawn.font, 18));
  fitSectionTitles(drawn.svg, drawn.leftPadding, m.filters.compact ? [] : rowsPerSection(gantt.rows), text);
  placeLabels(drawn.svg, drawn.svgId, gantt.rows.map((r) => r.chartId), drawn.leftPadding, width, text);
  chart.replaceChildren(drawn.svg);
  fitViewBox(drawn.svg);
  const counts = tagBars(drawn.svg, drawn.svgId, gantt.rows);
  const steps = {
    waited: drawStart - start, mermaid: drawn.mermaidMs, adopt: drawn.adoptMs, finish: performance.now() - t2,
  };
  const stale = m !== latest;
  chart.classList.toggle('stale', stale);
  if (stale) chart.setAttribute('aria-disabled', 'true');
  else chart.removeAttribute('aria-disabled');
  shown = { msg: m, drawn, theme, width };
  toolbar.setExportEnabled(true);
  if (!stale) showNotice(m.notice, m);
  chart.dataset.seq = String(m.seq);
  chart.dataset.version = String(m.version);
  chart.dataset.bars = String(counts.bars);
  chart.dataset.theme = theme;
  // acknowledged once the picture is painted (or soon, if the frame is not painting)
  let acked = false;
  const ack = (): void => {
    if (acked) return;
    acked = true;
    const totalMs = performance.now() - start;
    document.body.dataset.renderedSeq = String(m.seq);
    document.body.dataset.renderedAt = String(Date.now());
    document.body.dataset.mermaidMs = drawn.mermaidMs.toFixed(1);
    document.body.dataset.totalMs = totalMs.toFixed(1);
    document.body.dataset.steps = JSON.stringify({ ...steps, painted: totalMs });
    post({ type: 'rendered', seq: m.seq, uri: m.uri, version: m.version, bars: counts.bars, rows: counts.rows, mermaidMs: drawn.mermaidMs, totalMs, theme });
  };
  requestAnimationFrame(ack);
  setTimeout(ack, 250);
}

/** Rows of each section, in the order they are drawn (consecutive rows of one milestone). */
function rowsPerSection(rows: readonly BarInfo[]): number[] {
  const out: number[] = [];
  let last: string | undefined;
  for (const r of rows) {
    const s = r.milestone || 'Goal';
    if (s === last) out[out.length - 1]!++;
    else out.push(1);
    last = s;
  }
  return out;
}

function sectionsOf(rows: readonly BarInfo[]): string[] {
  return [...new Set(rows.map((r) => r.milestone || 'Goal'))];
}

function clearChart(): void {
  tooltip.hide();
  shown = undefined;
  chart.replaceChildren();
  chart.classList.remove('stale');
  chart.removeAttribute('aria-disabled');
  toolbar.setExportEnabled(false);
}

function redrawIfThemeChanged(): void {
  if (!shown) return;
  if (bodyTheme(hostTheme) !== shown.theme) schedule(shown.msg);
}

observeTheme(redrawIfThemeChanged);

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown && Math.abs(chartWidth() - shown.width) > 40) schedule(shown.msg);
  }, 200);
}).observe(chart);

// ------------------------------------------------------------------ notices

function showNotice(n: Notice | undefined, msg: RenderMessage): void {
  if (!n) {
    notice.hidden = true;
    notice.replaceChildren();
    return;
  }
  const p = document.createElement('p');
  p.textContent = n.kind === 'errors' && shown && shown.msg.uri === msg.uri
    ? `${n.text} Showing the last good timeline (dimmed).`
    : n.text;
  const parts: HTMLElement[] = [p];
  if (n.suggestMilestone || n.suggestWindow) {
    const offers = document.createElement('div');
    offers.className = 'offers';
    if (n.suggestMilestone) {
      const id = n.suggestMilestone.value;
      toolbar.preselectMilestone(id);
      offers.append(offer(`Show the milestone “${n.suggestMilestone.label}”`, () => post({ type: 'setFilters', filters: { ...msg.filters, milestone: id, window: undefined } })));
    }
    if (n.suggestWindow) {
      const w = n.suggestWindow;
      offers.append(offer(`Show ${w.label}`, () => post({ type: 'setFilters', filters: { ...msg.filters, window: { from: w.from, to: w.to } } })));
    }
    parts.push(offers);
  }
  notice.className = `notice-${n.kind}`;
  notice.replaceChildren(...parts);
  notice.hidden = false;
}

function offer(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

// ------------------------------------------------------------------ bars

chart.addEventListener('click', (e) => reveal(rowOf(e.target, shown?.msg.gantt?.rows ?? [])));
chart.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const row = rowOf(e.target, shown?.msg.gantt?.rows ?? []);
  if (!row) return;
  e.preventDefault();
  reveal(row);
});
chart.addEventListener('pointerover', (e) => {
  const row = rowOf(e.target, shown?.msg.gantt?.rows ?? []);
  if (row) tooltip.show(row, e.clientX, e.clientY);
});
chart.addEventListener('pointermove', (e) => {
  if (rowOf(e.target, shown?.msg.gantt?.rows ?? [])) tooltip.move(e.clientX, e.clientY);
});
chart.addEventListener('pointerout', (e) => {
  if (!rowOf(e.relatedTarget, shown?.msg.gantt?.rows ?? [])) tooltip.hide();
});
chart.addEventListener('focusin', (e) => {
  const row = rowOf(e.target, shown?.msg.gantt?.rows ?? []);
  if (!row || !(e.target instanceof Element)) return;
  const r = e.target.getBoundingClientRect();
  tooltip.show(row, r.left, r.bottom - 10);
});
chart.addEventListener('focusout', () => tooltip.hide());

function reveal(row: BarInfo | undefined): void {
  if (!row || row.kind === 'goal' || !row.itemId) return;
  post({ type: 'revealTask', itemId: row.itemId });
}

function exportSvg(): void {
  if (!shown) return;
  const clone = shown.drawn.svg.cloneNode(true) as SVGSVGElement;
  for (const el of Array.from(clone.querySelectorAll('[data-row]'))) {
    el.removeAttribute('data-row');
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
    el.classList.remove('wb-bar');
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  post({ type: 'exportSvg', svg: new XMLSerializer().serializeToString(clone) });
}

post({ type: 'ready' });
