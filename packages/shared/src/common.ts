import { z } from 'zod';
import { isCalendarDay } from './days.js';

// A NUL byte, or half of a surrogate pair (a broken character): PostgreSQL cannot store the first, and the second is no text at all.
// eslint-disable-next-line no-control-regex -- the NUL byte is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that can be stored and shown: no NUL bytes, no broken characters. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * Every text field of every input starts here (the helpers below, search
 * boxes, passwords, cursors), so NUL bytes and lone surrogates are refused
 * at the schema, field by field, in the browser and on the server alike.
 */
export function plainString() {
  return z.string().refine(isStorableText, { error: 'field.invalid_text', abort: true });
}

/** A calendar day "YYYY-MM-DD" that exists (no 31 February, no 13th month); years 1900–2999. */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date', abort: true })
  .refine(isCalendarDay, { error: 'field.date_invalid' });

/** A record id; left empty it is "required" (a select not chosen), anything else not an id is "invalid". */
export const Id = z.uuid({ error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? 'field.required' : 'field.invalid_type') });
export const IdParams = z.object({ id: Id }).strict();

/** Schools per page of the centre's schools × days grids: a township fits on one page, a district pages. */
export const GRID_PAGE_SIZE = 50;

/** The query of a schools × days grid (daily reports, duty, disinfection): the last `days` days to `to` (default today), and a page of schools by code. */
export const DayGridQuery = z
  .object({ to: IsoDay.optional(), days: z.coerce.number().int().min(1).max(62).default(14), page: z.coerce.number().int().min(1).max(10_000).default(1) })
  .strict();
export type DayGridQuery = z.infer<typeof DayGridQuery>;

/**
 * An optional `Idempotency-Key` header on a write: a resend of the same write
 * (its answer was lost, or a phone's outbox sent it again) answers as the
 * first did instead of writing twice. Other headers pass.
 */
export const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, { error: 'field.idempotency_key' }).optional() });
export type IdParams = z.infer<typeof IdParams>;

/** Trimmed, non-empty text of bounded length. */
export function text(max: number) {
  return plainString().trim().min(1, { error: 'field.required' }).max(max);
}

/** Optional trimmed text of bounded length: empty or absent becomes null. */
export function optionalText(max: number) {
  return plainString()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Cursor paging: `cursor` is opaque, `limit` bounded. */
export const PageQuery = z.object({
  cursor: plainString().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const OkResponse = z.object({ ok: z.literal(true) });
