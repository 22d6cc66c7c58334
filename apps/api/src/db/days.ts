import { addDays, centreToday, instantOfDay } from '@campus/shared';
import type { Centre } from '../generated/prisma/client.js';

/** "Today" in the centre's time zone, never the server's. */
export function todayOf(centre: Centre, now = new Date()): string {
  return centreToday(centre, now);
}

const deadlines = new Map<string, number>();

/**
 * Day D's report is due at D + 1, reportDeadlineMinutes after midnight, in the
 * centre's time zone. Remembered per time zone, deadline and day: the grid asks
 * for the same few days on every request, and each answer costs two
 * time-zone conversions.
 */
export function deadlineOf(centre: Centre, day: string): Date {
  const key = `${centre.timeZone}|${centre.reportDeadlineMinutes}|${day}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    if (deadlines.size >= 10_000) deadlines.clear();
    deadline = instantOfDay(addDays(day, 1), centre.timeZone, centre.reportDeadlineMinutes).getTime();
    deadlines.set(key, deadline);
  }
  return new Date(deadline);
}

/** A `day` as the Date PostgreSQL's DATE column takes (UTC midnight). */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function dayOfColumn(value: Date): string {
  return value.toISOString().slice(0, 10);
}
