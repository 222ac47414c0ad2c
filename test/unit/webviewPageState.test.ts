/**
 * The timeline page's state without a DOM (src/webview/pure/pageState.ts): which render is drawn,
 * when a picture is kept, dropped, dimmed or cleared, what the status says, what the host hears.
 * A picture here is a string; the page's is Mermaid's SVG.
 */
import * as assert from 'assert';
import type { Notice, RenderMessage, ThemeKind } from '../../src/shared/protocol';
import {
  chrome,
  initialState,
  mayRestore,
  step,
  type Effect,
  type PageEvent,
  type PageState,
} from '../../src/webview/pure/pageState';

const URI = 'file:///plans/launch.workback.yaml';

function renderMsg(
  seq: number,
  o: { text?: string; uri?: string; version?: number | null; notice?: Notice; stale?: boolean; theme?: ThemeKind } = {},
): RenderMessage {
  const text = o.text ?? `gantt\n    title v${seq}\n`;
  return {
    type: 'render',
    seq,
    panel: 'p1',
    uri: o.uri ?? URI,
    version: o.version === undefined ? seq : o.version,
    fileName: 'launch.workback.yaml',
    pinned: false,
    theme: o.theme ?? 'light',
    filters: { criticalOnly: false, compact: false },
    milestones: [],
    owners: [],
    priorities: [],
    windows: [],
    ...(o.notice ? { notice: o.notice } : { gantt: { text, rows: [], sections: [], hidden: 0, days: 30 } }),
    ...(o.stale === undefined ? {} : { stale: o.stale }),
  };
}

const errors = (seq: number): RenderMessage =>
  renderMsg(seq, { notice: { kind: 'errors', text: 'The plan has 2 errors.' }, stale: true });

/** The page's side, played by the test: feeds events, keeps the state, collects the effects. */
class Page {
  state: PageState<string> = initialState();
  effects: Effect<string>[] = [];

  send(e: PageEvent<string>): Effect<string>[] {
    const r = step(this.state, e);
    this.state = r.state;
    this.effects.push(...r.effects);
    return r.effects;
  }

  /** Everything since the last call, by type. */
  take(): string[] {
    const types = this.effects.map((f) => f.type);
    this.effects = [];
    return types;
  }

  /** The drawing loop's next turn at this theme and width. */
  next(theme: ThemeKind = 'light', width = 800): Effect<string>[] {
    return this.send({ type: 'next', theme, width });
  }

  /** Draw `msg` to a picture named after it, as the page does when `next` asks. */
  draw(msg: RenderMessage, theme: ThemeKind = 'light', width = 800): Effect<string>[] {
    return this.send({ type: 'drawn', msg, gantt: msg.gantt!, picture: `picture ${msg.seq}`, theme, width });
  }

  get status(): string {
    return chrome(this.state).status;
  }
}

/** A page showing the picture of render 1, drawn at 800 px in the light theme. */
function showing(): { page: Page; first: RenderMessage } {
  const page = new Page();
  const first = renderMsg(1);
  page.send({ type: 'render', msg: first });
  page.next();
  page.draw(first);
  page.send({ type: 'idle' });
  page.take();
  return { page, first };
}

describe('the timeline page state', () => {
  it('draws a render: the state saved, the toolbar updated, one drawing loop, then the picture and its notice', () => {
    const page = new Page();
    const msg = renderMsg(1);
    const fx = page.send({ type: 'render', msg });
    assert.deepStrictEqual(fx[0], {
      type: 'saveState',
      state: { uri: URI, pinned: false, filters: msg.filters, seen: { panel: 'p1', seq: 1 } },
    });
    assert.deepStrictEqual(page.take(), ['saveState', 'toolbar', 'drain']);
    assert.strictEqual(page.status, 'Updating…');
    assert.deepStrictEqual(chrome(page.state).exportEnabled, false);
    assert.deepStrictEqual(page.next('dark', 640), [
      { type: 'draw', msg, gantt: msg.gantt, theme: 'dark', width: 640 },
    ]);
    assert.strictEqual(page.state.queued, undefined);
    const shown = page.draw(msg, 'dark', 640);
    assert.deepStrictEqual(shown, [
      { type: 'present', msg, gantt: msg.gantt, picture: 'picture 1', theme: 'dark', width: 640, reused: false },
      { type: 'notice', notice: undefined },
    ]);
    assert.deepStrictEqual(page.state.shown, {
      msg,
      uri: URI,
      text: msg.gantt!.text,
      theme: 'dark',
      width: 640,
      picture: 'picture 1',
    });
    assert.strictEqual(page.status, 'Updating…', 'the loop still runs');
    page.send({ type: 'idle' });
    assert.deepStrictEqual(chrome(page.state), { busy: false, status: '', stale: false, exportEnabled: true });
  });

  it('drops a render older than the newest, or sent again', () => {
    const { page } = showing();
    const before = page.state;
    page.send({ type: 'render', msg: renderMsg(1) });
    page.send({ type: 'render', msg: renderMsg(0) });
    assert.strictEqual(page.state, before);
    assert.deepStrictEqual(page.take(), []);
  });

  it('draws one message at a time: renders that come meanwhile wait in one place, and only the newest is drawn', () => {
    const page = new Page();
    const [r1, r2, r3] = [renderMsg(1), renderMsg(2), renderMsg(3)];
    page.send({ type: 'render', msg: r1 });
    page.next();
    page.take();
    page.send({ type: 'render', msg: r2 });
    page.send({ type: 'render', msg: r3 });
    assert.deepStrictEqual(page.take(), ['saveState', 'toolbar', 'saveState', 'toolbar'], 'no second loop');
    assert.strictEqual(page.state.queued, r3);
    assert.deepStrictEqual(page.draw(r1), [], 'the picture of r1 came too late: never shown');
    assert.strictEqual(page.state.shown, undefined);
    assert.deepStrictEqual(
      page.next().map((f) => f.type === 'draw' && f.msg),
      [r3],
    );
    assert.deepStrictEqual(page.next(), [], 'nothing queued');
  });

  it('keeps the picture shown for a render of the same text, theme and width (within 40 px)', () => {
    const { page, first } = showing();
    const again = renderMsg(2, { text: first.gantt!.text });
    page.send({ type: 'render', msg: again });
    const fx = page.next('light', 840);
    assert.deepStrictEqual(fx[0], {
      type: 'present',
      msg: again,
      gantt: again.gantt,
      picture: 'picture 1',
      theme: 'light',
      width: 840,
      reused: true,
    });
    assert.strictEqual(page.state.shown?.msg, again, "with this message's rows and version");
    const wider = renderMsg(3, { text: first.gantt!.text });
    page.send({ type: 'render', msg: wider });
    assert.strictEqual(page.next('light', 881)[0]?.type, 'draw', 'the picture was kept at 840 px');
    const dark = renderMsg(4, { text: first.gantt!.text });
    page.send({ type: 'render', msg: dark });
    assert.strictEqual(page.next('dark', 881)[0]?.type, 'draw');
  });

  it('keeps the last good picture, dimmed, while the plan has errors', () => {
    const { page, first } = showing();
    const fx = page.send({ type: 'render', msg: errors(2) });
    assert.deepStrictEqual(
      fx.map((f) => f.type),
      ['saveState', 'toolbar', 'notice'],
    );
    assert.strictEqual(
      fx[2]?.type === 'notice' && fx[2].notice?.text,
      'The plan has 2 errors. Showing the last good timeline (dimmed).',
    );
    assert.strictEqual(page.state.shown?.msg, first);
    assert.deepStrictEqual(chrome(page.state), {
      busy: false,
      status: 'Stale picture',
      stale: true,
      exportEnabled: true,
    });
    // fixed: the new picture is current again
    const fixed = renderMsg(3);
    page.send({ type: 'render', msg: fixed });
    page.next();
    page.draw(fixed);
    page.send({ type: 'idle' });
    assert.deepStrictEqual(chrome(page.state), { busy: false, status: '', stale: false, exportEnabled: true });
  });

  it('still shows the stale picture drawn again (a theme change) after errors came, dimmed and without its notice', () => {
    const { page, first } = showing();
    page.send({ type: 'theme', theme: 'dark' });
    assert.deepStrictEqual(page.take(), ['drain']);
    page.next('dark');
    page.send({ type: 'render', msg: errors(2) });
    page.take();
    const fx = page.draw(first, 'dark');
    assert.deepStrictEqual(
      fx.map((f) => f.type),
      ['present'],
      'the notice of the errors stays',
    );
    assert.strictEqual(page.state.shown?.theme, 'dark');
    assert.strictEqual(page.state.stale, true);
  });

  it('drops a redraw that finishes after a render without a picture, or after a newer picture was drawn', () => {
    const { page, first } = showing();
    page.send({ type: 'theme', theme: 'dark' });
    page.next('dark');
    page.send({ type: 'render', msg: renderMsg(2, { notice: { kind: 'noPlan', text: 'Open a plan.' } }) });
    assert.deepStrictEqual(page.draw(first, 'dark'), [], 'the plan is no longer shown');
    assert.strictEqual(page.state.shown, undefined);
    const again = showing();
    again.page.send({ type: 'width', width: 1200 });
    again.page.next('light', 1200);
    again.page.send({ type: 'render', msg: errors(2) });
    again.page.send({
      type: 'drawn',
      msg: renderMsg(1),
      gantt: again.first.gantt!,
      picture: 'not the picture shown',
      theme: 'light',
      width: 1200,
    });
    assert.strictEqual(
      again.page.state.shown?.picture,
      'picture 1',
      "only the stale picture's own message is drawn again",
    );
  });

  it('clears the chart for a render without a picture that keeps none', () => {
    const { page } = showing();
    const other = renderMsg(2, {
      uri: 'file:///plans/other.workback.yaml',
      notice: { kind: 'errors', text: 'The plan has 1 error.' },
      stale: true,
    });
    const fx = page.send({ type: 'render', msg: other });
    assert.deepStrictEqual(
      fx.map((f) => f.type),
      ['saveState', 'toolbar', 'notice', 'clear'],
    );
    assert.strictEqual(
      fx[2]?.type === 'notice' && fx[2].notice?.text,
      'The plan has 1 error.',
      'another plan: no last good picture of it',
    );
    assert.deepStrictEqual(chrome(page.state), { busy: false, status: '', stale: false, exportEnabled: false });
    const none = page.send({ type: 'render', msg: renderMsg(3, { notice: { kind: 'noPlan', text: 'Open a plan.' } }) });
    assert.deepStrictEqual(
      none.map((f) => f.type),
      ['saveState', 'toolbar', 'notice', 'clear'],
    );
  });

  it("shows Mermaid's error as a notice and tells the host, for the newest render only", () => {
    const { page } = showing();
    const bad = renderMsg(2);
    page.send({ type: 'render', msg: bad });
    page.next();
    page.take();
    assert.deepStrictEqual(page.send({ type: 'failed', msg: renderMsg(1), error: 'old' }), [], 'not the newest');
    const fx = page.send({ type: 'failed', msg: bad, error: 'Parse error on line 3' });
    assert.deepStrictEqual(fx, [
      { type: 'clear' },
      {
        type: 'notice',
        notice: {
          kind: 'renderError',
          text: 'Mermaid could not draw this timeline: Parse error on line 3',
          offers: [],
        },
      },
      { type: 'renderFailed', seq: 2, error: 'Parse error on line 3' },
    ]);
    assert.strictEqual(page.state.shown, undefined);
  });

  it('says "Updating…" while a newer version of the shown document is checked', () => {
    const { page } = showing();
    page.send({ type: 'pending', uri: URI, version: 1 });
    assert.strictEqual(page.status, '', "not newer than the picture's version");
    page.send({ type: 'pending', uri: 'file:///plans/other.workback.yaml', version: 9 });
    assert.strictEqual(page.status, '', 'another document');
    page.send({ type: 'pending', uri: URI, version: 3 });
    assert.strictEqual(page.status, 'Updating…');
    page.send({ type: 'render', msg: renderMsg(2, { version: null }) });
    assert.deepStrictEqual(
      page.state.pending,
      { uri: URI, version: 3 },
      'the file on disk says nothing of the version being checked',
    );
    page.send({ type: 'render', msg: renderMsg(3, { version: 2 }) });
    assert.deepStrictEqual(page.state.pending, { uri: URI, version: 3 });
    page.send({ type: 'render', msg: renderMsg(4, { version: 3 }) });
    assert.strictEqual(page.state.pending, undefined);
    page.send({ type: 'pending', uri: URI, version: 5 });
    page.send({ type: 'render', msg: renderMsg(5, { uri: 'file:///plans/other.workback.yaml' }) });
    assert.strictEqual(page.state.pending, undefined, 'the panel shows another plan now');
  });

  it('takes any version as newer than the file on disk', () => {
    const page = new Page();
    page.send({ type: 'render', msg: renderMsg(1, { version: null }) });
    page.send({ type: 'pending', uri: URI, version: 1 });
    assert.deepStrictEqual(page.state.pending, { uri: URI, version: 1 });
  });

  it('draws the picture again when the theme changes, or the width by more than 40 px', () => {
    const { page, first } = showing();
    page.send({ type: 'theme', theme: 'light' });
    page.send({ type: 'width', width: 840 });
    page.send({ type: 'width', width: 760 });
    assert.deepStrictEqual(page.take(), []);
    page.send({ type: 'width', width: 841 });
    assert.deepStrictEqual(page.take(), ['drain']);
    assert.strictEqual(page.state.queued, first);
    page.send({ type: 'hostTheme', hostTheme: 'highContrast', theme: 'highContrast' });
    assert.deepStrictEqual(page.take(), [], 'the loop runs already: the message waits');
    assert.strictEqual(page.state.hostTheme, 'highContrast');
  });

  it("the host's theme is what each render says", () => {
    const page = new Page();
    page.send({ type: 'render', msg: renderMsg(1, { theme: 'highContrastLight' }) });
    assert.strictEqual(page.state.hostTheme, 'highContrastLight');
  });

  it('shows a saved picture on a page that has nothing yet, as "Updating…", and keeps it for a render of the same text', () => {
    const page = new Page();
    assert.ok(mayRestore(page.state, 'dark', 'dark'));
    assert.ok(!mayRestore(page.state, 'dark', 'light'), 'drawn in another theme');
    const saved = { uri: URI, text: 'gantt\n', theme: 'dark' as const, width: 800 };
    page.send({ type: 'restored', saved, picture: 'saved picture' });
    assert.ok(!mayRestore(page.state, 'dark', 'dark'), 'a picture is shown');
    assert.deepStrictEqual(chrome(page.state), { busy: true, status: 'Updating…', stale: false, exportEnabled: false });
    page.send({ type: 'theme', theme: 'light' });
    assert.deepStrictEqual(page.take(), [], 'a restored picture has no message to draw again');
    const msg = renderMsg(1, { text: 'gantt\n' });
    page.send({ type: 'render', msg });
    const fx = page.next('dark', 810);
    assert.deepStrictEqual(fx[0], {
      type: 'present',
      msg,
      gantt: msg.gantt,
      picture: 'saved picture',
      theme: 'dark',
      width: 810,
      reused: true,
    });
    page.send({ type: 'idle' });
    assert.deepStrictEqual(chrome(page.state), { busy: false, status: '', stale: false, exportEnabled: true });
  });
});
