import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, centreToday, dayInTimeZone, instantOfDay } from '../src/days.js';

describe('dayInTimeZone', () => {
  it('puts 23:50 Beijing time on that Beijing day, though it is still the day before in UTC… and 00:10 on the next', () => {
    // 2026-02-26 23:50 in Beijing = 15:50 UTC the same date
    expect(dayInTimeZone(new Date('2026-02-26T15:50:00Z'), 'Asia/Shanghai')).toBe('2026-02-26');
    // 2026-02-27 00:10 in Beijing = 16:10 UTC on the 26th
    expect(dayInTimeZone(new Date('2026-02-26T16:10:00Z'), 'Asia/Shanghai')).toBe('2026-02-27');
    expect(dayInTimeZone(new Date('2026-02-26T16:10:00Z'), 'UTC')).toBe('2026-02-26');
  });

  it('handles the UTC midnight boundary', () => {
    expect(dayInTimeZone(new Date('2026-03-01T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(dayInTimeZone(new Date('2026-02-28T23:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(dayInTimeZone(new Date('2026-02-28T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-02-28');
  });
});

describe('instantOfDay', () => {
  it('is midnight of the day in the zone', () => {
    expect(instantOfDay('2026-02-26', 'Asia/Shanghai').toISOString()).toBe('2026-02-25T16:00:00.000Z');
    expect(instantOfDay('2026-02-26', 'Asia/Shanghai', 600).toISOString()).toBe('2026-02-26T02:00:00.000Z');
  });

  it('round-trips with dayInTimeZone for any day and zone, across daylight saving too', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.constantFrom(...zones), fc.integer({ min: 0, max: 1439 }), (offset, zone, minutes) => {
        const day = addDays('2024-01-01', offset);
        const instant = instantOfDay(day, zone, minutes);
        // Minutes that fall into a spring-forward gap land an hour later, still on that day.
        expect(dayInTimeZone(instant, zone)).toBe(day);
      }),
    );
  });
});

describe('addDays', () => {
  it('crosses months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('centreToday: the day every default and file name uses (issue 13)', () => {
  const beijing = { timeZone: 'Asia/Shanghai' };
  it('at 23:30 in Beijing (15:30 UTC) it is still that Beijing day', () => {
    expect(centreToday(beijing, new Date('2026-02-26T15:30:00Z'))).toBe('2026-02-26');
  });
  it('at 16:30 UTC it is already the next day in Beijing (00:30), whatever the browser or the UTC date says', () => {
    const instant = new Date('2026-02-26T16:30:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-02-26');
    expect(centreToday(beijing, instant)).toBe('2026-02-27');
    expect(centreToday({ timeZone: 'UTC' }, instant)).toBe('2026-02-26');
  });
});
