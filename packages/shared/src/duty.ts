import { z } from 'zod';
import { DayGridQuery, Id, IsoDay, optionalText, plainString } from './common.js';
import { GridCellStatus } from './daily-reports.js';
import { dayGridOf } from './days.js';
import { TimeOfDay } from './settings.js';
import { Picture, pictureIds } from './uploads.js';

// 值班值守: the duty roster, the day's duty report with its pictures, the centre's grid.

export const StaffName = z.object({ id: z.string(), name: z.string() });
export type StaffName = z.infer<typeof StaffName>;

export const DutyRosterQuery = z
  .object({
    schoolId: Id,
    from: IsoDay,
    days: z.coerce.number().int().min(1).max(42).default(7),
  })
  .strict();
export type DutyRosterQuery = z.infer<typeof DutyRosterQuery>;

export const DutyRosterDay = z.object({
  day: z.string(),
  dutyPerson: StaffName.nullable(),
  leader: StaffName.nullable(),
});
export type DutyRosterDay = z.infer<typeof DutyRosterDay>;

export const DutyRoster = z.object({
  schoolId: z.string(),
  days: z.array(DutyRosterDay),
  /** the school's active staff, to choose from */
  staff: z.array(StaffName),
});
export type DutyRoster = z.infer<typeof DutyRoster>;

/** One day of the roster; both people, or neither (the day is cleared). */
export const DutyRosterEntry = z
  .object({ day: IsoDay, dutyPersonId: Id.nullable(), leaderPersonId: Id.nullable() })
  .strict()
  .superRefine((entry, context) => {
    if ((entry.dutyPersonId === null) !== (entry.leaderPersonId === null)) {
      context.addIssue({ code: 'custom', path: [entry.dutyPersonId === null ? 'dutyPersonId' : 'leaderPersonId'], message: 'field.required' });
    }
  });

export const DutyRosterInput = z
  .object({
    schoolId: Id,
    entries: z
      .array(DutyRosterEntry)
      .min(1)
      .max(42)
      .refine((entries) => new Set(entries.map((entry) => entry.day)).size === entries.length, { error: 'field.days_repeated' }),
  })
  .strict();
export type DutyRosterInput = z.infer<typeof DutyRosterInput>;

export const DutyDayQuery = z.object({ schoolId: Id, day: IsoDay.optional() }).strict();
export type DutyDayQuery = z.infer<typeof DutyDayQuery>;

export const DUTY_INCIDENTS_MAX = 2000;

/**
 * The day's duty report. "Nothing to report" is a zero report (零报告): still
 * filed, with its times, checks and pictures; otherwise the incidents are written.
 */
export const DutyReportInput = z
  .object({
    schoolId: Id,
    day: IsoDay,
    start: TimeOfDay,
    end: TimeOfDay,
    checks: z.array(plainString().trim().min(1).max(60)).max(20),
    nothingToReport: z.boolean(),
    incidents: optionalText(DUTY_INCIDENTS_MAX),
    pictureIds: pictureIds(1),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.start === input.end) context.addIssue({ code: 'custom', path: ['end'], message: 'field.duty_end_equals_start' });
    if (!input.nothingToReport && !input.incidents) context.addIssue({ code: 'custom', path: ['incidents'], message: 'field.duty_incidents_required' });
  });
export type DutyReportInput = z.infer<typeof DutyReportInput>;

export const DutyReport = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  checks: z.array(z.string()),
  /** null: nothing to report */
  incidents: z.string().nullable(),
  onDutyName: z.string().nullable(),
  leaderName: z.string().nullable(),
  filedByName: z.string(),
  filedAt: z.string(),
  late: z.boolean(),
  pictures: z.array(Picture),
});
export type DutyReport = z.infer<typeof DutyReport>;

export const DutyDayView = z.object({
  day: z.string(),
  today: z.string(),
  deadline: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  /** the centre's checklist */
  checklist: z.array(z.string()),
  assignment: z.object({ dutyName: z.string(), leaderName: z.string() }).nullable(),
  report: DutyReport.nullable(),
});
export type DutyDayView = z.infer<typeof DutyDayView>;

export const DutyGridQuery = DayGridQuery;
export type DutyGridQuery = z.infer<typeof DutyGridQuery>;

export const DutyGrid = dayGridOf(
  z.object({
    day: z.string(),
    status: GridCellStatus,
    reportId: z.string().nullable(),
    /** filed with nothing to report */
    zero: z.boolean(),
    pictures: z.number().int(),
  }),
).extend({
  /** schools whose report of a day is past its deadline and missing, in the range */
  missing: z.number().int(),
});
export type DutyGrid = z.infer<typeof DutyGrid>;
