import { z } from 'zod';

/** A record id; left empty it is "required" (a select not chosen), anything else not an id is "invalid". */
export const Id = z.uuid({ error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? 'field.required' : 'field.invalid_type') });
export const IdParams = z.object({ id: Id }).strict();
export type IdParams = z.infer<typeof IdParams>;

/** Trimmed, non-empty text of bounded length. */
export function text(max: number) {
  return z.string().trim().min(1, { error: 'field.required' }).max(max);
}

/** Optional trimmed text of bounded length: empty or absent becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Cursor paging: `cursor` is opaque, `limit` bounded. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const OkResponse = z.object({ ok: z.literal(true) });
