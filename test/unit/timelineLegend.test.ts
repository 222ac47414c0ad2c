/** Issue 13, item 1: the legend names every state the timeline shows (src/webview/pure/legend.ts). */
import assert from 'node:assert/strict';
import { LEGEND } from '../../src/webview/pure/legend';

describe("the timeline's legend", () => {
  it('lists each state of the issue, once, with the cue other than colour where one is drawn', () => {
    const labels = LEGEND.map((e) => e.label.toLowerCase());
    for (const state of [
      'done',
      'in progress',
      'not started',
      'critical',
      'late start',
      'overdue',
      'blocked',
      'checkpoint',
      'goal',
      'day off',
      'holiday',
      'today',
      'goal due',
      'freeze or leave',
    ])
      assert.ok(
        labels.some((l) => l.includes(state)),
        state,
      );
    assert.equal(new Set(LEGEND.map((e) => e.key)).size, LEGEND.length, 'one entry per key');
    // the states Mermaid does not draw get an edge of their own, and say which
    for (const e of LEGEND.filter((x) => x.stateClass)) assert.match(e.label, /\((dashed|thick|dotted) edge\)$/, e.key);
  });
});
