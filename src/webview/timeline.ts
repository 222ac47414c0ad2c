/**
 * The timeline panel's page: receives render messages, draws the newest with Mermaid (one
 * drawing at a time; a superseded result is dropped, never shown), keeps the last good picture
 * marked as stale while the plan has errors, and says "Updating…" while a newer version of the
 * document is on its way. A render whose text, theme and width are those of the picture shown
 * reuses it without Mermaid. The picture is saved with the webview's state, so a new page of the
 * panel (a window reload, the panel shown again) shows it at once until its render arrives.
 * DOM code only: the host did all the planning.
 */
import type { HostMessage, Notice, RenderMessage, SavedPicture, ThemeKind } from '../shared/protocol';
import { exportableSvg, tagBars, Tooltip, wireBars } from './bars';
import { drawGantt, restoreSvg, warmUp, type Drawn } from './chart';
import { finishPicture, fitViewBox } from './chartFinish';
import { bodyTheme, observeTheme } from './theme';
import { Toolbar } from './toolbar';
import { post, savedPicture, savePicture, saveState, seenBefore } from './vscodeApi';

interface Shown {
  /** The render message drawn; undefined for a picture restored from the saved state. */
  msg: RenderMessage | undefined;
  uri: string;
  text: string;
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
const warm = warmUp(bodyTheme(hostTheme));

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
  if (latest && msg.seq <= latest.seq) return; // an older message overtaken by a newer one (or sent again)
  latest = msg;
  arrived.set(msg, performance.now());
  document.body.dataset.arrivedAt = String(Date.now());
  document.body.dataset.arrivedSeq = String(msg.seq);
  document.body.dataset.firstSeq ??= String(msg.seq);
  hostTheme = msg.theme;
  saveState({ uri: msg.uri, pinned: msg.pinned, filters: msg.filters, seen: { panel: msg.panel, seq: msg.seq } });
  toolbar.update(msg);
  if (pending && (pending.uri !== msg.uri || (msg.version !== null && msg.version >= pending.version))) pending = undefined;
  if (msg.gantt) {
    schedule(msg);
  } else {
    showNotice(msg.notice, msg);
    if (msg.stale && shown && shown.uri === msg.uri) {
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
  const busy = drawing || queued !== undefined || pending !== undefined || (shown !== undefined && shown.msg === undefined);
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
    await warm;
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
  if (shown && shown.uri === m.uri && shown.text === gantt.text && shown.theme === theme && Math.abs(shown.width - width) <= 40) {
    // the same picture: keep it, with this message's rows (tooltips) and version
    present(m, shown.drawn, theme, width, start, { reused: 1 });
    return;
  }
  const drawStart = performance.now();
  let drawn: Drawn;
  try {
    drawn = await drawGantt(gantt.text, { width, theme, days: gantt.days, rows: gantt.rows.length, sections: gantt.sections.map((s) => s.name) });
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
  finishPicture(drawn, width, m.filters.compact ? [] : gantt.sections.map((s) => s.rows), gantt.rows.map((r) => r.chartId));
  chart.replaceChildren(drawn.svg);
  fitViewBox(drawn.svg);
  present(m, drawn, theme, width, start, { waited: drawStart - start, mermaid: drawn.mermaidMs, adopt: drawn.adoptMs, finish: performance.now() - t2 });
}

/** The picture of `m` is in the chart: tag its bars, mark it current, acknowledge it once painted. */
function present(m: RenderMessage, drawn: Drawn, theme: ThemeKind, width: number, start: number, steps: Record<string, number>): void {
  const gantt = m.gantt!;
  if (chart.firstElementChild !== drawn.svg) chart.replaceChildren(drawn.svg);
  const counts = tagBars(drawn.svg, drawn.svgId, gantt.rows);
  const stale = m !== latest;
  chart.classList.toggle('stale', stale);
  if (stale) chart.setAttribute('aria-disabled', 'true');
  else chart.removeAttribute('aria-disabled');
  const fresh = shown?.drawn !== drawn;
  shown = { msg: m, uri: m.uri, text: gantt.text, drawn, theme, width };
  toolbar.setExportEnabled(true);
  if (!stale) showNotice(m.notice, m);
  chart.dataset.seq = String(m.seq);
  chart.dataset.version = String(m.version);
  chart.dataset.bars = String(counts.bars);
  chart.dataset.theme = theme;
  const mermaidMs = steps.reused ? 0 : drawn.mermaidMs;
  // acknowledged once the picture is painted (or soon, if the frame is not painting)
  let acked = false;
  const ack = (): void => {
    if (acked) return;
    acked = true;
    const totalMs = performance.now() - start;
    document.body.dataset.renderedSeq = String(m.seq);
    document.body.dataset.renderedAt = String(Date.now());
    document.body.dataset.mermaidMs = mermaidMs.toFixed(1);
    document.body.dataset.totalMs = totalMs.toFixed(1);
    document.body.dataset.steps = JSON.stringify({ ...steps, painted: totalMs });
    post({ type: 'rendered', seq: m.seq, uri: m.uri, version: m.version, bars: counts.bars, rows: counts.rows, mermaidMs, totalMs, theme });
    if (fresh) keepPicture();
  };
  requestAnimationFrame(ack);
  setTimeout(ack, 250);
}

let keeping: number | undefined;

/**
 * Save the picture shown with the state when the page is next idle (copying a large SVG is not
 * free; a newer drawing before then replaces the request).
 */
function keepPicture(): void {
  if (keeping !== undefined) cancelIdleCallback(keeping);
  keeping = requestIdleCallback(() => {
    keeping = undefined;
    const s = shown;
    if (!s || !s.msg) return;
    const t0 = performance.now();
    const d = s.drawn;
    savePicture({ uri: s.uri, text: s.text, theme: s.theme, width: s.width, svgId: d.svgId, leftPadding: d.leftPadding, font: d.font, today: d.today, svg: d.svg.outerHTML });
    document.body.dataset.savedMs = (performance.now() - t0).toFixed(1);
  }, { timeout: 1000 });
}

/** A picture an earlier page of this panel saved: shown at once, as "Updating…", until a render. */
function restoreSavedPicture(): void {
  const p: SavedPicture | undefined = savedPicture();
  if (!p || shown || latest || p.theme !== bodyTheme(hostTheme)) return;
  try {
    const svg = restoreSvg(p.svg);
    chart.replaceChildren(svg);
    const drawn: Drawn = { svg, svgId: p.svgId, mermaidMs: 0, leftPadding: p.leftPadding, today: p.today, adoptMs: 0, font: p.font };
    shown = { msg: undefined, uri: p.uri, text: p.text, drawn, theme: p.theme, width: p.width };
    document.body.dataset.restoredAt = String(Date.now());
  } catch {
    chart.replaceChildren();
  }
  updateStatus();
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
  if (!shown?.msg) return;
  if (bodyTheme(hostTheme) !== shown.theme) schedule(shown.msg);
}

observeTheme(redrawIfThemeChanged);

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown?.msg && Math.abs(chartWidth() - shown.width) > 40) schedule(shown.msg);
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
  p.textContent = n.kind === 'errors' && shown && shown.uri === msg.uri
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

wireBars(chart, tooltip, () => shown?.msg?.gantt?.rows ?? [], (row) => post({ type: 'revealTask', itemId: row.itemId }));

function exportSvg(): void {
  if (shown) post({ type: 'exportSvg', svg: exportableSvg(shown.drawn.svg) });
}

/** The first render, inside the page (the host put it there: no round trip). */
function firstRender(): RenderMessage | undefined {
  const text = document.getElementById('first-render')?.textContent;
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as RenderMessage | null;
    return m && typeof m === 'object' && m.type === 'render' ? m : undefined;
  } catch {
    return undefined;
  }
}

// A page that VS Code recreated (the panel shown again) gets the panel's first HTML again: its
// render inside is old when an earlier page of the panel saw a later one (`ready` brings that).
const seen = seenBefore();
restoreSavedPicture();
const first = firstRender();
if (first && !(seen && seen.panel === first.panel && seen.seq >= first.seq)) onRender(first);
post({ type: 'ready' });
