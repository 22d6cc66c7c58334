import { z } from 'zod';

/**
 * 身份证号冲突: a school tried to register an ID number someone out of its
 * scope already holds. The school was told only that the number cannot be
 * used there; the centre sees who tried, where and when, and whose roster
 * holds it. The number is masked (first 6 and last 1), as in detail views.
 */
export const IdNumberConflictSource = z.enum(['create', 'update', 'import']);
export type IdNumberConflictSource = z.infer<typeof IdNumberConflictSource>;

export const IdNumberConflict = z.object({
  id: z.string(),
  /** the school that tried */
  schoolId: z.string(),
  schoolName: z.string(),
  attemptedByName: z.string(),
  source: IdNumberConflictSource,
  attempts: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  /** who holds the number, on which school's roster */
  personId: z.string(),
  personName: z.string(),
  existingSchoolId: z.string(),
  existingSchoolName: z.string(),
  /** masked: first 6 and last 1 visible */
  idNumber: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
});
export type IdNumberConflict = z.infer<typeof IdNumberConflict>;

/** Open conflicts first (latest attempt first), then the latest handled ones. */
export const IdNumberConflictList = z.object({ items: z.array(IdNumberConflict) });
export type IdNumberConflictList = z.infer<typeof IdNumberConflictList>;
