/**
 * `workback ics` and the iCalendar writer: the output read back by an independent parser
 * (Mozilla's ical.js) holds every event of calendarEvents() with its day, summary, description
 * and UID; plan text comes back exactly as escaped (hostile text included); lines are folded at
 * 75 octets with CRLF; UIDs are unique in a file and the same from one export to the next.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  calendarEvents,
  checkPlan,
  formatDay,
  parseDay,
  toICalendar,
  type CalendarEvent,
  type Day,
} from '../../src/core';
import { run } from '../../src/cli/run';
import { memoryIO } from './helpers/memoryIO';

/** ical.js ships ES module types only; its CommonJS build is loaded, typed by what the tests use. */
interface IcalTime {
  toString(): string;
}
interface IcalJs {
  parse(text: string): unknown;
  Component: new (data: unknown) => { getAllSubcomponents(name: string): unknown[] };
  Event: new (component: unknown) => {
    uid: string;
    startDate: IcalTime;
    endDate: IcalTime;
    summary: string;
    description: string;
  };
}
const ICAL = require('ical.js') as IcalJs;

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = ['mfa-rollout', 'edr-deployment', 'siem-migration'].map((n) => `examples/${n}.workback.yaml`);
const read = (f: string): string => readFileSync(path.join(ROOT, f), 'utf8');
const day = (s: string): Day => parseDay(s) as Day;
const OPTIONS = { stamp: day('2026-11-24'), product: '-//Workback//Test//EN', name: 'Test' };

interface Parsed {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
}

function parse(ics: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      summary: e.summary,
      description: e.description,
    };
  });
}

/** What a calendar must show for plan text: control, bidi and invisible characters as visible escapes. */
const visible = (s: string): string =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`,
    );

function plansOf(files: string[], today: Day) {
  return files.map((file) => {
    const r = checkPlan(read(file), { today });
    return { file, plan: r.plan!, schedule: r.schedule! };
  });
}

function assertLines(ics: string): void {
  assert.ok(ics.endsWith('\r\n'));
  for (const line of ics.split('\r\n').slice(0, -1)) {
    assert.ok(!line.includes('\n') && !line.includes('\r'), JSON.stringify(line));
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
  }
}

describe('calendars (workback ics)', () => {
  it('every person of the examples: each event read back by ical.js, as calendarEvents() made it', () => {
    const today = day('2026-11-24');
    const files = plansOf(EXAMPLES, today);
    const people = new Set(files.flatMap((f) => [...f.plan.people.keys()]));
    let total = 0;
    for (const me of people) {
      const events = calendarEvents(files, [me], today);
      const ics = toICalendar(events, OPTIONS);
      assertLines(ics);
      const back = parse(ics);
      assert.equal(back.length, events.length, me);
      back.forEach((b, i) => {
        const e = events[i]!;
        assert.equal(b.start, formatDay(e.day));
        assert.equal(b.end, formatDay((e.day + 1) as Day));
        assert.equal(b.summary, e.summary);
        assert.equal(b.description, e.description);
      });
      assert.equal(new Set(back.map((b) => b.uid)).size, back.length, `${me}: UIDs are unique`);
      total += events.length;
    }
    assert.ok(total > 50, `${total} events`);
  });

  it('gives dana her start-by and finish-by days, her goal and the follow-ups she owes', () => {
    const today = day('2026-11-24');
    const files = plansOf(['examples/mfa-rollout.workback.yaml'], today);
    const events = calendarEvents(files, ['dana@example.com'], today);
    const { plan, schedule } = files[0]!;
    const mine = plan.tasks.filter((t) => t.owner === 'dana' && t.status !== 'done');
    for (const t of mine) {
      const item = schedule.byId.get(t.id)!;
      const start = events.some(
        (e) => e.key === `start/${t.id}` && e.day === item.start && e.summary === `Start by: ${t.title}`,
      );
      assert.equal(start, t.status !== 'doing', `${t.id} (${t.status}): a start-by day unless under way`);
      assert.ok(events.some((e) => e.key === `finish/${t.id}` && e.day === item.finish));
    }
    assert.ok(
      mine.some((t) => t.status === 'doing'),
      'the example has a task of hers under way',
    );
    const notStarted = mine.filter((t) => t.status !== 'doing').length;
    assert.equal(events.filter((e) => e.key.startsWith('start/')).length, notStarted);
    if (plan.goal.owner === 'dana') assert.ok(events.some((e) => e.key === 'goal' && e.day === plan.goal.due));
    assert.ok(events.some((e) => e.key.startsWith('follow-up/')));
  });

  it('keeps each event’s UID from one export to the next when its day moves, and across people', () => {
    const today = day('2026-11-24');
    const text = read('examples/mfa-rollout.workback.yaml');
    const moved = text.replace(/^( {2}due: )2027-03-31\b/m, '$12027-05-31');
    assert.notEqual(moved, text, 'the goal moves two months later');
    const exported = (t: string) => {
      const r = checkPlan(t, { today });
      const files = [{ file: 'plans/mfa.workback.yaml', plan: r.plan!, schedule: r.schedule! }];
      return parse(toICalendar(calendarEvents(files, ['dana', 'lee'], today), OPTIONS));
    };
    const before = exported(text);
    const after = new Map(exported(moved).map((e) => [e.uid, e]));
    assert.equal(after.size, before.length);
    let later = 0;
    for (const b of before) {
      const a = after.get(b.uid);
      assert.ok(a, `${b.summary} keeps its UID`);
      assert.equal(a.summary, b.summary);
      if (a.start > b.start) later++;
    }
    assert.ok(later > 0, 'events moved with the goal');
  });

  it('plan text of any kind comes back exactly, as shown escaped, in summaries and descriptions', () => {
    const hostile = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '\\',
            ';',
            ',',
            ':',
            '\n',
            '\r\n',
            '\r',
            '\t',
            '\u001b',
            '\u202e',
            '\u200b',
            'é',
            '😀',
            'x',
            ' ',
          ),
          fc.string({ unit: 'binary', maxLength: 4 }),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 5 }), (texts) => {
        const events: CalendarEvent[] = texts.map(([summary, description], i) => ({
          key: `k${i}/${summary}`,
          file: `plans/${description}.workback.yaml`,
          day: (day('2026-01-01') + i) as Day,
          summary,
          description,
        }));
        const ics = toICalendar(events, OPTIONS);
        assertLines(ics);
        const back = parse(ics);
        assert.equal(back.length, events.length);
        back.forEach((b, i) => {
          assert.equal(b.summary, visible(events[i]!.summary));
          assert.equal(b.description, visible(events[i]!.description));
          assert.match(b.uid, /^[A-Za-z0-9._-]*-[0-9a-f]{16}@workback$/);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('the CLI writes it, and asks who I am', async () => {
    const io = memoryIO(
      { '/work/plans/mfa.workback.yaml': read('examples/mfa-rollout.workback.yaml') },
      { cwd: '/work' },
    );
    assert.equal(await run(['ics', '--me', 'lee', '--today', '2026-11-24'], io), 0);
    const back = parse(io.stdoutText);
    assert.ok(back.length > 0);
    assert.ok(
      back.every((e) =>
        /^(Start by: |Finish by: |Follow up with |Check in with |Goal due: |.+ (follows up|checks in) with you)/.test(
          e.summary,
        ),
      ),
    );
    assert.ok(
      back.some((e) => e.summary.startsWith('Dana Whitfield follows up with you: ')),
      'lee is followed up by dana',
    );
    const none = memoryIO({}, { cwd: '/work' });
    assert.equal(await run(['ics'], none), 2);
    assert.match(none.stderrText, /--me is required/);
  });
});
