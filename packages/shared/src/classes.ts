import { z } from 'zod';
import { Id, text } from './common.js';
import type { SchoolKind } from './schools.js';

export const SchoolClass = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  grade: z.number().int(),
  name: z.string(),
  headTeacherId: z.string().nullable(),
  headTeacherName: z.string().nullable(),
  active: z.boolean(),
});
export type SchoolClass = z.infer<typeof SchoolClass>;

export const Grade = z.coerce.number({ error: 'field.integer' }).int({ error: 'field.integer' }).min(1).max(12);

export const SchoolClassInput = z
  .object({
    schoolId: Id,
    grade: Grade,
    name: text(30),
    headTeacherId: Id.nullable().optional(),
  })
  .strict();
export type SchoolClassInput = z.infer<typeof SchoolClassInput>;

export const SchoolClassUpdate = z
  .object({ grade: Grade, name: text(30), headTeacherId: Id.nullable(), active: z.boolean() })
  .partial()
  .strict();
export type SchoolClassUpdate = z.infer<typeof SchoolClassUpdate>;

export const SchoolClassListQuery = z
  .object({
    schoolId: Id.optional(),
    includeInactive: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  })
  .strict();

export const SchoolClassList = z.object({ items: z.array(SchoolClass) });

const KINDERGARTEN_GRADES: Record<string, [string, string]> = {
  '1': ['小班', 'Nursery'],
  '2': ['中班', 'Junior'],
  '3': ['大班', 'Senior'],
};
const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** "三年级" / "Grade 3"; kindergartens use 小班 / 中班 / 大班. */
export function gradeLabel(kind: SchoolKind, grade: number, language: 'zh-CN' | 'en'): string {
  if (kind === 'kindergarten' && KINDERGARTEN_GRADES[String(grade)]) {
    return KINDERGARTEN_GRADES[String(grade)]![language === 'en' ? 1 : 0];
  }
  return language === 'en' ? `Grade ${grade}` : `${CHINESE_NUMBERS[grade] ?? grade}年级`;
}
