/**
 * The timeline panel's page: the DOM side of src/webview/pure/pageState.ts. It turns host
 * messages, the theme and the chart's width into events, and applies the effects that come back:
 * Mermaid draws, the chart shows a picture, the toolbar and the notice change, the host hears of
 * it. It also leaves timings in data attributes, for the tests and the benchmark.
 */
import type { HostMessage, RenderMessage, ThemeKind } from '../shared/protocol';
import { exportableSvg, tagBars, Tooltip, wireBars } from './bars';
import { drawGantt, restoreSvg, warmUp, type Drawn } from './chart';
import { finishPicture, fitViewBox } from './chartFinish';
import { pngOfPicture } from './exportPng';
import { createLegend, hideLegend, paintLegend } from './legend';
import { createNoticeBar, showNotice } from './noticeBar';
import {
  chrome,
  initialState,
  mayRestore,
  step,
  type Chrome,
  type Effect,
  type PageEvent,
  type PageState,
} from './pure/pageState';
import { bodyTheme, observeTheme } from './theme';
import { Toolbar } from './toolbar';
import type { HostChannel } from './vscodeApi';

type Draw = Extract<Effect<Drawn>, { type: 'draw' }>;
type Present = Extract<Effect<Drawn>, { type: 'present' }>;

/** How long the chart's size must hold before the picture is drawn again for it. */
const RESIZE_QUIET_MS = 200;

export class TimelinePage {
  private state: PageState<Drawn> = initialState();
  /** What the toolbar's status and the chart's marks show now (written only when it changes). */
  private chromeShown: Chrome | undefined;
  private readonly host: HostChannel;
  private readonly toolbar: Toolbar;
  private readonly notice = createNoticeBar();
  private readonly legend = createLegend();
  private readonly chart = document.createElement('main');
  private readonly tooltip = new Tooltip(document.body);
  /** Mermaid's Gantt diagram, loaded while the page waits for its first picture. */
  private readonly warm: Promise<void>;
  /** When each render message arrived (for the time from message to picture). */
  private readonly arrived = new WeakMap<RenderMessage, number>();
  /** When Mermaid started the drawing being made. */
  private drawStart = 0;
  private keeping: number | undefined;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HostChannel) {
    this.host = host;
    this.toolbar = new Toolbar({
      filters: (filters) => host.post({ type: 'setFilters', filters }),
      pin: () => host.post({ type: 'togglePin' }),
      exportSvg: () => this.exportSvg(),
      exportPng: () => void this.exportPng(),
      copyMermaid: () => host.post({ type: 'action', action: 'copyMermaid' }),
    });
    this.chart.id = 'chart';
    document.getElementById('boot')?.remove();
    document.body.prepend(this.toolbar.el, this.notice, this.legend, this.chart);
    this.toolbar.setExportEnabled(false);
    this.warm = warmUp(this.theme());
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.onMessage(e.data as HostMessage | null));
    observeTheme(() => this.run({ type: 'theme', theme: this.theme() }));
    new ResizeObserver(() => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => this.run({ type: 'width', width: this.chartWidth() }), RESIZE_QUIET_MS);
    }).observe(this.chart);
    wireBars(
      this.chart,
      this.tooltip,
      () => this.state.shown?.msg?.gantt?.rows ?? [],
      (row) => host.post({ type: 'revealTask', itemId: row.itemId }),
    );
  }

  /** A render message, from the host or inside the page. */
  render(msg: RenderMessage): void {
    const at = performance.now();
    const now = Date.now();
    this.run({ type: 'render', msg });
    if (this.state.latest !== msg) return; // older than the newest: dropped
    this.arrived.set(msg, at);
    const b = document.body.dataset;
    b.arrivedAt = String(now);
    b.arrivedSeq = String(msg.seq);
    b.firstSeq ??= String(msg.seq);
  }

  /** Show the picture an earlier page of this panel saved, as "Updating…", until a render comes. */
  restoreSavedPicture(): void {
    const p = this.host.savedPicture();
    if (!p || !mayRestore(this.state, p.theme, this.theme())) return;
    try {
      const svg = restoreSvg(p.svg);
      this.chart.replaceChildren(svg);
      const picture: Drawn = {
        svg,
        svgId: p.svgId,
        mermaidMs: 0,
        leftPadding: p.leftPadding,
        today: p.today,
        adoptMs: 0,
        font: p.font,
      };
      this.run({ type: 'restored', saved: p, picture });
      document.body.dataset.restoredAt = String(Date.now());
    } catch {
      this.chart.replaceChildren();
    }
    this.showChrome();
  }

  private onMessage(m: HostMessage | null): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'render':
        this.render(m);
        break;
      case 'pending':
        this.run({ type: 'pending', uri: m.uri, version: m.version });
        break;
      case 'theme':
        this.run({ type: 'hostTheme', hostTheme: m.theme, theme: bodyTheme(m.theme) });
        break;
    }
  }

  /** The page's theme: its body class, else what the host said. */
  private theme(): ThemeKind {
    return bodyTheme(this.state.hostTheme);
  }

  private chartWidth(): number {
    return Math.max(480, Math.floor(this.chart.clientWidth || document.body.clientWidth) - 8);
  }

  /** Feed an event to the state, apply its effects in order, then show the status. */
  private run(e: PageEvent<Drawn>): Effect<Drawn>[] {
    const { state, effects } = step(this.state, e);
    this.state = state;
    for (const fx of effects) this.apply(fx);
    this.showChrome();
    return effects;
  }

  private apply(fx: Effect<Drawn>): void {
    switch (fx.type) {
      case 'saveState':
        this.host.saveState(fx.state);
        break;
      case 'toolbar':
        this.toolbar.update(fx.msg);
        break;
      case 'notice':
        if (fx.notice?.preselectMilestone) this.toolbar.preselectMilestone(fx.notice.preselectMilestone);
        showNotice(
          this.notice,
          fx.notice,
          (filters) => this.host.post({ type: 'setFilters', filters }),
          (action) => this.host.post({ type: 'action', action }),
        );
        break;
      case 'clear':
        this.tooltip.hide();
        this.chart.replaceChildren();
        break;
      case 'drain':
        void this.drain();
        break;
      case 'draw':
        break; // the drawing loop makes it (see `drain`)
      case 'present':
        this.present(fx);
        break;
      case 'renderFailed':
        this.host.post({ type: 'renderFailed', seq: fx.seq, error: fx.error });
        break;
    }
  }

  private showChrome(): void {
    const c = chrome(this.state);
    const was = this.chromeShown;
    this.chromeShown = c;
    if (was?.status !== c.status) this.toolbar.setStatus(c.status);
    if (was?.busy !== c.busy) document.body.classList.toggle('updating', c.busy);
    if (was?.stale !== c.stale) {
      this.chart.classList.toggle('stale', c.stale);
      if (c.stale) this.chart.setAttribute('aria-disabled', 'true');
      else this.chart.removeAttribute('aria-disabled');
    }
    if (was?.exportEnabled !== c.exportEnabled) this.toolbar.setExportEnabled(c.exportEnabled);
    if (!this.chart.firstElementChild) hideLegend(this.legend);
  }

  /** One drawing at a time: draw what is queued until nothing is. */
  private async drain(): Promise<void> {
    try {
      await this.warm;
      while (this.state.queued) {
        const draw = this.run({ type: 'next', theme: this.theme(), width: this.chartWidth() }).find(
          (fx): fx is Draw => fx.type === 'draw',
        );
        if (draw) await this.draw(draw);
      }
    } finally {
      this.run({ type: 'idle' });
    }
  }

  private async draw({ msg, gantt, theme, width }: Draw): Promise<void> {
    this.drawStart = performance.now();
    let picture: Drawn;
    try {
      picture = await drawGantt(gantt.text, {
        width,
        theme,
        days: gantt.days,
        rows: gantt.rows.length,
        sections: gantt.sections.map((s) => s.name),
      });
    } catch (e) {
      this.run({ type: 'failed', msg, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    this.run({ type: 'drawn', msg, gantt, picture, theme, width });
  }

  /**
   * The picture of a message goes in the chart (finished first when Mermaid just drew it), its
   * bars tagged; the host hears of it once it is painted.
   */
  private present({ msg: m, gantt, picture: drawn, theme, width, reused }: Present): void {
    const start = this.arrived.get(m) ?? performance.now();
    let steps: Record<string, number> = { reused: 1 };
    if (!reused) {
      this.tooltip.hide();
      const t = performance.now();
      finishPicture(
        drawn,
        width,
        m.filters.compact ? [] : gantt.sections.map((s) => s.rows),
        gantt.rows.map((r) => r.chartId),
        m.filters.compact,
      );
      this.chart.replaceChildren(drawn.svg);
      fitViewBox(drawn.svg);
      steps = {
        waited: this.drawStart - start,
        mermaid: drawn.mermaidMs,
        adopt: drawn.adoptMs,
        finish: performance.now() - t,
      };
    }
    if (this.chart.firstElementChild !== drawn.svg) this.chart.replaceChildren(drawn.svg);
    const counts = tagBars(drawn.svg, drawn.svgId, gantt.rows);
    paintLegend(this.legend, drawn.svg, drawn.today, theme);
    const c = this.chart.dataset;
    c.seq = String(m.seq);
    c.version = String(m.version);
    c.bars = String(counts.bars);
    c.theme = theme;
    const mermaidMs = reused ? 0 : drawn.mermaidMs;
    // acknowledged once the picture is painted (or soon, if the frame is not painting)
    let acked = false;
    const ack = (): void => {
      if (acked) return;
      acked = true;
      const totalMs = performance.now() - start;
      const b = document.body.dataset;
      b.renderedSeq = String(m.seq);
      b.renderedAt = String(Date.now());
      b.mermaidMs = mermaidMs.toFixed(1);
      b.totalMs = totalMs.toFixed(1);
      b.steps = JSON.stringify({ ...steps, painted: totalMs });
      this.host.post({
        type: 'rendered',
        seq: m.seq,
        uri: m.uri,
        version: m.version,
        bars: counts.bars,
        rows: counts.rows,
        mermaidMs,
        totalMs,
        theme,
      });
      if (!reused) this.keepPicture();
    };
    requestAnimationFrame(ack);
    setTimeout(ack, 250);
  }

  /**
   * Save the picture shown with the state when the page is next idle (copying a large SVG is not
   * free; a newer drawing before then replaces the request).
   */
  private keepPicture(): void {
    if (this.keeping !== undefined) cancelIdleCallback(this.keeping);
    this.keeping = requestIdleCallback(
      () => {
        this.keeping = undefined;
        const s = this.state.shown;
        if (!s || !s.msg) return;
        const t0 = performance.now();
        const d = s.picture;
        this.host.savePicture({
          uri: s.uri,
          text: s.text,
          theme: s.theme,
          width: s.width,
          svgId: d.svgId,
          leftPadding: d.leftPadding,
          font: d.font,
          today: d.today,
          svg: d.svg.outerHTML,
        });
        document.body.dataset.savedMs = (performance.now() - t0).toFixed(1);
      },
      { timeout: 1000 },
    );
  }

  private exportSvg(): void {
    const shown = this.state.shown;
    if (shown) this.host.post({ type: 'exportSvg', svg: exportableSvg(shown.picture.svg) });
  }

  private async exportPng(): Promise<void> {
    const shown = this.state.shown;
    if (!shown) return;
    try {
      const root = getComputedStyle(document.documentElement);
      const background =
        root.getPropertyValue('--vscode-editor-background').trim() ||
        getComputedStyle(document.body).backgroundColor ||
        '#ffffff';
      this.host.post({ type: 'exportPng', png: await pngOfPicture(shown.picture.svg, background) });
    } catch (e) {
      this.toolbar.setStatus(`Could not draw the PNG: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
