import { z } from 'zod';
import { text } from './common.js';

export const SchoolKind = z.enum(['primary', 'middle', 'kindergarten']);
export type SchoolKind = z.infer<typeof SchoolKind>;

export const SchoolCode = z.string().trim().regex(/^[A-Z0-9]{1,16}$/, { error: 'field.school_code' });

export const School = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: SchoolKind,
  active: z.boolean(),
  classCount: z.number().int(),
  accountCount: z.number().int(),
});
export type School = z.infer<typeof School>;

export const SchoolInput = z.object({ code: SchoolCode, name: text(60), kind: SchoolKind }).strict();
export type SchoolInput = z.infer<typeof SchoolInput>;

export const SchoolUpdate = z
  .object({ name: text(60), kind: SchoolKind, active: z.boolean() })
  .partial()
  .strict();
export type SchoolUpdate = z.infer<typeof SchoolUpdate>;

export const SchoolListQuery = z
  .object({ includeInactive: z.enum(['true', 'false']).optional().transform((value) => value === 'true') })
  .strict();

export const SchoolList = z.object({ items: z.array(School) });
