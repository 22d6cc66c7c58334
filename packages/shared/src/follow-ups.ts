import { z } from 'zod';
import { Id, IsoDay, optionalText, plainString } from './common.js';
import { DayCounts, ReportKind } from './day-counts.js';
import { Whereabouts } from './people.js';

/** How the class teacher reached the family (追踪随访). */
export const ContactMethod = z.enum(['phone', 'wechat', 'home_visit', 'in_person']);
export type ContactMethod = z.infer<typeof ContactMethod>;
export const Symptom = z.enum(['fever', 'cough', 'sore_throat', 'fatigue', 'diarrhoea', 'shortness_of_breath', 'other']);
export type Symptom = z.infer<typeof Symptom>;
export const StudyStatus = z.enum(['yes', 'partly', 'no']);
export type StudyStatus = z.infer<typeof StudyStatus>;
/** How a student studied when they did (yes / partly): online (the default, and what an older record without one means), paper materials, the TV lessons. */
export const StudyMode = z.enum(['online', 'paper', 'tv']);
export type StudyMode = z.infer<typeof StudyMode>;
/** Why a student did not study (studiedOnline = no). */
export const NotStudyingReason = z.enum(['ill', 'no_device', 'no_network', 'no_supervision', 'other']);
export type NotStudyingReason = z.infer<typeof NotStudyingReason>;

/** Studied (yes or partly): the statuses that have a mode. */
export function studied(status: StudyStatus | null): boolean {
  return status === 'yes' || status === 'partly';
}
/** Why nobody was reached (issue 12): the common reasons are one tap; "other" is said in words. */
export const UnreachableCode = z.enum(['no_answer', 'phone_off', 'number_invalid', 'away_working', 'other']);
export type UnreachableCode = z.infer<typeof UnreachableCode>;
/** A person's state in today's worklist. */
export const FollowUpStatus = z.enum(['pending', 'well', 'exception', 'unreachable']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/** Moved to common.ts (with a calendar check); still importable from here. */
export { IsoDay };

/** Plausible body temperature in °C (DESIGN): outside 34.0–43.0 is an input error, not a fever. */
export const Temperature = z.number().min(34).max(43).multipleOf(0.1);

export const FollowUpInput = z
  .object({
    method: ContactMethod,
    reached: z.boolean(),
    /** Who answered (guardian, the student, …). */
    answeredBy: optionalText(20),
    unreachableCode: UnreachableCode.nullish().transform((value) => value ?? null),
    /** In words, for "other" only. */
    unreachableReason: optionalText(200),
    temperature: Temperature.nullish().transform((value) => value ?? null),
    symptoms: z.array(Symptom).max(7).default([]),
    symptomNote: optionalText(200),
    whereabouts: Whereabouts.nullish().transform((value) => value ?? null),
    place: optionalText(60),
    keyRegionContact: z.boolean().nullish().transform((value) => value ?? null),
    studiedOnline: StudyStatus.nullish().transform((value) => value ?? null),
    /** With yes / partly; left out, online. */
    studyMode: StudyMode.nullish().transform((value) => value ?? null),
    /** With no (a reason with yes or partly is refused). */
    notStudyingReason: NotStudyingReason.nullish().transform((value) => value ?? null),
    studyNote: optionalText(200),
    note: optionalText(500),
    /** The version the user last saw; a stale one is refused (someone else saved in between). */
    version: z.number().int().min(1).optional(),
    /**
     * Not part of the record: with an exception (fever or symptoms), also
     * move the person's census category to "unwell" (发热或身体不适), in the
     * same save; recorded in the person's history.
     */
    moveToUnwell: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (!value.reached && !value.unreachableCode) context.addIssue({ code: 'custom', path: ['unreachableCode'], message: 'field.unreachable_reason' });
    if (!value.reached && value.unreachableCode === 'other' && !value.unreachableReason)
      context.addIssue({ code: 'custom', path: ['unreachableReason'], message: 'field.unreachable_other' });
    if (value.whereabouts === 'outside_city' && !value.place) context.addIssue({ code: 'custom', path: ['place'], message: 'field.place_required' });
    if (value.notStudyingReason && value.studiedOnline !== 'no') context.addIssue({ code: 'custom', path: ['notStudyingReason'], message: 'field.reason_only_when_not_studying' });
    if (value.studyMode && !studied(value.studiedOnline)) context.addIssue({ code: 'custom', path: ['studyMode'], message: 'field.mode_only_when_studying' });
  })
  // A reached person has no reason; a listed reason needs no words; who studied did so online unless told otherwise.
  .transform((value) => ({
    ...value,
    unreachableCode: value.reached ? null : value.unreachableCode,
    unreachableReason: !value.reached && value.unreachableCode === 'other' ? value.unreachableReason : null,
    studyMode: studied(value.studiedOnline) ? (value.studyMode ?? 'online') : null,
    notStudyingReason: value.studiedOnline === 'no' ? value.notStudyingReason : null,
  }));
export type FollowUpInput = z.input<typeof FollowUpInput>;

export const FollowUpParams = z.object({ personId: Id, day: IsoDay }).strict();


/** A temperature at or above the threshold, or any symptom, makes the record an exception. */
export function isFollowUpException(record: { temperature: number | null; symptoms: readonly string[] }, feverThreshold: number): boolean {
  return (record.temperature !== null && record.temperature >= feverThreshold) || record.symptoms.length > 0;
}

export function followUpStatus(record: { reached: boolean; isException: boolean } | null): FollowUpStatus {
  if (!record) return 'pending';
  if (!record.reached) return 'unreachable';
  return record.isException ? 'exception' : 'well';
}

export const FollowUp = z.object({
  id: z.string(),
  personId: z.string(),
  day: z.string(),
  method: ContactMethod,
  reached: z.boolean(),
  answeredBy: z.string().nullable(),
  unreachableCode: UnreachableCode.nullable(),
  unreachableReason: z.string().nullable(),
  temperature: z.number().nullable(),
  symptoms: z.array(Symptom),
  symptomNote: z.string().nullable(),
  whereabouts: Whereabouts.nullable(),
  place: z.string().nullable(),
  keyRegionContact: z.boolean().nullable(),
  studiedOnline: StudyStatus.nullable(),
  /** null on older records: read as online when studiedOnline is yes / partly */
  studyMode: StudyMode.nullable(),
  notStudyingReason: NotStudyingReason.nullable(),
  studyNote: z.string().nullable(),
  note: z.string().nullable(),
  isException: z.boolean(),
  viaGroupChat: z.boolean(),
  handlingNote: z.string().nullable(),
  version: z.number().int(),
  recordedByName: z.string(),
  updatedAt: z.string(),
  /** Saved again after the class report was filed: the earlier values are kept as a correction. */
  corrected: z.boolean(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const WorklistQuery = z
  .object({
    classId: Id.optional(),
    /** The principal's staff list (教职工) of a school. */
    staffOfSchoolId: Id.optional(),
    day: IsoDay.optional(),
  })
  .strict();

export const WorklistItem = z.object({
  personId: z.string(),
  name: z.string(),
  studentNumber: z.string().nullable(),
  guardianName: z.string().nullable(),
  /** masked in the list; the person's page shows the number to call */
  guardianPhone: z.string().nullable(),
  /** has a quarantine case open on the day */
  inQuarantine: z.boolean(),
  /** that case (its file reads as 404 for those outside its team and the principal) */
  caseId: z.string().nullable(),
  status: FollowUpStatus,
  followUp: FollowUp.nullable(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  day: z.string(),
  today: z.string(),
  label: z.string(),
  schoolId: z.string(),
  classId: z.string().nullable(),
  counts: DayCounts,
  report: z
    .object({ filedAt: z.string(), late: z.boolean(), filedByName: z.string(), kind: ReportKind, unreached: z.number().int() })
    .nullable(),
  items: z.array(WorklistItem),
});
export type Worklist = z.infer<typeof Worklist>;

/**
 * What a class teacher's phone keeps for working without a connection (issue 16,
 * docs/decisions/0024-data-on-the-phone.md): their own classes' lists for today
 * and yesterday, and the numbers to call — no ID numbers, nothing of other classes.
 */
export const PhoneCopy = z.object({
  today: z.string(),
  lists: z.array(Worklist),
  contacts: z.array(
    z.object({
      personId: z.string(),
      phones: z.array(z.object({ relation: z.string().nullable(), name: z.string().nullable(), phone: z.string() })),
    }),
  ),
});
export type PhoneCopy = z.infer<typeof PhoneCopy>;

export const BulkWellInput = z
  .object({
    day: IsoDay,
    personIds: z.array(Id).min(1).max(200),
    method: ContactMethod.default('wechat'),
    /** What the group chat said about online study for the whole batch; left out, it stays explicitly unknown. */
    studiedOnline: StudyStatus.nullish().transform((value) => value ?? null),
  })
  .strict();

export const BulkWellResult = z.object({ recorded: z.number().int(), skipped: z.number().int() });

export const HandlingInput = z.object({ handlingNote: plainString().trim().min(1, { error: 'field.required' }).max(500) }).strict();
