import { z } from 'zod';
import { DayGridQuery, Id, IsoDay, text } from './common.js';
import { dayGridOf } from './days.js';
import { minutesToTimeOfDay, TimeOfDay, timeOfDayToMinutes } from './settings.js';
import { Picture, pictureIds } from './uploads.js';

// 消毒: a school's plan (areas, how often, the agent), the log done on a phone (each entry uses up stock on the
// school's ledger), today's plan vs done, compliance for the principal and the centre. ADR 0023.

const Weekday = z.number().int().min(1).max(7);

const areaFields = {
  name: text(40),
  kind: text(20),
  /** the times of day by which each round is due ("10:00", "16:00"): how many times a day */
  dueTimes: z
    .array(TimeOfDay)
    .min(1, { error: 'field.disinfection_times' })
    .max(6)
    .refine((times) => new Set(times).size === times.length, { error: 'field.disinfection_times_repeated' }),
  /** ISO weekdays 1–7 it is done on; empty: every day */
  weekdays: z
    .array(Weekday)
    .max(7)
    .refine((days) => new Set(days).size === days.length, { error: 'field.days_repeated' }),
  agent: text(40),
  /** working concentration in mg/L */
  concentration: z.coerce.number().int({ error: 'field.integer' }).min(1).max(100_000),
  itemId: Id,
};

export const DisinfectionAreaInput = z.object({ schoolId: Id, ...areaFields }).strict();
export type DisinfectionAreaInput = z.infer<typeof DisinfectionAreaInput>;
export const DisinfectionAreaUpdate = z
  .object({ ...areaFields, active: z.boolean() })
  .partial()
  .strict();
export type DisinfectionAreaUpdate = z.infer<typeof DisinfectionAreaUpdate>;

/** Due times as stored (minutes after midnight, ascending) and back. */
export const dueMinutesOf = (times: readonly string[]) => times.map(timeOfDayToMinutes).sort((a, b) => a - b);
export const dueTimesOf = (minutes: readonly number[]) => minutes.map(minutesToTimeOfDay);

export const SupplyRef = z.object({ id: z.string(), name: z.string(), unit: z.string() });
export type SupplyRef = z.infer<typeof SupplyRef>;

export const DisinfectionArea = z.object({
  id: z.string(),
  schoolId: z.string(),
  name: z.string(),
  kind: z.string(),
  dueTimes: z.array(z.string()),
  weekdays: z.array(z.number().int()),
  agent: z.string(),
  concentration: z.number().int(),
  item: SupplyRef,
  active: z.boolean(),
});
export type DisinfectionArea = z.infer<typeof DisinfectionArea>;

export const DisinfectionSchoolQuery = z.object({ schoolId: Id }).strict();
export type DisinfectionSchoolQuery = z.infer<typeof DisinfectionSchoolQuery>;

/** The school's plan, with the centre's kinds of area and the consumables a plan may use. */
export const DisinfectionPlan = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  kinds: z.array(z.string()),
  items: z.array(SupplyRef),
  areas: z.array(DisinfectionArea),
});
export type DisinfectionPlan = z.infer<typeof DisinfectionPlan>;

export const DISINFECTION_AMOUNT_MAX = 1000;

/** One round done, quick on a phone; the amount is in the area's supply unit. */
export const DisinfectionLogInput = z
  .object({
    schoolId: Id,
    areaId: Id,
    /** when it was done; now if absent (not in the future, not before yesterday) */
    doneAt: z.iso.datetime({ offset: true, error: 'field.date' }).optional(),
    agent: text(40),
    concentration: z.coerce.number().int({ error: 'field.integer' }).min(1).max(100_000),
    amount: z.coerce
      .number()
      .positive({ error: 'field.quantity_positive' })
      .max(DISINFECTION_AMOUNT_MAX)
      .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, { error: 'field.quantity_decimals' }),
    contactMinutes: z.coerce.number().int({ error: 'field.integer' }).min(1).max(240),
    doneBy: text(40),
    pictureIds: pictureIds(0),
  })
  .strict();
export type DisinfectionLogInput = z.infer<typeof DisinfectionLogInput>;

export const DisinfectionReverseInput = z.object({ reason: text(200) }).strict();
export type DisinfectionReverseInput = z.infer<typeof DisinfectionReverseInput>;

export const DisinfectionLog = z.object({
  id: z.string(),
  schoolId: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  day: z.string(),
  doneAt: z.string(),
  agent: z.string(),
  concentration: z.number().int(),
  amount: z.number(),
  item: SupplyRef,
  contactMinutes: z.number().int(),
  doneBy: z.string(),
  recordedByName: z.string(),
  reversed: z.boolean(),
  reversalReason: z.string().nullable(),
  /** the school's stock of the item after this entry (or its reversal) was booked */
  balanceAfter: z.number(),
  pictures: z.array(Picture),
});
export type DisinfectionLog = z.infer<typeof DisinfectionLog>;

/** An area's day: rounds planned and done; `overdue` once a round's due time has passed undone. */
export const AreaDayStatus = z.enum(['done', 'due', 'overdue', 'missed', 'not_planned']);
export type AreaDayStatus = z.infer<typeof AreaDayStatus>;

/**
 * The one rule for an area's day. Rounds are done in order: with `done`
 * rounds logged, the next is due at its time; once that time has passed on
 * the day itself it is overdue, and a past day left short is missed.
 */
export function areaDayStatus(area: { dueMinutes: readonly number[]; weekdays: readonly number[] }, weekday: number, done: number, when: 'past' | 'today' | 'future', nowMinutes: number): { planned: number; status: AreaDayStatus; nextDue: number | null } {
  const planned = area.weekdays.length === 0 || area.weekdays.includes(weekday) ? area.dueMinutes.length : 0;
  if (planned === 0) return { planned, status: 'not_planned', nextDue: null };
  if (done >= planned) return { planned, status: 'done', nextDue: null };
  const nextDue = area.dueMinutes[done]!;
  if (when === 'past') return { planned, status: 'missed', nextDue };
  return { planned, status: when === 'today' && nowMinutes >= nextDue ? 'overdue' : 'due', nextDue };
}

export const DisinfectionDayQuery = z.object({ schoolId: Id, day: IsoDay.optional() }).strict();
export type DisinfectionDayQuery = z.infer<typeof DisinfectionDayQuery>;

export const Compliance = z.object({ planned: z.number().int(), done: z.number().int() });
export type Compliance = z.infer<typeof Compliance>;

export const DisinfectionDay = z.object({
  day: z.string(),
  today: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  areas: z.array(
    z.object({
      area: DisinfectionArea,
      planned: z.number().int(),
      done: z.number().int(),
      status: AreaDayStatus,
      /** "HH:MM" the next round is due by */
      nextDue: z.string().nullable(),
    }),
  ),
  logs: z.array(DisinfectionLog),
  compliance: Compliance,
});
export type DisinfectionDay = z.infer<typeof DisinfectionDay>;

export const ComplianceQuery = z.object({ schoolId: Id, days: z.coerce.number().int().min(1).max(62).default(14) }).strict();
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;
export const ComplianceHistory = z.object({ days: z.array(Compliance.extend({ day: z.string() })) });
export type ComplianceHistory = z.infer<typeof ComplianceHistory>;

export const DisinfectionGridQuery = DayGridQuery;
export type DisinfectionGridQuery = z.infer<typeof DisinfectionGridQuery>;

/** The centre's view: compliance per school per day, and the schools with an area overdue today. */
export const DisinfectionGrid = dayGridOf(Compliance.extend({ day: z.string() })).extend({
  overdueToday: z.array(z.object({ schoolId: z.string(), name: z.string(), areas: z.array(z.string()) })),
});
export type DisinfectionGrid = z.infer<typeof DisinfectionGrid>;
