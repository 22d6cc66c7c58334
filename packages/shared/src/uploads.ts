import { z } from 'zod';
import { Id } from './common.js';

/** What a picture is for; it decides who may see it (the record's own rule). */
export const UploadPurpose = z.enum(['duty_report', 'disinfection']);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

/** The rules of a picture from a phone (ADR 0021), the same in the browser and on the server. */
export const PICTURE_RULES = {
  maxBytes: 10 * 1024 * 1024,
  /** per request and per record */
  maxFiles: 6,
  /** by content, not by name */
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
  accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif',
} as const;

export const UploadQuery = z.object({ purpose: UploadPurpose, schoolId: Id.optional() }).strict();
export type UploadQuery = z.infer<typeof UploadQuery>;

export const Picture = z.object({
  id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** same-origin paths, served only to users who may see the record */
  url: z.string(),
  thumbUrl: z.string(),
});
export type Picture = z.infer<typeof Picture>;

export const PictureList = z.object({ items: z.array(Picture) });
export type PictureList = z.infer<typeof PictureList>;

export function pictureUrls(id: string): { url: string; thumbUrl: string } {
  return { url: `/api/uploads/${id}`, thumbUrl: `/api/uploads/${id}/thumb` };
}

/** A record's pictures: 0–6 ids of uploads made for it, in order, no repeats. */
export function pictureIds(min = 0) {
  return z
    .array(Id)
    .min(min, { error: 'field.pictures_min' })
    .max(PICTURE_RULES.maxFiles, { error: 'field.pictures_max' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'field.pictures_repeated' });
}
