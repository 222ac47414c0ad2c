/**
 * Calendar days as integers: the number of days since 1970-01-01 (day 0, a Thursday).
 * Pure arithmetic on the proleptic Gregorian calendar; no Date object, no time zone.
 */
export type Day = number;

/** Weekday index: 0 = Monday ... 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Earliest and latest years accepted in a plan: a sane range keeps every loop bounded. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2199;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days from civil date (Howard Hinnant's algorithm). */
export function fromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toCivil(day: Day): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export type DateProblem = 'format' | 'not-a-date' | 'out-of-range';

/** Parse `YYYY-MM-DD` into a day, or say why it is not one. */
export function parseDay(text: string): Day | DateProblem {
  const m = DATE_RE.exec(text);
  if (!m) return 'format';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'not-a-date';
  if (y < MIN_YEAR || y > MAX_YEAR) return 'out-of-range';
  return fromCivil(y, mo, d);
}

/** A day as `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  const { y, m, d } = toCivil(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday ... 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(day: Day): Weekday {
  return ((((day + 3) % 7) + 7) % 7) as Weekday;
}

/** The Monday of the week (Monday to Sunday) that holds `day`. */
export function mondayOf(day: Day): Day {
  return day - weekday(day);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A day for people: `Wed 5 Aug 2026` (the year only when asked). */
export function formatDayHuman(day: Day, withYear = false): string {
  const { y, m, d } = toCivil(day);
  return `${WEEKDAYS_SHORT[weekday(day)]} ${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

export const MIN_DAY: Day = fromCivil(MIN_YEAR, 1, 1);
export const MAX_DAY: Day = fromCivil(MAX_YEAR, 12, 31);
