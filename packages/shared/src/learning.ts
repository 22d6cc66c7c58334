import { z } from 'zod';
import { Id, IsoDay } from './common.js';

/**
 * 停课不停学 (issue 17): the study picture of a class, a school or the
 * township on a day, from the day's follow-ups (studiedOnline, studyMode,
 * notStudyingReason) and the roster. Computed once, in the API's
 * services/learning; screens, exports and the situation report read these.
 *
 * enrolled = studying (online + paper + tv) + notStudying + unknown;
 * `studyPartly` is the part of studying that only partly studied; unknown =
 * no record of the day, or a record without the study question answered.
 */
export const NotStudyingBy = z.object({
  ill: z.number().int(),
  no_device: z.number().int(),
  no_network: z.number().int(),
  no_supervision: z.number().int(),
  other: z.number().int(),
  /** studiedOnline no without a reason (records saved before there was one) */
  unspecified: z.number().int(),
});
export type NotStudyingBy = z.infer<typeof NotStudyingBy>;

export const StudyFigures = z.object({
  enrolled: z.number().int(),
  reached: z.number().int(),
  studying: z.number().int(),
  studyingOnline: z.number().int(),
  studyingPaper: z.number().int(),
  studyingTv: z.number().int(),
  studyPartly: z.number().int(),
  notStudying: z.number().int(),
  notStudyingBy: NotStudyingBy,
  unknown: z.number().int(),
});
export type StudyFigures = z.infer<typeof StudyFigures>;

/** Classes with their class daily report filed for the day, of the active classes; percent rounded to one decimal (0 with no class). */
export const ClassesReporting = z.object({ classes: z.number().int(), filed: z.number().int(), percent: z.number() });
export type ClassesReporting = z.infer<typeof ClassesReporting>;

export const ClassStudyQuery = z.object({ classId: Id, day: IsoDay.optional() }).strict();
export const SchoolStudyQuery = z.object({ schoolId: Id, day: IsoDay.optional() }).strict();

/** At most this many days in one township range. */
export const STUDY_RANGE_MAX_DAYS = 120;

/** The township's figures from `from` to `to` (default: the 60 days to today). */
export const TownshipStudyQuery = z
  .object({ from: IsoDay.optional(), to: IsoDay.optional() })
  .strict()
  .superRefine((value, context) => {
    if (value.from && value.to && value.to < value.from) context.addIssue({ code: 'custom', path: ['to'], message: 'field.learning_range_order' });
  });
export type TownshipStudyQuery = z.infer<typeof TownshipStudyQuery>;

export const ClassStudyDay = z.object({
  day: z.string(),
  today: z.string(),
  schoolId: z.string(),
  classId: z.string(),
  grade: z.number().int(),
  name: z.string(),
  figures: StudyFigures,
  /** the class daily report of the day, which carries the same study counts once filed */
  reportFiled: z.boolean(),
});
export type ClassStudyDay = z.infer<typeof ClassStudyDay>;

export const SchoolStudyDay = z.object({
  day: z.string(),
  today: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  figures: StudyFigures,
  classesReporting: ClassesReporting,
  classes: z.array(
    z.object({ classId: z.string(), grade: z.number().int(), name: z.string(), headTeacherName: z.string().nullable(), figures: StudyFigures, reportFiled: z.boolean() }),
  ),
});
export type SchoolStudyDay = z.infer<typeof SchoolStudyDay>;

export const TownshipStudyRange = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  /** the trend: the township's figures day by day */
  days: z.array(z.object({ day: z.string(), figures: StudyFigures, classesReporting: ClassesReporting })),
  /** each active school on `to` */
  schools: z.array(z.object({ schoolId: z.string(), name: z.string(), figures: StudyFigures, classesReporting: ClassesReporting })),
});
export type TownshipStudyRange = z.infer<typeof TownshipStudyRange>;
