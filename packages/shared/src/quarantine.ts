/**
 * Quarantine cases (居家隔离 · 一人一案): one case file per person, with its
 * team (专班), plan, daily check-ins (每日询问), counselling notes (心理疏导),
 * changes to the planned end, release and the return to class.
 *
 * Days are "YYYY-MM-DD" in the centre's time zone. A case's days are
 * inclusive: the start day is day 1, the planned end day is the last day of
 * quarantine, so a 14-day case that starts on 03-01 ends on 03-14 and
 * 03-05 is "day 5 of 14" with 9 days left. Nothing of that is stored: it is
 * computed here, for the server and the browser alike.
 */
import { z } from 'zod';
import { Id, optionalText, text } from './common.js';
import { addDays } from './days.js';
import { ContactMethod, IsoDay, StudyStatus, Symptom, Temperature } from './follow-ups.js';
import type { Language } from './messages.js';
import { SchoolKind } from './schools.js';

// ---------------------------------------------------------------- vocabulary

/** Why the person is in quarantine (configurable default length per reason). */
export const CaseReason = z.enum(['returned_from_outside_city', 'key_region_contact', 'close_contact', 'fever', 'other']);
export type CaseReason = z.infer<typeof CaseReason>;
/** Where: at home, a centralised quarantine site, a hospital. */
export const CasePlace = z.enum(['home', 'centralised_site', 'hospital']);
export type CasePlace = z.infer<typeof CasePlace>;
/** How a case closed: 解除隔离 at the end, released early (with a reason), transferred to medical care, other. */
export const CaseOutcome = z.enum(['released', 'released_early', 'transferred_to_medical_care', 'other']);
export type CaseOutcome = z.infer<typeof CaseOutcome>;
export const Mood = z.enum(['calm', 'worried', 'anxious', 'low', 'crisis']);
export type Mood = z.infer<typeof Mood>;
export const CaseStatus = z.enum(['open', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
/** Entries of a case's history (append-only). */
export const CaseEventKind = z.enum(['opened', 'extended', 'shortened', 'check_in', 'correction', 'help_resolved', 'closed', 'returned']);
export type CaseEventKind = z.infer<typeof CaseEventKind>;
/** Today's check-in of an open case: done; due (not yet today); overdue (a past day of the case went without one). */
export const CheckInState = z.enum(['done', 'due', 'overdue']);
export type CheckInState = z.infer<typeof CheckInState>;
export const AlertKind = z.enum(['fever', 'crisis']);
export type AlertKind = z.infer<typeof AlertKind>;

type Labels<T extends string> = Record<T, { 'zh-CN': string; en: string }>;

export const CASE_REASON_LABELS: Labels<CaseReason> = {
  returned_from_outside_city: { 'zh-CN': '市外返回', en: 'Returned from outside the city' },
  key_region_contact: { 'zh-CN': '与重点地区人员接触', en: 'Contact with key-region travellers' },
  close_contact: { 'zh-CN': '密切接触者', en: 'Close contact' },
  fever: { 'zh-CN': '发热', en: 'Fever' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const CASE_PLACE_LABELS: Labels<CasePlace> = {
  home: { 'zh-CN': '居家隔离', en: 'At home' },
  centralised_site: { 'zh-CN': '集中隔离点', en: 'Centralised site' },
  hospital: { 'zh-CN': '医院', en: 'Hospital' },
};
export const CASE_OUTCOME_LABELS: Labels<CaseOutcome> = {
  released: { 'zh-CN': '期满解除隔离', en: 'Released at the end of quarantine' },
  released_early: { 'zh-CN': '提前解除隔离', en: 'Released early' },
  transferred_to_medical_care: { 'zh-CN': '转医疗机构', en: 'Transferred to medical care' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const MOOD_LABELS: Labels<Mood> = {
  calm: { 'zh-CN': '平稳', en: 'Calm' },
  worried: { 'zh-CN': '担心', en: 'Worried' },
  anxious: { 'zh-CN': '焦虑', en: 'Anxious' },
  low: { 'zh-CN': '低落', en: 'Low' },
  crisis: { 'zh-CN': '危机', en: 'Crisis' },
};
export const CASE_EVENT_LABELS: Labels<CaseEventKind> = {
  opened: { 'zh-CN': '建档', en: 'Case opened' },
  extended: { 'zh-CN': '延长隔离', en: 'Extended' },
  shortened: { 'zh-CN': '缩短隔离', en: 'Shortened' },
  check_in: { 'zh-CN': '每日询问', en: 'Check-in' },
  correction: { 'zh-CN': '更正询问记录', en: 'Check-in corrected' },
  help_resolved: { 'zh-CN': '困难已解决', en: 'Help given' },
  closed: { 'zh-CN': '结案', en: 'Case closed' },
  returned: { 'zh-CN': '返校', en: 'Back in school' },
};

// ---------------------------------------------------------------- day rules

/** Quarantine lasts 14 days unless the centre set otherwise (DESIGN). */
export const DEFAULT_QUARANTINE_DAYS = 14;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The centre's default length for a reason: its own setting, else the general default, else 14. */
export function defaultDaysFor(reason: CaseReason, settings: { defaultQuarantineDays?: number | null; quarantineDaysByReason?: Partial<Record<CaseReason, number>> | null }): number {
  return settings.quarantineDaysByReason?.[reason] ?? settings.defaultQuarantineDays ?? DEFAULT_QUARANTINE_DAYS;
}

/** The planned last day of a case of `days` days starting on `startDay` (day 1). */
export function plannedEnd(startDay: string, days: number): string {
  return addDays(startDay, days - 1);
}

/** How many days a case from `startDay` to `endDay` (both inclusive) lasts. */
export function caseLength(startDay: string, endDay: string): number {
  return daysBetween(startDay, endDay) + 1;
}

/** Which day of the case `today` is: the start day is day 1. */
export function dayOfCase(startDay: string, today: string): number {
  return daysBetween(startDay, today) + 1;
}

/** Days still to go after `today` until the planned end (never negative). */
export function daysLeft(plannedEndDay: string, today: string): number {
  return Math.max(0, daysBetween(today, plannedEndDay));
}

/**
 * "day N of M" for a case on `today` (an open case) or on its closing day (a
 * closed one): N is capped at neither end, so an open case past its planned
 * end reads "day 16 of 14".
 */
export function caseDays(c: { startDay: string; plannedEndDay: string; closedDay: string | null }, today: string): { day: number; of: number; daysLeft: number } {
  const at = c.closedDay ?? today;
  return { day: dayOfCase(c.startDay, at), of: caseLength(c.startDay, c.plannedEndDay), daysLeft: c.closedDay ? 0 : daysLeft(c.plannedEndDay, today) };
}

/** "第 5 天 / 共 14 天" or "day 5 of 14". */
export function caseDayLabel(day: number, of: number, language: Language): string {
  return language === 'en' ? `day ${day} of ${of}` : `第 ${day} 天 / 共 ${of} 天`;
}

/**
 * Today's check-in of a case. Closed cases and cases not started yet have
 * none due ('done'). Overdue: a past day of the case has no check-in (the last
 * one is before yesterday, or there is none and the case started before today).
 */
export function checkInState(c: { status: CaseStatus; startDay: string; lastCheckInDay: string | null }, today: string): CheckInState {
  if (c.status !== 'open' || c.startDay > today) return 'done';
  if (c.lastCheckInDay === today) return 'done';
  const yesterday = addDays(today, -1);
  const lastNeeded = c.startDay > yesterday ? null : yesterday;
  if (lastNeeded && (c.lastCheckInDay === null || c.lastCheckInDay < lastNeeded)) return 'overdue';
  return 'due';
}

/** An open case without today's check-in, of which a past day went without one too. */
export function isOverdue(c: { status: CaseStatus; startDay: string; lastCheckInDay: string | null }, today: string): boolean {
  return checkInState(c, today) === 'overdue';
}

/** Overdue first, then due, then done; ties by the earlier start (longest in quarantine first). */
export function compareForCheckIn(a: { checkInState: CheckInState; startDay: string; name?: string }, b: { checkInState: CheckInState; startDay: string; name?: string }): number {
  const rank: Record<CheckInState, number> = { overdue: 0, due: 1, done: 2 };
  return rank[a.checkInState] - rank[b.checkInState] || a.startDay.localeCompare(b.startDay) || (a.name ?? '').localeCompare(b.name ?? '');
}

/** Why a check-in raises an alert to the principal and the centre: a fever (≥ threshold) or a mood in crisis. */
export function alertKinds(checkIn: { temperature: number | null; mood: Mood }, feverThreshold: number): AlertKind[] {
  const kinds: AlertKind[] = [];
  if (checkIn.temperature !== null && checkIn.temperature >= feverThreshold) kinds.push('fever');
  if (checkIn.mood === 'crisis') kinds.push('crisis');
  return kinds;
}

export function isCaseAlert(checkIn: { temperature: number | null; mood: Mood }, feverThreshold: number): boolean {
  return alertKinds(checkIn, feverThreshold).length > 0;
}

/** Does a case count as "in quarantine" on `day`: started by then and not closed before it. */
export function isOpenOn(c: { startDay: string; closedDay: string | null }, day: string): boolean {
  return c.startDay <= day && (c.closedDay === null || c.closedDay > day);
}

// ---------------------------------------------------------------- input schemas

export const CaseTeamInput = z
  .object({
    leadId: Id,
    /** other members (the lead may be repeated; duplicates are ignored) */
    memberIds: z.array(Id).max(10).default([]),
  })
  .strict();

export const CaseInput = z
  .object({
    personId: Id,
    reason: CaseReason,
    /** what "other" means, or details (where they came back from) */
    reasonNote: optionalText(200),
    startDay: IsoDay,
    place: CasePlace,
    /** the site's or hospital's name, or an address other than home */
    placeNote: optionalText(100),
    /** the last day of quarantine; omitted: start + the reason's default days − 1 */
    plannedEndDay: IsoDay.optional(),
    team: CaseTeamInput,
    plan: text(2000),
    guardianContact: optionalText(100),
    /** opened from a follow-up exception */
    fromFollowUpId: Id.optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.plannedEndDay && value.plannedEndDay < value.startDay) context.addIssue({ code: 'custom', path: ['plannedEndDay'], message: 'field.end_before_start' });
    if (value.reason === 'other' && !value.reasonNote) context.addIssue({ code: 'custom', path: ['reasonNote'], message: 'field.reason_note_required' });
  });
export type CaseInput = z.input<typeof CaseInput>;

export const CaseCheckInInput = z
  .object({
    day: IsoDay,
    method: ContactMethod,
    temperature: Temperature.nullish().transform((value) => value ?? null),
    symptoms: z.array(Symptom).max(7).default([]),
    living: z
      .object({
        foodOk: z.boolean(),
        suppliesOk: z.boolean(),
        /** what help the household needs (food, medicine, …) */
        helpNeeded: optionalText(300),
      })
      .strict(),
    study: z
      .object({
        /** keeping up with online classes; null for staff and kindergarten children */
        keepingUp: StudyStatus.nullish().transform((value) => value ?? null),
        materialsNeeded: optionalText(300),
      })
      .strict(),
    mood: Mood,
    /** 心理疏导 */
    counsellingNote: optionalText(1000),
    /** lists the case on the principal's view until someone resolves it */
    needsHelp: z.boolean().default(false),
    note: optionalText(500),
    /** a correction: the check-in it replaces (kept beside it) */
    correctsCheckInId: Id.optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.needsHelp && !value.living.helpNeeded && !value.study.materialsNeeded)
      context.addIssue({ code: 'custom', path: ['living', 'helpNeeded'], message: 'field.help_needed' });
  });
export type CaseCheckInInput = z.input<typeof CaseCheckInInput>;

/** A new planned end, with the reason (required both ways: DESIGN). */
export const CaseExtendInput = z.object({ plannedEndDay: IsoDay, reason: text(200) }).strict();
export type CaseExtendInput = z.input<typeof CaseExtendInput>;
export const CaseShortenInput = CaseExtendInput;
export type CaseShortenInput = z.input<typeof CaseShortenInput>;

export const CaseCloseInput = z
  .object({ outcome: CaseOutcome, day: IsoDay, note: optionalText(500) })
  .strict()
  .superRefine((value, context) => {
    if (value.outcome !== 'released' && !value.note) context.addIssue({ code: 'custom', path: ['note'], message: 'field.close_note_required' });
  });
export type CaseCloseInput = z.input<typeof CaseCloseInput>;

/** The day a released person was back in school (class). */
export const CaseReturnInput = z.object({ day: IsoDay, note: optionalText(200) }).strict();
export type CaseReturnInput = z.input<typeof CaseReturnInput>;

export const ResolveHelpInput = z.object({ note: text(500) }).strict();
export type ResolveHelpInput = z.input<typeof ResolveHelpInput>;

export const CaseCheckInParams = z.object({ id: Id, checkInId: Id }).strict();

export const CaseListQuery = z
  .object({
    schoolId: Id.optional(),
    status: CaseStatus.optional(),
    personId: Id.optional(),
  })
  .strict();

export const SchoolCasesQuery = z.object({ schoolId: Id.optional() }).strict();
export const CentreOverviewQuery = z.object({ days: z.coerce.number().int().min(1).max(62).default(14) }).strict();

// ---------------------------------------------------------------- wire shapes

export const CasePerson = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['student', 'staff']),
  gender: z.enum(['male', 'female']).nullable(),
  studentNumber: z.string().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  /** the person's school's kind, so a kindergarten class reads 大班 for the centre too (not the viewer's school kind) */
  schoolKind: SchoolKind,
  classId: z.string().nullable(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
});
export type CasePerson = z.infer<typeof CasePerson>;

export const CaseTeamMember = z.object({ userId: z.string(), displayName: z.string(), role: z.string(), lead: z.boolean() });
export type CaseTeamMember = z.infer<typeof CaseTeamMember>;

/** One case in a list: figures computed for today (open) or the closing day (closed). */
export const CaseListItem = z.object({
  id: z.string(),
  person: CasePerson,
  reason: CaseReason,
  place: CasePlace,
  status: CaseStatus,
  startDay: z.string(),
  plannedEndDay: z.string(),
  /** day N of M */
  day: z.number().int(),
  of: z.number().int(),
  daysLeft: z.number().int(),
  /** open past its planned end: due to be closed */
  pastPlannedEnd: z.boolean(),
  outcome: CaseOutcome.nullable(),
  closedDay: z.string().nullable(),
  returnedDay: z.string().nullable(),
  leadName: z.string().nullable(),
  lastCheckInDay: z.string().nullable(),
  checkInState: CheckInState,
  /** a check-in asks for help nobody has resolved yet */
  needsHelp: z.boolean(),
  /** the latest check-in raised an alert (fever or crisis) */
  alert: z.boolean(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;
export const CaseList = z.object({ today: z.string(), items: z.array(CaseListItem) });
export type CaseList = z.infer<typeof CaseList>;

export const CaseCheckIn = z.object({
  id: z.string(),
  day: z.string(),
  method: ContactMethod,
  temperature: z.number().nullable(),
  symptoms: z.array(Symptom),
  living: z.object({ foodOk: z.boolean(), suppliesOk: z.boolean(), helpNeeded: z.string().nullable() }),
  study: z.object({ keepingUp: StudyStatus.nullable(), materialsNeeded: z.string().nullable() }),
  mood: Mood,
  counsellingNote: z.string().nullable(),
  needsHelp: z.boolean(),
  note: z.string().nullable(),
  alerts: z.array(AlertKind),
  /** the check-in this one corrects */
  correctsCheckInId: z.string().nullable(),
  /** the check-in that corrected this one: this row is kept, but no longer current */
  correctedByCheckInId: z.string().nullable(),
  /** when a request for help was resolved, by whom, how */
  /** when a request for help was resolved, by whom, how (the note: null for the observer) */
  helpResolution: z.object({ at: z.string(), byName: z.string(), note: z.string().nullable() }).nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type CaseCheckIn = z.infer<typeof CaseCheckIn>;

export const CaseEvent = z.object({
  id: z.string(),
  kind: CaseEventKind,
  at: z.string(),
  /** the day it concerns (check-in day, new end, closing or return day) */
  day: z.string().nullable(),
  byName: z.string(),
  /** extended / shortened: the planned end before and after */
  fromDay: z.string().nullable(),
  toDay: z.string().nullable(),
  outcome: CaseOutcome.nullable(),
  note: z.string().nullable(),
  checkInId: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** The case file: everything about the case, in order (printable). */
export const CaseFile = CaseListItem.extend({
  reasonNote: z.string().nullable(),
  placeNote: z.string().nullable(),
  /** null for the observer, as every free-text field of the file (apps/api/src/services/observer-view.ts) */
  plan: z.string().nullable(),
  guardianContact: z.string().nullable(),
  fromFollowUpId: z.string().nullable(),
  team: z.array(CaseTeamMember),
  closeNote: z.string().nullable(),
  openedByName: z.string(),
  openedAt: z.string(),
  /** every check-in, oldest first; a correction follows the row it corrects */
  checkIns: z.array(CaseCheckIn),
  /** every change, oldest first */
  events: z.array(CaseEvent),
  today: z.string(),
  /** what the actor may do with it */
  can: z.object({ checkIn: z.boolean(), manage: z.boolean() }),
});
export type CaseFile = z.infer<typeof CaseFile>;

/** "Cases to check in today" for the actor (team member, principal, centre): overdue first. */
export const CheckInTodayList = z.object({
  today: z.string(),
  counts: z.object({ open: z.number().int(), done: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
  /** open cases without today's check-in, overdue first */
  items: z.array(CaseListItem),
});
export type CheckInTodayList = z.infer<typeof CheckInTodayList>;

export const CaseAlert = z.object({
  caseId: z.string(),
  checkInId: z.string(),
  day: z.string(),
  kinds: z.array(AlertKind),
  temperature: z.number().nullable(),
  mood: Mood,
  person: CasePerson,
  recordedByName: z.string(),
  caseStatus: CaseStatus,
});
export type CaseAlert = z.infer<typeof CaseAlert>;
export const CaseAlertList = z.object({ today: z.string(), from: z.string(), items: z.array(CaseAlert) });
export type CaseAlertList = z.infer<typeof CaseAlertList>;

/** A check-in whose request for help is still open. */
export const HelpRequest = z.object({
  caseId: z.string(),
  checkInId: z.string(),
  day: z.string(),
  person: CasePerson,
  helpNeeded: z.string().nullable(),
  materialsNeeded: z.string().nullable(),
  recordedByName: z.string(),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

/** The principal's view of a school: open and closed cases, help requests, alerts. */
export const SchoolCasesView = z.object({
  today: z.string(),
  school: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  counts: z.object({ open: z.number().int(), newToday: z.number().int(), releasedToday: z.number().int(), closed: z.number().int(), needsHelp: z.number().int(), alerts: z.number().int() }),
  open: z.array(CaseListItem),
  closed: z.array(CaseListItem),
  help: z.array(HelpRequest),
  alerts: z.array(CaseAlert),
});
export type SchoolCasesView = z.infer<typeof SchoolCasesView>;

/** The centre's overview: open cases per school, new and released today, open by day, alerts. */
export const CentreCasesOverview = z.object({
  today: z.string(),
  totals: z.object({ open: z.number().int(), newToday: z.number().int(), releasedToday: z.number().int(), needsHelp: z.number().int(), alerts: z.number().int() }),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      code: z.string(),
      name: z.string(),
      open: z.number().int(),
      newToday: z.number().int(),
      releasedToday: z.number().int(),
      needsHelp: z.number().int(),
      alerts: z.number().int(),
    }),
  ),
  /** open cases on each day (for the chart), oldest first, ending today */
  openByDay: z.array(z.object({ day: z.string(), open: z.number().int() })),
  alerts: z.array(CaseAlert),
});
export type CentreCasesOverview = z.infer<typeof CentreCasesOverview>;

/** How many days back (today included) a fever or crisis stays on the alert lists. */
export const ALERT_WINDOW_DAYS = 3;
