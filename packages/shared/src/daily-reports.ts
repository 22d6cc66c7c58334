import { z } from 'zod';
import { Id, optionalText, plainString } from './common.js';
import { IsoDay } from './follow-ups.js';

export const ReportLevel = z.enum(['class', 'school']);

export const ReportCounts = z.object({
  total: z.number().int(),
  reached: z.number().int(),
  unreached: z.number().int(),
  exceptions: z.number().int(),
  inQuarantine: z.number().int(),
  outsideCity: z.number().int(),
  notStudying: z.number().int(),
});
export type ReportCounts = z.infer<typeof ReportCounts>;

export const DailyReport = ReportCounts.extend({
  id: z.string(),
  level: ReportLevel,
  day: z.string(),
  schoolId: z.string(),
  classId: z.string().nullable(),
  /** 零报告: filed with no exception. */
  isZero: z.boolean(),
  note: z.string().nullable(),
  onBehalfReason: z.string().nullable(),
  filedByName: z.string(),
  filedAt: z.string(),
  late: z.boolean(),
});
export type DailyReport = z.infer<typeof DailyReport>;

const Note = optionalText(500);

export const ClassReportInput = z.object({ classId: Id, day: IsoDay, note: Note }).strict();

export const SchoolReportInput = z
  .object({
    schoolId: Id,
    day: IsoDay,
    note: Note,
    /** Classes whose teacher has not filed: the principal files for them, with a reason. */
    onBehalf: z.array(z.object({ classId: Id, reason: plainString().trim().min(1, { error: 'field.required' }).max(200) }).strict()).max(100).default([]),
  })
  .strict();

/** The deadline of day D's report: D + 1 at `deadlineMinutes` in the centre's time zone. */
export function reportStatus(filedAt: Date | null, deadline: Date, now: Date): 'on_time' | 'late' | 'missing' | 'open' {
  if (filedAt) return filedAt.getTime() > deadline.getTime() ? 'late' : 'on_time';
  return now.getTime() > deadline.getTime() ? 'missing' : 'open';
}

export const SchoolDayQuery = z.object({ schoolId: Id, day: IsoDay.optional() }).strict();

export const GridQuery = z.object({ to: IsoDay.optional(), days: z.coerce.number().int().min(1).max(62).default(14) }).strict();

export const ExceptionItem = z.object({
  followUpId: z.string(),
  personId: z.string(),
  name: z.string(),
  kind: z.enum(['student', 'staff']),
  schoolId: z.string(),
  schoolName: z.string(),
  classId: z.string().nullable(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  temperature: z.number().nullable(),
  symptoms: z.array(z.string()),
  note: z.string().nullable(),
  recordedByName: z.string(),
  handlingNote: z.string().nullable(),
});
export type ExceptionItem = z.infer<typeof ExceptionItem>;

const Progress = z.object({ total: z.number().int(), pending: z.number().int(), well: z.number().int(), exception: z.number().int(), unreachable: z.number().int() });

export const SchoolDayView = z.object({
  day: z.string(),
  today: z.string(),
  deadline: z.string(),
  school: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  classes: z.array(
    z.object({
      classId: z.string(),
      grade: z.number().int(),
      name: z.string(),
      headTeacherName: z.string().nullable(),
      progress: Progress,
      report: DailyReport.nullable(),
    }),
  ),
  staff: Progress,
  exceptions: z.array(ExceptionItem),
  report: DailyReport.nullable(),
});
export type SchoolDayView = z.infer<typeof SchoolDayView>;

export const GridCellStatus = z.enum(['on_time', 'late', 'missing', 'open']);
export const CompletenessGrid = z.object({
  days: z.array(z.string()),
  today: z.string(),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      code: z.string(),
      name: z.string(),
      cells: z.array(z.object({ day: z.string(), status: GridCellStatus, zero: z.boolean(), filedAt: z.string().nullable(), exceptions: z.number().int().nullable() })),
    }),
  ),
  totals: z.object({ people: z.number().int(), reached: z.number().int(), exceptions: z.number().int(), outsideCity: z.number().int(), inQuarantine: z.number().int() }),
  exceptions: z.array(ExceptionItem),
});
export type CompletenessGrid = z.infer<typeof CompletenessGrid>;

export const ExportDayQuery = z.object({ day: IsoDay }).strict();

/** What a report would count from a worklist (the class report's preview; the server counts again when filing). */
export function reportCountsOf(
  items: readonly { inQuarantine: boolean; followUp: { reached: boolean; isException: boolean; whereabouts: string | null; studiedOnline: string | null } | null }[],
): ReportCounts & { pending: number } {
  const counts = { total: items.length, reached: 0, unreached: 0, exceptions: 0, inQuarantine: 0, outsideCity: 0, notStudying: 0, pending: 0 };
  for (const { inQuarantine, followUp } of items) {
    if (inQuarantine) counts.inQuarantine += 1;
    if (!followUp) {
      counts.pending += 1;
      continue;
    }
    if (followUp.reached) counts.reached += 1;
    else counts.unreached += 1;
    if (followUp.isException) counts.exceptions += 1;
    if (followUp.whereabouts === 'outside_city') counts.outsideCity += 1;
    if (followUp.studiedOnline === 'no') counts.notStudying += 1;
  }
  return counts;
}
