/**
 * The arithmetic of the timeline's layout (src/webview/pure/layout.ts), with a text as wide as
 * 7 px a character: date ticks, the section column, long titles wrapped and cut, labels beside
 * their bars, the view box grown to what is drawn.
 */
import * as assert from 'assert';
import {
  cutToFit,
  grownViewBox,
  outsideLabel,
  overlappingLabels,
  sectionColumnWidth,
  sectionTitleLines,
  tickInterval,
} from '../../src/webview/pure/layout';

const width = (s: string): number => s.length * 7;

describe("the timeline's layout", () => {
  it('spaces date ticks at least 60 px apart', () => {
    assert.strictEqual(tickInterval(10, 800), '1day');
    assert.strictEqual(tickInterval(20, 800), '2day');
    assert.strictEqual(tickInterval(60, 800), '1week');
    assert.strictEqual(tickInterval(365, 800), '1month');
    assert.strictEqual(tickInterval(1000, 800), '3month');
    assert.strictEqual(tickInterval(3650, 800), '12month');
    assert.strictEqual(tickInterval(0, -5), '2month', 'no division by zero: a pixel a day');
  });

  it('sizes the section column to the widest title, at most a quarter of the chart', () => {
    assert.strictEqual(sectionColumnWidth(60, 800), 90);
    assert.strictEqual(sectionColumnWidth(150, 800), 174);
    assert.strictEqual(sectionColumnWidth(400, 800), 200);
    assert.strictEqual(sectionColumnWidth(400, 300), 120);
  });

  it('cuts a text to the longest prefix that fits with an ellipsis', () => {
    assert.strictEqual(cutToFit('Enroll the IT team', 200, width), 'Enroll the IT team');
    assert.strictEqual(cutToFit('Enroll the IT team', 70, width), 'Enroll th…');
    assert.strictEqual(cutToFit('Enroll the IT team', 56, width), 'Enroll…', 'the space before the ellipsis dropped');
    assert.strictEqual(cutToFit('Enroll', 7, width), '');
  });

  it('wraps a section title onto two lines a row, at most six, the last cut when the rest does not fit', () => {
    const title = 'Roll out to every office in the region';
    assert.strictEqual(sectionTitleLines(title, 300, 1, width), undefined, 'it fits');
    assert.deepStrictEqual(sectionTitleLines(title, 100, 2, width), ['Roll out to', 'every office', 'in the region']);
    assert.deepStrictEqual(sectionTitleLines(title, 100, 1, width), ['Roll out to', 'every office…']);
    assert.deepStrictEqual(
      sectionTitleLines(title, 100, undefined, width),
      ['Roll out to', 'every office…'],
      'a section without a count: one row',
    );
    assert.deepStrictEqual(
      sectionTitleLines('Supercalifragilistic', 70, 3, width),
      ['Supercali…'],
      'one word too long: cut',
    );
    assert.strictEqual(sectionTitleLines('a '.repeat(100).trim(), 14, 50, width)?.length, 6);
    assert.deepStrictEqual(sectionTitleLines('Wide', 7, 1, width), ['…'], 'not even a letter fits');
  });

  it('puts a label right of its bar where it fits, else where there is more room, never over the section column', () => {
    // a chart 800 px wide with a 150 px column
    assert.deepStrictEqual(outsideLabel({ x: 300, width: 50 }, 200, 150, 800), { right: true, x: 355, room: 439 });
    assert.deepStrictEqual(outsideLabel({ x: 600, width: 150 }, 200, 150, 800), { right: false, x: 595, room: 439 });
    assert.deepStrictEqual(
      outsideLabel({ x: 200, width: 450 }, 200, 150, 800),
      { right: true, x: 655, room: 139 },
      'more room right: cut there',
    );
    assert.deepStrictEqual(
      outsideLabel({ x: 400, width: 300 }, 500, 150, 800),
      { right: false, x: 395, room: 239 },
      'more room left: cut there',
    );
  });

  it('grows the view box to hold what is drawn, with a 4 px margin where it grows', () => {
    const vb = { x: 0, y: 0, width: 800, height: 400 };
    assert.deepStrictEqual(grownViewBox(vb, { x: 10, y: 10, width: 700, height: 300 }), vb);
    assert.deepStrictEqual(grownViewBox(vb, { x: -20.5, y: 5, width: 850, height: 410.2 }), {
      x: -25,
      y: 0,
      width: 859,
      height: 420,
    });
  });

  it('compact mode: hides a label that would overlap the one shown before it in its row, from the left', () => {
    const spans = [
      { row: 20, x0: 100, x1: 180 }, // shown
      { row: 20, x0: 150, x1: 200 }, // runs into the first: hidden
      { row: 20, x0: 183, x1: 240 }, // starts 3 px after the first shown: hidden (the gap is 4)
      { row: 20, x0: 184, x1: 260 }, // 4 px after: shown
      { row: 40, x0: 120, x1: 130 }, // another row: shown
      { row: 20, x0: 10, x1: 90 }, // leftmost of its row, listed last: shown
    ];
    assert.deepStrictEqual([...overlappingLabels(spans)].sort(), [1, 2]);
    assert.deepStrictEqual([...overlappingLabels([])], []);
  });
});
