// Retention (PIPL Art. 47): what the purge removes once the emergency has ended and the
// retention period after it has passed (docs/decisions/0014-retention.md).
import { z } from 'zod';
import { addDays } from './days.js';
import { Id } from './common.js';
import { IsoDay } from './follow-ups.js';

/** The kinds of record the purge reduces, in the order the preview lists them. */
export const RetentionKinds = ['followUps', 'corrections', 'checkIns', 'caseFiles', 'leftPeople'] as const;
export type RetentionKind = (typeof RetentionKinds)[number];

export const RetentionCounts = z.object({
  /** Follow-up records whose health details (temperature, symptoms, notes, who answered, place) go; reached/exception flags stay. */
  followUps: z.number().int(),
  /** Corrections of those follow-ups (their before/after values): deleted. */
  corrections: z.number().int(),
  /** Quarantine check-ins whose readings and free text go; the flags the counts use stay. */
  checkIns: z.number().int(),
  /** Closed case files whose plan, notes and guardian contact go (with their history entries' notes). */
  caseFiles: z.number().int(),
  /** People who had left before the end: their personal fields and guardians go, the row stays for the counts. */
  leftPeople: z.number().int(),
});
export type RetentionCounts = z.infer<typeof RetentionCounts>;

export const RetentionPreview = z.object({
  today: IsoDay,
  emergencyEndedOn: IsoDay.nullable(),
  retentionDays: z.number().int(),
  /** The first day the purge may run (the end + retentionDays + 1); null without an end day. */
  purgeFrom: IsoDay.nullable(),
  /** Whether today is past the end + retentionDays. */
  due: z.boolean(),
  totals: RetentionCounts,
  total: z.number().int(),
  schools: z.array(RetentionCounts.extend({ schoolId: Id, schoolName: z.string() })),
});
export type RetentionPreview = z.infer<typeof RetentionPreview>;

/** The user confirms the number the preview named; a different number now (data changed) is refused. */
export const RetentionPurgeInput = z.object({ confirmTotal: z.number().int().min(0) }).strict();
export type RetentionPurgeInput = z.infer<typeof RetentionPurgeInput>;

export const RetentionPurgeResult = z.object({ removed: RetentionCounts, total: z.number().int() });
export type RetentionPurgeResult = z.infer<typeof RetentionPurgeResult>;

/** The first day a purge may run: records dated on or before `endedOn` go once today > endedOn + retentionDays. */
export function purgeFromDay(endedOn: string, retentionDays: number): string {
  return addDays(endedOn, retentionDays + 1);
}
