import { formatDate } from '@/lib/format';
import type { Language } from '@campus/shared';

// A report day is a calendar date ("2026-11-28"), not an instant: format it as
// noon UTC in UTC so no time zone can move it to the day before or after.
const noon = (day: string) => `${day}T12:00:00Z`;

/** `2026年11月28日` / `2026-11-28`. */
export function formatDay(day: string, language: Language): string {
  return formatDate(noon(day), language, 'UTC');
}

/** `11月28日` / `11-28`: a grid column. */
export function formatMonthDay(day: string, language: Language): string {
  const [, month, date] = day.split('-');
  return language === 'en' ? `${month}-${date}` : `${Number(month)}月${Number(date)}日`;
}

const weekdayFormats = new Map<Language, Intl.DateTimeFormat>();

/** `周六` / `Sat`. */
export function formatWeekday(day: string, language: Language): string {
  let format = weekdayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
    weekdayFormats.set(language, format);
  }
  return format.format(new Date(noon(day)));
}
