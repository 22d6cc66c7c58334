import type { Language } from '@campus/shared';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

// Building an Intl.DateTimeFormat costs far more than using one (a long list formats a time per row): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, formatter);
  }
  return formatter;
}

function partsOf(value: string | Date, timeZone?: string): Parts | undefined {
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return undefined;
  const formatter = formatterOf(timeZone);
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: parts.year ?? '', month: parts.month ?? '', day: parts.day ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '' };
}

/** `2026年2月26日` in Chinese, `2026-02-26` in English; in the centre's time zone when given. */
export function formatDate(value: string | Date, language: Language, timeZone?: string): string {
  const parts = partsOf(value, timeZone);
  if (!parts) return '';
  return language === 'en' ? `${parts.year}-${parts.month}-${parts.day}` : `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日`;
}

/** The date as above plus a 24-hour time: `2026年2月26日 14:05` / `2026-02-26 14:05`. */
export function formatDateTime(value: string | Date, language: Language, timeZone?: string): string {
  const parts = partsOf(value, timeZone);
  if (!parts) return '';
  return `${formatDate(value, language, timeZone)} ${parts.hour}:${parts.minute}`;
}

/** A 24-hour time `14:05`, in the centre's time zone when given. */
export function formatTime(value: string | Date, timeZone?: string): string {
  const parts = partsOf(value, timeZone);
  return parts ? `${parts.hour}:${parts.minute}` : '';
}
