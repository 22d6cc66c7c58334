import { z } from 'zod';
import { text } from './common.js';

export const CensusCategory = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** Counts as an exception in reports (unwell, close contact, …). */
  isException: z.boolean(),
});
export type CensusCategory = z.infer<typeof CensusCategory>;

export const CensusCategoryInput = z
  .object({
    code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, { error: 'field.category_code' }),
    label: text(30),
    labelEn: text(60),
    sortOrder: z.number().int().min(0).max(999).default(100),
    isException: z.boolean().default(false),
  })
  .strict();
export type CensusCategoryInput = z.input<typeof CensusCategoryInput>;

export const CensusCategoryUpdate = z
  .object({ label: text(30), labelEn: text(60), sortOrder: z.number().int().min(0).max(999), active: z.boolean(), isException: z.boolean() })
  .partial()
  .strict();
export type CensusCategoryUpdate = z.input<typeof CensusCategoryUpdate>;

export const CensusCategoryList = z.object({ items: z.array(CensusCategory) });
