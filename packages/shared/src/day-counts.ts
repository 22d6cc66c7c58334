import { z } from 'zod';

/**
 * A day's figures for a set of people, live (DESIGN: every figure of a day is
 * computed in one place — the SQL of `dayCountsSql` in the API): the states of
 * the worklist (pending / well / exception / unreachable), reached (well +
 * exception), and what the report carries. Study is counted for students only;
 * `studyUnknown` are students whose online study nobody recorded (not
 * contacted, not reached, or left blank); those who studied (yes or partly)
 * are counted by how — online, paper materials, TV lessons — and `studyPartly`
 * says how many of them only partly (issue 17). Students = studying (online +
 * paper + TV) + notStudying + studyUnknown.
 */
export const DayCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  well: z.number().int(),
  exception: z.number().int(),
  unreachable: z.number().int(),
  reached: z.number().int(),
  inQuarantine: z.number().int(),
  outsideCity: z.number().int(),
  notStudying: z.number().int(),
  studyUnknown: z.number().int(),
  studyingOnline: z.number().int(),
  studyingPaper: z.number().int(),
  studyingTv: z.number().int(),
  studyPartly: z.number().int(),
});
export type DayCounts = z.infer<typeof DayCounts>;

/** Several groups' figures together (a school's classes and staff): each of `fields` summed. */
export function sumCounts<K extends string>(fields: readonly K[], parts: readonly Record<K, number>[]): Record<K, number> {
  return Object.fromEntries(fields.map((field) => [field, parts.reduce((sum, part) => sum + part[field], 0)])) as Record<K, number>;
}

const DAY_COUNT_FIELDS = Object.keys(DayCounts.shape) as (keyof DayCounts)[];

/** A group with nobody in it. */
export function emptyDayCounts(): DayCounts {
  return Object.fromEntries(DAY_COUNT_FIELDS.map((field) => [field, 0])) as DayCounts;
}

export function sumDayCounts(parts: readonly DayCounts[]): DayCounts {
  return sumCounts(DAY_COUNT_FIELDS, parts);
}

/**
 * What a filed report says (DESIGN): a zero report (零报告) means everyone was
 * reached and nothing was wrong; a report with exceptions; one with people not
 * reached (incomplete); or one filed by the principal on behalf of a class
 * (代报) — for a school, when any of its classes was — which is never a zero
 * report or complete, whatever its counts.
 */
export const ReportKind = z.enum(['zero', 'with_exceptions', 'incomplete', 'on_behalf']);
export type ReportKind = z.infer<typeof ReportKind>;

export function reportKindOf(report: { onBehalf: boolean; unreached: number; exceptions: number }): ReportKind {
  if (report.onBehalf) return 'on_behalf';
  if (report.unreached > 0) return 'incomplete';
  return report.exceptions > 0 ? 'with_exceptions' : 'zero';
}

