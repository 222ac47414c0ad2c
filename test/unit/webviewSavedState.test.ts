/**
 * What the timeline page keeps with VS Code's webview state, and reads back at start
 * (src/webview/pure/savedState.ts): the picture kept for its plan only, a state of the wrong
 * shape ignored, the first render inside the page taken only when the page has not seen a later one.
 */
import * as assert from 'assert';
import type { RenderMessage, SavedPicture, TimelineState } from '../../src/shared/protocol';
import {
  firstRenderIsNew,
  parseFirstRender,
  readPicture,
  readSeen,
  withPicture,
  withRender,
} from '../../src/webview/pure/savedState';

const A = 'file:///plans/a.workback.yaml';
const B = 'file:///plans/b.workback.yaml';
const FILTERS = { criticalOnly: false, compact: true };
const PICTURE: SavedPicture = {
  uri: A,
  text: 'gantt\n',
  theme: 'dark',
  width: 800,
  svgId: 'wb-gantt-x-1',
  leftPadding: 120,
  font: 'sans-serif',
  today: '#ff8f6b',
  svg: '<svg></svg>',
};

describe("the timeline page's saved state", () => {
  it('keeps the picture across renders of its plan, and drops it for another plan', () => {
    const state: TimelineState = { uri: A, pinned: false, filters: FILTERS, picture: PICTURE };
    assert.strictEqual(
      withRender(state, { uri: A, pinned: true, filters: FILTERS, seen: { panel: 'p', seq: 2 } }).picture,
      PICTURE,
    );
    assert.strictEqual(withRender(state, { uri: B, pinned: false, filters: FILTERS }).picture, undefined);
    assert.deepStrictEqual(withRender(undefined, { uri: A, pinned: false, filters: FILTERS }), {
      uri: A,
      pinned: false,
      filters: FILTERS,
      picture: undefined,
    });
  });

  it('saves a picture with the state of its plan only', () => {
    const state: TimelineState = { uri: A, pinned: false, filters: FILTERS };
    assert.deepStrictEqual(withPicture(state, PICTURE), { ...state, picture: PICTURE });
    assert.strictEqual(withPicture({ ...state, uri: B }, PICTURE), undefined);
    assert.strictEqual(withPicture(undefined, PICTURE), undefined);
  });

  it('reads back what an earlier page saw and drew, and nothing of the wrong shape', () => {
    assert.deepStrictEqual(readSeen({ uri: A, seen: { panel: 'p', seq: 4, extra: 1 } }), { panel: 'p', seq: 4 });
    for (const raw of [
      undefined,
      null,
      'text',
      7,
      {},
      { seen: null },
      { seen: { panel: 'p', seq: '4' } },
      { seen: { seq: 4 } },
    ]) {
      assert.strictEqual(readSeen(raw), undefined, JSON.stringify(raw));
    }
    const raw = { uri: A, pinned: false, filters: FILTERS, picture: PICTURE };
    assert.deepStrictEqual(readPicture(raw), { state: raw, picture: PICTURE });
    for (const picture of [
      undefined,
      null,
      'svg',
      { ...PICTURE, theme: 'forest' },
      { ...PICTURE, width: '800' },
      { ...PICTURE, svg: undefined },
    ]) {
      assert.strictEqual(readPicture({ ...raw, picture }), undefined, JSON.stringify(picture));
    }
    assert.strictEqual(readPicture(null), undefined);
  });

  it("takes the first render inside the page when it is one, and new to this panel's pages", () => {
    const first = { type: 'render', seq: 5, panel: 'p' } as RenderMessage;
    assert.deepStrictEqual(parseFirstRender(JSON.stringify(first)), first);
    for (const text of [undefined, null, '', 'null', '{', '[]', '{"type":"pending"}', '"render"'])
      assert.strictEqual(parseFirstRender(text), undefined, String(text));
    assert.ok(firstRenderIsNew(first, undefined));
    assert.ok(firstRenderIsNew(first, { panel: 'p', seq: 4 }));
    assert.ok(firstRenderIsNew(first, { panel: 'other', seq: 9 }), 'a panel after a window reload');
    assert.ok(!firstRenderIsNew(first, { panel: 'p', seq: 5 }));
    assert.ok(!firstRenderIsNew(first, { panel: 'p', seq: 6 }), 'an earlier page of the panel saw a later render');
  });
});
