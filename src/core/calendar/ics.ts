/**
 * iCalendar (RFC 5545) text of calendar events: one all-day VEVENT a day (DTSTART;VALUE=DATE
 * and the next day as DTEND), with a UID made from the event's plan file and key, so that a
 * calendar re-importing the file updates its events instead of adding others. Written by hand:
 * the subset is small, and the libraries that write it take a `Date` for an all-day event,
 * which a time zone can move to the day before (docs/format.md: dates are calendar days).
 * Plan text is escaped as TEXT (backslash, `;`, `,`, line breaks), control, bidi and zero-width
 * characters are shown as visible escapes (`\u{202e}`), and lines are folded at 75 octets,
 * never inside a character.
 */
import { formatDay, type Day } from '../day';
import type { CalendarEvent } from './events';

export interface ICalendarOptions {
  /** DTSTAMP: when the file is made (a day: the core has no clock). */
  stamp: Day;
  /** PRODID: `-//Workback//Workback 0.1.0//EN`. */
  product: string;
  /** X-WR-CALNAME, the calendar's name where it is imported as one. */
  name: string;
}

export function toICalendar(events: readonly CalendarEvent[], options: ICalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${text(options.product)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.name)}`,
  ];
  const stamp = `${date(options.stamp)}T000000Z`;
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(e)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${date(e.day)}`,
      `DTEND;VALUE=DATE:${date(e.day + 1)}`,
      `SUMMARY:${text(e.summary)}`,
      `DESCRIPTION:${text(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** YYYYMMDD. */
function date(day: Day): string {
  return formatDay(day).replace(/-/g, '');
}

/** `start-t1-<16 hex digits>@workback`: the key's readable part, and a hash of the file and the key. */
export function uid(e: Pick<CalendarEvent, 'file' | 'key'>): string {
  const identity = `${e.file}\n${e.key}`;
  const readable = e.key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40);
  return `${readable}-${fnv1a(identity, 0x811c9dc5)}${fnv1a(identity, 0x01000193)}@workback`;
}

/** FNV-1a over the UTF-16 code units, 32 bits as 8 hex digits. */
function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Characters no calendar should show as they are: C0 (but tab) and C1 controls, bidi, invisible ones, lone surrogates. */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A TEXT value (RFC 5545 3.3.11). */
export function text(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`)
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

/** A content line folded at 75 octets (RFC 5545 3.1): CRLF and a space before each further part. */
export function fold(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const room = parts.length === 0 ? 75 : 74; // a continuation line starts with a space
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += ch;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
