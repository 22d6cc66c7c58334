import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PICTURE_RULES, pictureUrls, type Capability, type Picture, type UploadPurpose } from '@campus/shared';
import sharp, { type Sharp } from 'sharp';
import type { Db } from '../db/client.js';
import { AppError, NotFoundError } from '../lib/errors.js';
import { activeSchoolFor, assertCanForSchool, type Actor } from './scope.js';

// One upload mechanism (docs/decisions/0021-uploads.md): a picture is streamed
// to a file, checked by its first bytes, re-encoded by sharp (which drops EXIF
// and its location), thumbnailed, and recorded; a record then takes it by id.

// libvips keeps no cache of decoded images between requests, and one thread per
// picture: memory stays bounded however many phones upload at once.
sharp.cache(false);
sharp.concurrency(1);

const LONGEST_SIDE = 2048;
const THUMB_SIDE = 320;
/** Unattached pictures older than this are deleted by the housekeeping. */
export const UNATTACHED_HOURS = 24;
/** A file in .incoming older than this was left by a process killed mid-upload (an upload takes seconds). */
export const INCOMING_HOURS = 1;

/** Who may see a picture for each purpose: the record's own read capability. */
const READ_BY_PURPOSE: Record<UploadPurpose, Capability> = {
  duty_report: 'duty.read',
  disinfection: 'disinfection.read',
};

/** The record a picture of each purpose belongs to, once one took it. */
const RECORD_OF: Record<UploadPurpose, 'dutyReportId' | 'disinfectionLogId'> = {
  duty_report: 'dutyReportId',
  disinfection: 'disinfectionLogId',
};

/** Whether a record took the picture (until then only its uploader sees it, and the housekeeping may delete it). */
const UNATTACHED = { dutyReportId: null, disinfectionLogId: null } as const;
const isAttached = (upload: { dutyReportId: string | null; disinfectionLogId: string | null }) => upload.dutyReportId !== null || upload.disinfectionLogId !== null;

export interface IncomingFile {
  filename: string;
  file: Readable & { truncated?: boolean };
}

type Kind = 'jpeg' | 'png' | 'webp' | 'heic';

/** The picture kind by content (magic bytes), never by the name the phone gave. */
export function sniffPicture(head: Buffer): Kind | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(head.toString('latin1', 8, 12))) return 'heic';
  return null;
}

function filesOf(dir: string, id: string) {
  return { full: path.join(dir, `${id}.jpg`), thumb: path.join(dir, `${id}.thumb.jpg`) };
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The decoder's input: a file for what libvips reads itself, raw pixels for HEIC (HEVC is not in sharp's prebuilt libvips). */
async function decoderInput(file: string, kind: Kind): Promise<Sharp> {
  if (kind !== 'heic') return sharp(file, { failOn: 'error', limitInputPixels: 80_000_000 });
  const { default: decode } = (await import('heic-decode')) as { default: (input: { buffer: Buffer }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }> };
  const image = await decode({ buffer: await fs.readFile(file) });
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), { raw: { width: image.width, height: image.height, channels: 4 } });
}

/**
 * Re-encodes one received file into <id>.jpg and <id>.thumb.jpg. Throws a
 * user's error (with the file's name) for a file that is not a picture or
 * cannot be decoded.
 */
async function encode(dir: string, incoming: string, name: string, id: string) {
  const kind = sniffPicture(await readHead(incoming));
  if (!kind) throw new AppError(415, 'unsupported_media_type', 'upload.not_a_picture', { name });
  const files = filesOf(dir, id);
  try {
    const decoder = await decoderInput(incoming, kind);
    // rotate(): the phone's orientation applied to the pixels, since the EXIF that held it is dropped
    const full = await decoder
      .rotate()
      .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toFile(files.full);
    const thumb = await sharp(files.full).resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside' }).jpeg({ quality: 70 }).toFile(files.thumb);
    await Promise.all([fs.chmod(files.full, 0o640), fs.chmod(files.thumb, 0o640)]);
    return { width: full.width, height: full.height, bytes: full.size, thumbBytes: thumb.size };
  } catch (error) {
    await removeFiles(dir, id);
    if (error instanceof AppError) throw error;
    throw new AppError(422, 'validation_failed', 'upload.unreadable', { name });
  }
}

async function removeFiles(dir: string, id: string): Promise<void> {
  const files = filesOf(dir, id);
  await Promise.all([fs.rm(files.full, { force: true }), fs.rm(files.thumb, { force: true })]);
}

function displayName(filename: string): string {
  // eslint-disable-next-line no-control-regex -- control characters never reach a message
  return (filename || 'photo').replace(/[\u0000-\u001f]/g, '').slice(-60);
}

/**
 * Receives 1–6 pictures for a school's record of `purpose`, one at a time as
 * they stream in (memory holds one picture's decoding, never the request).
 * All or nothing: when one fails, the ones before it in the same request are
 * removed and the error names the file.
 */
export async function receivePictures(
  db: Db,
  actor: Actor,
  dir: string,
  query: { purpose: UploadPurpose; schoolId?: string },
  files: AsyncIterable<IncomingFile>,
): Promise<Picture[]> {
  const schoolId = query.schoolId ?? actor.schoolId;
  if (!schoolId) throw new NotFoundError('School');
  await activeSchoolFor(db, actor, 'uploads.create', schoolId);

  const incomingDir = path.join(dir, '.incoming');
  await fs.mkdir(incomingDir, { recursive: true, mode: 0o750 });
  const done: Picture[] = [];
  try {
    for await (const part of files) {
      const name = displayName(part.filename);
      if (done.length >= PICTURE_RULES.maxFiles) {
        part.file.resume();
        throw new AppError(400, 'bad_request', 'upload.too_many');
      }
      const id = randomUUID();
      const incoming = path.join(incomingDir, id);
      try {
        await pipeline(part.file, createWriteStream(incoming, { mode: 0o600 }));
        if (part.file.truncated) throw new AppError(413, 'payload_too_large', 'upload.too_large', { name });
        const stats = await fs.stat(incoming);
        if (stats.size === 0) throw new AppError(415, 'unsupported_media_type', 'upload.not_a_picture', { name });
        const encoded = await encode(dir, incoming, name, id);
        await db.upload.create({ data: { id, schoolId, purpose: query.purpose, uploadedById: actor.userId, ...encoded } });
        done.push({ id, width: encoded.width, height: encoded.height, bytes: encoded.bytes, ...pictureUrls(id) });
      } finally {
        await fs.rm(incoming, { force: true });
      }
    }
  } catch (error) {
    await discard(db, dir, done.map((picture) => picture.id));
    throw error;
  }
  if (!done.length) throw new AppError(400, 'bad_request', 'upload.none');
  return done;
}

async function discard(db: Db, dir: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db.upload.deleteMany({ where: { id: { in: ids } } });
  await Promise.all(ids.map((id) => removeFiles(dir, id)));
}

/**
 * A picture's file, for a user who may see its record: the uploader until a
 * record takes it, then whoever may read that record. Anything else is 404.
 */
export async function openPicture(db: Db, actor: Actor, dir: string, id: string, size: 'full' | 'thumb'): Promise<{ stream: Readable; bytes: number }> {
  const upload = await db.upload.findUnique({ where: { id } });
  if (!upload) throw new NotFoundError('Upload', id);
  if (!isAttached(upload)) {
    if (upload.uploadedById !== actor.userId) throw new NotFoundError('Upload', id);
  } else {
    try {
      assertCanForSchool(actor, READ_BY_PURPOSE[upload.purpose], upload.schoolId);
    } catch {
      throw new NotFoundError('Upload', id);
    }
  }
  const file = filesOf(dir, id)[size];
  try {
    const stats = await fs.stat(file);
    return { stream: createReadStream(file), bytes: stats.size };
  } catch {
    throw new NotFoundError('Upload', id);
  }
}

/**
 * Checks that `ids` are pictures this actor uploaded for `schoolId` and
 * `purpose` and that no other record has taken (or that `recordId` already
 * has); returns them in the given order. Inside the record's transaction.
 */
export async function claimablePictures(
  tx: Pick<Db, 'upload'>,
  actor: Actor,
  ids: string[],
  where: { schoolId: string; purpose: UploadPurpose; recordId?: string },
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx.upload.findMany({ where: { id: { in: ids }, schoolId: where.schoolId, purpose: where.purpose }, select: { id: true, uploadedById: true, dutyReportId: true, disinfectionLogId: true } });
  const column = RECORD_OF[where.purpose];
  const usable = rows.filter((row) => (!isAttached(row) && row.uploadedById === actor.userId) || (where.recordId !== undefined && row[column] === where.recordId));
  if (usable.length !== ids.length) throw new AppError(400, 'validation_failed', 'upload.not_usable', {}, { pictureIds: 'upload.not_usable' });
  return ids;
}

/**
 * Removes pictures that no record took within UNATTACHED_HOURS, rows and
 * files, and what a process killed mid-upload left in .incoming. Returns how
 * many pictures.
 */
export async function purgeUnattachedPictures(db: Db, dir: string, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNATTACHED_HOURS * 3600_000);
  const stale = await db.upload.findMany({ where: { ...UNATTACHED, createdAt: { lt: before } }, select: { id: true } });
  await discard(db, dir, stale.map((row) => row.id));
  await purgeLeftIncoming(dir, now);
  return stale.length;
}

/**
 * Deletes files in <dir>/.incoming older than INCOMING_HOURS. receivePictures
 * removes its file whatever happens, unless the process dies first; a file
 * still being received is seconds old, so it is never touched.
 */
async function purgeLeftIncoming(dir: string, now: Date): Promise<void> {
  const incomingDir = path.join(dir, '.incoming');
  let names: string[];
  try {
    names = await fs.readdir(incomingDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing uploaded yet
    throw error;
  }
  const before = now.getTime() - INCOMING_HOURS * 3600_000;
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(incomingDir, name);
      // null: removed meanwhile, by its upload finishing
      const stats = await fs.lstat(file).catch(() => null);
      if (stats?.isFile() && stats.mtimeMs < before) await fs.rm(file, { force: true });
    }),
  );
}

/** Deletes the files of pictures whose rows are gone (a record deleted, a picture replaced). */
export async function removePictureFiles(dir: string, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => removeFiles(dir, id)));
}

/** A record's pictures in their order, for its wire shape. */
export function picturesOf(rows: { id: string; width: number; height: number; bytes: number }[]): Picture[] {
  return rows.map((row) => ({ id: row.id, width: row.width, height: row.height, bytes: row.bytes, ...pictureUrls(row.id) }));
}
