/**
 * What the timeline page says, without a DOM: the notice above the chart and its offers
 * (src/webview/pure/notice.ts), a bar's tooltip and what a click on it does (pure/tooltip.ts).
 */
import * as assert from 'assert';
import type { BarInfo, RenderMessage } from '../../src/shared/protocol';
import { noticeView } from '../../src/webview/pure/notice';
import { revealable, tooltipHint, tooltipLines } from '../../src/webview/pure/tooltip';

const URI = 'file:///plans/launch.workback.yaml';
const MSG: RenderMessage = {
  type: 'render',
  seq: 3,
  panel: 'p1',
  uri: URI,
  version: 7,
  fileName: 'launch.workback.yaml',
  pinned: false,
  theme: 'dark',
  filters: { owner: 'lee', criticalOnly: true, compact: false, window: { from: '2026-01-01', to: '2026-01-31' } },
  milestones: [],
  owners: [],
  priorities: [],
  windows: [],
};

const TASK: BarInfo = {
  chartId: 't3',
  itemId: 'enroll-it',
  kind: 'task',
  title: 'Enroll the IT team',
  milestone: 'Pilot',
  owner: 'Lee Chen (lee)',
  startBy: 'Mon 3 Aug 2026',
  finishBy: 'Wed 5 Aug 2026',
  earliestStart: 'Mon 27 Jul 2026',
  earliestFinish: 'Wed 29 Jul 2026',
  slack: 1,
  status: 'doing',
  critical: true,
  late: 'start 2 workdays late',
};

describe("the timeline page's notice", () => {
  it('says nothing without a notice', () => {
    assert.strictEqual(noticeView(undefined, MSG, URI), undefined);
  });

  it('says the last good picture is shown, for errors in the plan of the picture shown only', () => {
    const errors = { kind: 'errors' as const, text: 'The plan has 2 errors.' };
    assert.strictEqual(
      noticeView(errors, MSG, URI)?.text,
      'The plan has 2 errors. Showing the last good timeline (dimmed).',
    );
    assert.strictEqual(noticeView(errors, MSG, 'file:///plans/other.workback.yaml')?.text, 'The plan has 2 errors.');
    assert.strictEqual(noticeView(errors, MSG, undefined)?.text, 'The plan has 2 errors.');
    assert.strictEqual(noticeView({ kind: 'checking', text: 'Checking…' }, MSG, URI)?.text, 'Checking…');
  });

  it('says what to do next: a new plan when there is none, the first error of a plan with errors', () => {
    assert.deepStrictEqual(noticeView({ kind: 'noPlan', text: 'Open a plan.' }, MSG, undefined)?.offers, [
      { label: 'New Plan…', action: 'newPlan' },
    ]);
    assert.deepStrictEqual(noticeView({ kind: 'errors', text: 'Fix the 2 errors.' }, MSG, URI)?.offers, [
      { label: 'Go to the First Error', action: 'showFirstError' },
    ]);
    assert.deepStrictEqual(noticeView({ kind: 'checking', text: 'Checking…' }, MSG, URI)?.offers, []);
  });

  it('offers a milestone (preselected in the toolbar) or a date window, each with the other filters kept', () => {
    const view = noticeView(
      {
        kind: 'tooLarge',
        text: 'Too many rows to draw.',
        suggestMilestone: { value: 'build', label: '<b>Build</b>' },
        suggestWindow: { from: '2026-03-01', to: '2026-03-31', label: 'March 2026', rows: 40 },
      },
      MSG,
      URI,
    );
    assert.deepStrictEqual(view, {
      kind: 'tooLarge',
      text: 'Too many rows to draw.',
      preselectMilestone: 'build',
      offers: [
        {
          label: 'Show the milestone “<b>Build</b>”',
          filters: { owner: 'lee', criticalOnly: true, compact: false, milestone: 'build', window: undefined },
        },
        {
          label: 'Show March 2026',
          filters: {
            owner: 'lee',
            criticalOnly: true,
            compact: false,
            window: { from: '2026-03-01', to: '2026-03-31' },
          },
        },
      ],
    });
  });
});

describe("a bar's tooltip", () => {
  it("shows a task's milestone, owner, dates, slack and status", () => {
    assert.deepStrictEqual(tooltipLines(TASK), [
      ['Milestone', 'Pilot'],
      ['Owner', 'Lee Chen (lee)'],
      ['Start by', 'Mon 3 Aug 2026'],
      ['Finish by', 'Wed 5 Aug 2026'],
      ['Earliest', 'Mon 27 Jul 2026 – Wed 29 Jul 2026'],
      ['Slack', '1 workday'],
      ['Status', 'doing · critical path · start 2 workdays late'],
    ]);
    const done: BarInfo = {
      ...TASK,
      owner: undefined,
      earliestStart: undefined,
      earliestFinish: undefined,
      slack: undefined,
      status: 'done',
      critical: false,
      late: undefined,
    };
    assert.deepStrictEqual(tooltipLines(done), [
      ['Milestone', 'Pilot'],
      ['Start by', 'Mon 3 Aug 2026'],
      ['Finish by', 'Wed 5 Aug 2026'],
      ['Status', 'done'],
    ]);
    // below zero: how far behind, never a negative slack
    const behind = tooltipLines({ ...TASK, slack: -3 });
    assert.deepStrictEqual(
      behind.find(([k]) => k === 'Behind'),
      ['Behind', '3 workdays'],
    );
    assert.strictEqual(
      behind.find(([k]) => k === 'Slack'),
      undefined,
    );
  });

  it("shows a checkpoint's day and the goal's due date", () => {
    const checkpoint: BarInfo = {
      ...TASK,
      kind: 'checkpoint',
      owner: undefined,
      status: 'checkpoint',
      critical: false,
      late: undefined,
    };
    assert.deepStrictEqual(tooltipLines(checkpoint), [
      ['Milestone', 'Pilot'],
      ['Day', 'Wed 5 Aug 2026'],
      ['Status', 'checkpoint'],
    ]);
    const goal: BarInfo = {
      ...checkpoint,
      kind: 'goal',
      itemId: '',
      milestone: '',
      status: 'goal',
      late: '3 workdays late',
    };
    assert.deepStrictEqual(tooltipLines(goal), [
      ['Due', 'Wed 5 Aug 2026'],
      ['Status', 'goal · 3 workdays late'],
    ]);
  });

  it('a click shows a task or checkpoint in the editor, never the goal', () => {
    assert.ok(revealable(TASK));
    assert.ok(revealable({ ...TASK, kind: 'checkpoint' }));
    assert.ok(!revealable({ ...TASK, kind: 'goal' }));
    assert.ok(!revealable({ ...TASK, itemId: '' }));
    assert.ok(!revealable(undefined));
    assert.strictEqual(tooltipHint(TASK), 'Click to show it in the editor');
    assert.strictEqual(tooltipHint({ ...TASK, kind: 'goal' }), '');
  });
});
