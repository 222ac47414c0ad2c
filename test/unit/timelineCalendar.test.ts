/**
 * Issue 13, item 2: the timeline on the plan's own calendar. The Gantt text shades the plan's
 * days off (its weekdays off, its holidays on the axis), puts weekly ticks on the first workday
 * of its week, and shows the year when the axis crosses one; read back by Mermaid's own parser.
 */
import assert from 'node:assert/strict';
import { checkPlan, formatDay, parseDay, toMermaidGantt, type Day } from '../../src/core';
import { calendarLines, crossesYear, firstWorkday } from '../../src/core/mermaid/calendarLines';
import { localDay, parseGantt } from './helpers/mermaidParser';

const day = (s: string): Day => parseDay(s) as Day;
const [MON, TUE, WED, THU, FRI, SAT, SUN] = [0, 1, 2, 3, 4, 5, 6];

describe('the timeline on the plan calendar', () => {
  it('weekly ticks fall on the first workday of the plan week', () => {
    assert.equal(firstWorkday([MON, TUE, WED, THU, FRI]), MON);
    assert.equal(firstWorkday([MON, TUE, WED, THU]), MON);
    assert.equal(firstWorkday([SUN, MON, TUE, WED, THU]), SUN, 'Sunday to Thursday');
    assert.equal(firstWorkday([TUE, WED, THU, FRI, SAT]), TUE);
    assert.equal(firstWorkday([MON, TUE, WED, THU, FRI, SAT, SUN]), MON, 'every day worked');
    assert.equal(firstWorkday([WED]), WED);
  });

  it('the year shows when the axis crosses one, and only then', () => {
    assert.equal(crossesYear(day('2026-12-20'), day('2027-01-10')), true);
    assert.equal(crossesYear(day('2026-03-01'), day('2026-12-31')), false);
    assert.equal(crossesYear(day('2026-03-01'), day('2027-01-01')), false, 'the end is exclusive');
    const cal = { workdays: [MON, TUE, WED, THU, FRI] as never[], holidays: [] };
    assert.equal(calendarLines(cal, day('2026-12-20'), day('2027-01-10'))[0], '    axisFormat %-d %b %Y');
    assert.equal(calendarLines(cal, day('2026-03-01'), day('2026-04-01'))[0], '    axisFormat %-d %b');
  });

  it("shades the weekdays off and only the holidays on the axis, as Mermaid's parser reads them", async () => {
    const text = `workback: 1
title: Clinics
goal: { outcome: Done, due: 2027-01-15, owner: dana }
calendar:
  workdays: [mon, tue, wed, thu]
  holidays: [2025-12-25, 2026-12-24, 2026-12-31, 2028-01-03]
people:
  dana: { name: Dana Whitfield }
milestones:
  - id: m
    title: M
    tasks:
      - { id: a, title: Long task, owner: dana, duration: 4w }
`;
    const r = checkPlan(text, { today: day('2026-11-24') });
    assert.ok(r.plan && r.schedule, r.diagnostics.map((d) => d.message).join('\n'));
    const g = toMermaidGantt(r.plan, r.schedule);
    const parsed = await parseGantt(g.text);
    assert.deepEqual(parsed.excludes, ['friday', 'saturday', 'sunday', '2026-12-24', '2026-12-31']);
    assert.equal(parsed.weekday, 'monday');
    assert.equal(parsed.axisFormat, '%-d %b %Y', 'the axis runs into 2027');
    // the bar keeps its explicit dates: Mermaid moves no manual end for a day off
    const item = r.schedule.byId.get('a')!;
    const bar = parsed.tasks.find((t) => t.id === 't1')!;
    assert.equal(localDay(bar.startTime), formatDay(item.start));
    assert.equal(localDay(bar.endTime), formatDay(item.finish + 1));
  });

  it('a plan that works every day shades nothing', () => {
    const lines = calendarLines(
      { workdays: [MON, TUE, WED, THU, FRI, SAT, SUN] as never[], holidays: [] },
      day('2026-03-01'),
      day('2026-04-01'),
    );
    assert.ok(!lines.some((l) => l.includes('excludes')));
  });

  it('is linear in the holidays: thousands of them, only those on the axis are written', () => {
    const holidays = Array.from({ length: 5000 }, (_, i) => day('2000-01-01') + i * 7);
    const lines = calendarLines(
      { workdays: [MON, TUE, WED, THU, FRI] as never[], holidays },
      day('2026-03-01'),
      day('2026-04-01'),
    );
    const written = lines.find((l) => l.startsWith('    excludes'))!.split(', ').length;
    assert.ok(written <= 2 + 5, `${written} entries`);
  });
});
