import { z } from 'zod';
import { IsoDay, plainString, text } from './common.js';
import { CaseReason } from './quarantine.js';

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM", 24-hour. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'field.time_of_day' });

export function minutesToTimeOfDay(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function timeOfDayToMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export const CentreSettings = z.object({
  name: z.string(),
  timeZone: z.string(),
  /** °C; a temperature at or above it is a fever. */
  feverThreshold: z.number(),
  /** A day's report is due by this time on the following day. */
  reportDeadline: TimeOfDay,
  defaultQuarantineDays: z.number().int(),
  /** Quarantine days for a case reason where it differs from defaultQuarantineDays. */
  quarantineDaysByReason: z.partialRecord(CaseReason, z.number().int()),
  sessionIdleMinutes: z.number().int(),
  /** Retention (docs/decisions/0014-retention.md): the day the emergency ended, null while it goes on. */
  emergencyEndedOn: IsoDay.nullable(),
  /** Days after emergencyEndedOn before identifiable health details may be purged. */
  retentionDays: z.number().int(),
  /** Audit rows older than this are deleted. */
  auditRetentionDays: z.number().int(),
  /** The duty report's checklist (值班检查项). */
  dutyChecks: z.array(z.string()),
  /** The gate's "ask" questions (一问), each answered yes / no; a yes refuses entry. */
  gateQuestions: z.array(z.string()),
  /** Days a day's gate register is kept before the housekeeping deletes it (its counts stay). */
  gateRetentionDays: z.number().int(),
  /** The kinds of area a school's disinfection plan names its areas by. */
  disinfectionAreaKinds: z.array(z.string()),
});
export type CentreSettings = z.infer<typeof CentreSettings>;

export const CentreSettingsInput = z
  .object({
    name: text(60),
    timeZone: plainString().trim().refine(isValidTimeZone, { error: 'field.time_zone' }),
    feverThreshold: z.coerce.number().min(36.0).max(39.0).multipleOf(0.1),
    reportDeadline: TimeOfDay,
    defaultQuarantineDays: z.coerce.number().int({ error: 'field.integer' }).min(1).max(60),
    /** Replaces the whole map; a reason left out uses defaultQuarantineDays. */
    quarantineDaysByReason: z.partialRecord(CaseReason, z.number().int({ error: 'field.integer' }).min(1).max(60)),
    sessionIdleMinutes: z.coerce.number().int({ error: 'field.integer' }).min(5).max(240),
    emergencyEndedOn: IsoDay.nullable(),
    retentionDays: z.coerce.number().int({ error: 'field.integer' }).min(0).max(3650),
    auditRetentionDays: z.coerce.number().int({ error: 'field.integer' }).min(180).max(3650),
    dutyChecks: z.array(text(60)).min(1, { error: 'field.required' }).max(20),
    gateQuestions: z.array(text(60)).min(1, { error: 'field.required' }).max(10),
    gateRetentionDays: z.coerce.number().int({ error: 'field.integer' }).min(7).max(365),
    disinfectionAreaKinds: z.array(text(20)).min(1, { error: 'field.required' }).max(20),
  })
  .partial()
  .strict();
export type CentreSettingsInput = z.infer<typeof CentreSettingsInput>;
