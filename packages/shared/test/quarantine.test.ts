import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/days.js';
import {
  CaseCheckInInput,
  CaseCloseInput,
  CaseInput,
  alertKinds,
  caseDayLabel,
  caseDays,
  caseLength,
  checkInState,
  compareForCheckIn,
  dayOfCase,
  daysBetween,
  daysLeft,
  defaultDaysFor,
  isOpenOn,
  isOverdue,
  plannedEnd,
} from '../src/quarantine.js';

const anyDay = fc.integer({ min: 0, max: 3650 }).map((offset) => addDays('2024-01-01', offset));

describe('case days', () => {
  it('counts the start as day 1 and the planned end as the last day: 14 days from 03-01 end on 03-14', () => {
    expect(plannedEnd('2026-03-01', 14)).toBe('2026-03-14');
    expect(dayOfCase('2026-03-01', '2026-03-05')).toBe(5);
    expect(daysLeft('2026-03-14', '2026-03-05')).toBe(9);
    expect(caseDays({ startDay: '2026-03-01', plannedEndDay: '2026-03-14', closedDay: null }, '2026-03-05')).toEqual({ day: 5, of: 14, daysLeft: 9 });
    expect(caseDayLabel(5, 14, 'en')).toBe('day 5 of 14');
    expect(caseDayLabel(5, 14, 'zh-CN')).toBe('第 5 天 / 共 14 天');
  });

  it('crosses month and year ends and leap days like any other day', () => {
    expect(plannedEnd('2026-02-20', 14)).toBe('2026-03-05');
    expect(plannedEnd('2024-02-20', 14)).toBe('2024-03-04');
    expect(plannedEnd('2025-12-25', 14)).toBe('2026-01-07');
    expect(dayOfCase('2025-12-25', '2026-01-01')).toBe(8);
    expect(daysLeft('2026-03-05', '2026-02-28')).toBe(5);
  });

  it('for any start and length: the planned end is day M, M days long, nothing left on it, and each day is one later than the last', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 80 }), (start, days, elapsed) => {
        const end = plannedEnd(start, days);
        expect(caseLength(start, end)).toBe(days);
        expect(dayOfCase(start, end)).toBe(days);
        expect(daysLeft(end, end)).toBe(0);
        const today = addDays(start, elapsed);
        expect(dayOfCase(start, today)).toBe(elapsed + 1);
        expect(dayOfCase(start, addDays(today, 1))).toBe(dayOfCase(start, today) + 1);
        // day N of M with L left: N + L = M while within the case, L = 0 after it
        expect(daysLeft(end, today)).toBe(Math.max(0, days - (elapsed + 1)));
        expect(daysBetween(start, today)).toBe(elapsed);
      }),
    );
  });

  it('a closed case reads its figures on the closing day, with nothing left', () => {
    expect(caseDays({ startDay: '2026-03-01', plannedEndDay: '2026-03-14', closedDay: '2026-03-10' }, '2026-03-20')).toEqual({ day: 10, of: 14, daysLeft: 0 });
  });

  it('uses the reason’s own default, else the centre default, else 14', () => {
    expect(defaultDaysFor('close_contact', {})).toBe(14);
    expect(defaultDaysFor('close_contact', { defaultQuarantineDays: 10 })).toBe(10);
    expect(defaultDaysFor('close_contact', { defaultQuarantineDays: 10, quarantineDaysByReason: { close_contact: 21 } })).toBe(21);
    expect(defaultDaysFor('fever', { defaultQuarantineDays: 10, quarantineDaysByReason: { close_contact: 21 } })).toBe(10);
  });

  it('is open on a day from its start until the day before it closes', () => {
    const c = { startDay: '2026-02-27', closedDay: '2026-03-02' };
    expect(isOpenOn(c, '2026-02-26')).toBe(false);
    expect(isOpenOn(c, '2026-02-28')).toBe(true);
    expect(isOpenOn(c, '2026-03-01')).toBe(true);
    expect(isOpenOn(c, '2026-03-02')).toBe(false);
    expect(isOpenOn({ startDay: '2026-02-27', closedDay: null }, '2027-01-01')).toBe(true);
  });
});

describe('check-in state', () => {
  const today = '2026-03-01';
  it('is due today, overdue when a past day went without, done when checked in or closed', () => {
    expect(checkInState({ status: 'open', startDay: today, lastCheckInDay: null }, today)).toBe('due');
    expect(checkInState({ status: 'open', startDay: '2026-02-27', lastCheckInDay: '2026-02-28' }, today)).toBe('due');
    expect(checkInState({ status: 'open', startDay: '2026-02-27', lastCheckInDay: '2026-02-27' }, today)).toBe('overdue');
    expect(checkInState({ status: 'open', startDay: '2026-02-28', lastCheckInDay: null }, today)).toBe('overdue');
    expect(checkInState({ status: 'open', startDay: '2026-02-20', lastCheckInDay: today }, today)).toBe('done');
    expect(checkInState({ status: 'closed', startDay: '2026-02-20', lastCheckInDay: null }, today)).toBe('done');
    expect(isOverdue({ status: 'open', startDay: '2026-02-28', lastCheckInDay: null }, today)).toBe(true);
  });

  it('across month ends: yesterday of 03-01 is 02-28 (or 02-29 in a leap year)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 20 }), (day, started) => {
        const start = addDays(day, -started);
        expect(checkInState({ status: 'open', startDay: start, lastCheckInDay: addDays(day, -1) }, day)).toBe('due');
        if (started >= 2) expect(checkInState({ status: 'open', startDay: start, lastCheckInDay: addDays(day, -2) }, day)).toBe('overdue');
        expect(checkInState({ status: 'open', startDay: start, lastCheckInDay: null }, day)).toBe('overdue');
        expect(checkInState({ status: 'open', startDay: day, lastCheckInDay: null }, day)).toBe('due');
      }),
    );
  });

  it('sorts overdue first, then due, then done, the longest in quarantine first', () => {
    const rows = [
      { checkInState: 'done' as const, startDay: '2026-02-01' },
      { checkInState: 'due' as const, startDay: '2026-02-10' },
      { checkInState: 'overdue' as const, startDay: '2026-02-20' },
      { checkInState: 'due' as const, startDay: '2026-02-05' },
    ];
    expect(rows.sort(compareForCheckIn).map((row) => `${row.checkInState} ${row.startDay}`)).toEqual(['overdue 2026-02-20', 'due 2026-02-05', 'due 2026-02-10', 'done 2026-02-01']);
  });
});

describe('alerts', () => {
  it('raises a fever at the threshold and a crisis mood, nothing else', () => {
    expect(alertKinds({ temperature: 37.3, mood: 'calm' }, 37.3)).toEqual(['fever']);
    expect(alertKinds({ temperature: 37.2, mood: 'anxious' }, 37.3)).toEqual([]);
    expect(alertKinds({ temperature: null, mood: 'crisis' }, 37.3)).toEqual(['crisis']);
    expect(alertKinds({ temperature: 38.5, mood: 'crisis' }, 37.3)).toEqual(['fever', 'crisis']);
  });
});

describe('input schemas', () => {
  const base = {
    personId: '00000000-0000-4000-8000-000000000001',
    reason: 'close_contact',
    startDay: '2026-03-01',
    place: 'home',
    team: { leadId: '00000000-0000-4000-8000-000000000002' },
    plan: '每日两次测温',
  };
  it('refuses an end before the start, on the end field', () => {
    const result = CaseInput.safeParse({ ...base, plannedEndDay: '2026-02-28' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['plannedEndDay'], message: 'field.end_before_start' });
    expect(CaseInput.safeParse({ ...base, plannedEndDay: '2026-03-01' }).success).toBe(true);
  });
  it('asks what help is needed when the flag is set, and why a case closed other than at its end', () => {
    const checkIn = { day: '2026-03-01', method: 'phone', living: { foodOk: true, suppliesOk: false }, study: {}, mood: 'calm', needsHelp: true };
    expect(CaseCheckInInput.safeParse(checkIn).error!.issues[0]).toMatchObject({ path: ['living', 'helpNeeded'], message: 'field.help_needed' });
    expect(CaseCheckInInput.safeParse({ ...checkIn, living: { ...checkIn.living, helpNeeded: '缺少体温计' } }).success).toBe(true);
    expect(CaseCloseInput.safeParse({ outcome: 'released_early', day: '2026-03-01' }).error!.issues[0]).toMatchObject({ path: ['note'] });
    expect(CaseCloseInput.safeParse({ outcome: 'released', day: '2026-03-01' }).success).toBe(true);
  });
});
