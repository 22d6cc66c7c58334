import { z } from 'zod';
import { DayGridQuery, Id, optionalText, plainString } from './common.js';
import { DayCounts, ReportKind, sumCounts } from './day-counts.js';
import { dayGridOf } from './days.js';
import { IsoDay } from './follow-ups.js';

export const ReportLevel = z.enum(['class', 'school']);

/** The figures a filed report keeps (a snapshot of the day's counts at filing). */
export const ReportCounts = z.object({
  total: z.number().int(),
  reached: z.number().int(),
  /** not reached: marked unreachable, plus (in a report filed on behalf) nobody contacted them */
  unreached: z.number().int(),
  /** of those, nobody had contacted them at all when the report was filed (only a report filed on behalf has any) */
  notContacted: z.number().int(),
  exceptions: z.number().int(),
  inQuarantine: z.number().int(),
  outsideCity: z.number().int(),
  notStudying: z.number().int(),
  studyUnknown: z.number().int(),
  /** students who studied (yes or partly), by how (issue 17: the class's study report is part of its daily report) */
  studyingOnline: z.number().int(),
  studyingPaper: z.number().int(),
  studyingTv: z.number().int(),
  /** of those, only partly */
  studyPartly: z.number().int(),
});
export type ReportCounts = z.infer<typeof ReportCounts>;

const REPORT_COUNT_FIELDS = Object.keys(ReportCounts.shape) as (keyof ReportCounts)[];

/** A school report's figures: its classes' reports (or what they would be) and its staff's, summed — to file and to preview. */
export function schoolReportCounts(classReports: readonly ReportCounts[], staff: DayCounts): ReportCounts {
  return sumCounts(REPORT_COUNT_FIELDS, [...classReports, reportCountsFrom(staff)]);
}

/** What the report filed for a day stores from its live counts: the one mapping, used to file and to preview. */
export function reportCountsFrom(day: DayCounts): ReportCounts {
  return {
    total: day.total,
    reached: day.reached,
    unreached: day.unreachable + day.pending,
    notContacted: day.pending,
    exceptions: day.exception,
    inQuarantine: day.inQuarantine,
    outsideCity: day.outsideCity,
    notStudying: day.notStudying,
    studyUnknown: day.studyUnknown,
    studyingOnline: day.studyingOnline,
    studyingPaper: day.studyingPaper,
    studyingTv: day.studyingTv,
    studyPartly: day.studyPartly,
  };
}

/** A complete report: everyone accounted for by the one who called them (not filed on behalf). Only these earn "按时". */
export function isCompleteReport(kind: ReportKind): boolean {
  return kind !== 'on_behalf';
}

export const DailyReport = ReportCounts.extend({
  id: z.string(),
  level: ReportLevel,
  day: z.string(),
  schoolId: z.string(),
  classId: z.string().nullable(),
  kind: ReportKind,
  /** a school report: how many of its classes the principal filed on behalf of */
  onBehalfClasses: z.number().int(),
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

/**
 * How a report's state reads, everywhere (grid, school view, teacher's home,
 * export): timeliness, worded "按时" only for a complete report ("已报" for
 * one filed on behalf), and what it was — 零报告, 代报 with the number not
 * reached, or the number not reached.
 */
export type ReportTiming = ReturnType<typeof reportStatus>;
export interface ReportBadge {
  state: 'on_time' | 'filed' | 'late' | 'missing' | 'open';
  tag: 'zero' | 'on_behalf' | 'unreached' | null;
  /** not reached, for the on_behalf and unreached tags */
  unreached: number;
}
export function reportBadge(timing: ReportTiming, report: { kind: ReportKind; unreached: number } | null): ReportBadge {
  if (!report) return { state: timing, tag: null, unreached: 0 };
  const state = timing === 'on_time' && !isCompleteReport(report.kind) ? 'filed' : timing;
  const tag = report.kind === 'zero' ? 'zero' : report.kind === 'on_behalf' ? 'on_behalf' : report.kind === 'incomplete' ? 'unreached' : null;
  return { state, tag, unreached: report.unreached };
}

export const SchoolDayQuery = z.object({ schoolId: Id, day: IsoDay.optional() }).strict();

export const GridQuery = DayGridQuery;

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
      progress: DayCounts,
      report: DailyReport.nullable(),
    }),
  ),
  staff: DayCounts,
  exceptions: z.array(ExceptionItem),
  report: DailyReport.nullable(),
});
export type SchoolDayView = z.infer<typeof SchoolDayView>;

export const GridCellStatus = z.enum(['on_time', 'late', 'missing', 'open']);
export const CompletenessGrid = dayGridOf(
  z.object({
    day: z.string(),
    status: GridCellStatus,
    kind: ReportKind.nullable(),
    filedAt: z.string().nullable(),
    exceptions: z.number().int().nullable(),
    unreached: z.number().int().nullable(),
  }),
).extend({
  /** today's township figures, live */
  totals: DayCounts,
  exceptions: z.array(ExceptionItem),
});
export type CompletenessGrid = z.infer<typeof CompletenessGrid>;

export const ExportDayQuery = z.object({ day: IsoDay }).strict();
