import { z } from 'zod';

/**
 * Days are calendar days in the centre's time zone (DESIGN: "23:30 in Beijing
 * belongs to that Beijing day"), never the server's or UTC.
 */

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function formatOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    cache.set(timeZone, format);
  }
  return format;
}

/** "YYYY-MM-DD" of `instant` in `timeZone`. */
export function dayInTimeZone(instant: Date, timeZone: string): string {
  const parts = formatOf(dayFormats, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * Today in the centre's time zone: the one "today" of the app, for the
 * browser (date-picker defaults, file names) and the server alike, whatever
 * zone the device or the server is set to.
 */
export function centreToday(centre: { timeZone: string }, now: Date = new Date()): string {
  return dayInTimeZone(now, centre.timeZone);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Beijing: +480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatOf(clockFormats, timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instant at which `day` ("YYYY-MM-DD") starts in `timeZone`, plus `minutes`. */
export function instantOfDay(day: string, timeZone: string, minutes = 0): Date {
  const [year, month, date] = day.split('-').map(Number);
  const naive = Date.UTC(year!, month! - 1, date, 0, minutes);
  // Two passes settle the offset across a daylight-saving change.
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

/** Whether "YYYY-MM-DD" names a day on the calendar (years 1900–2999): no 2026-02-31, no 2026-13-01. */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || date < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return date <= monthDays;
}

/** `day` moved by `count` calendar days. */
export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + count)).toISOString().slice(0, 10);
}

/** The ISO weekday of a calendar day: 1 Monday … 7 Sunday (what a plan's weekdays and PostgreSQL's isodow count). */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week `day` is in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** A grid's days, oldest first: the last `count` days up to `to`, or to `today` when `to` is missing or not in the past. */
export function gridDays(today: string, to: string | undefined, count: number): string[] {
  const last = to && to < today ? to : today;
  return Array.from({ length: count }, (_, index) => addDays(last, index - count + 1));
}

/**
 * A schools × days grid, as the centre's grids send it (daily reports, duty
 * reports; the web draws them all with one DayGridTable): the days shown,
 * oldest first; the centre's today; a row per school with a cell per day, in
 * the same order. Each grid brings its own cell; a grid's other top-level
 * fields are `.extend`ed onto this. Paged by school: a grid's totals (missing,
 * overdue today, the day's counts) are over all schools, its rows one page.
 */
export function dayGridOf<Cell extends z.ZodType<{ day: string }>>(cell: Cell) {
  return z.object({
    days: z.array(z.string()),
    today: z.string(),
    schools: z.array(z.object({ schoolId: z.string(), code: z.string(), name: z.string(), cells: z.array(cell) })),
    /** this page of the schools by code (GRID_PAGE_SIZE each), and how many schools there are in all */
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
