/**
 * A follow-up as its JSON, written once, by PostgreSQL (docs/decisions/0007-follow-up-sql.md):
 * every answer that carries a record (the worklist, a person's day, a save, a
 * handling note) selects it with `followUpJson`.
 */
import { Prisma } from '../../generated/prisma/client.js';
import { isoTimestamp } from '../../db/day-sql.js';

/** A `FollowUp f` row as the `FollowUp` wire shape (packages/shared/src/follow-ups.ts), field for field. */
export const followUpJson = Prisma.sql`json_build_object(
  'id', f.id, 'personId', f."personId", 'day', to_char(f.day, 'YYYY-MM-DD'), 'method', f.method, 'reached', f.reached,
  'answeredBy', f."answeredBy", 'unreachableCode', f."unreachableCode", 'unreachableReason', f."unreachableReason", 'temperature', f.temperature, 'symptoms', f.symptoms,
  'symptomNote', f."symptomNote", 'whereabouts', f.whereabouts, 'place', f.place, 'keyRegionContact', f."keyRegionContact",
  'studiedOnline', f."studiedOnline", 'studyMode', f."studyMode", 'notStudyingReason', f."notStudyingReason", 'studyNote', f."studyNote", 'note', f.note, 'isException', f."isException",
  'viaGroupChat', f."viaGroupChat", 'handlingNote', f."handlingNote", 'version', f.version, 'recordedByName', f."recordedByName",
  'updatedAt', ${isoTimestamp(Prisma.sql`f."updatedAt"`)},
  'corrected', EXISTS (SELECT 1 FROM "FollowUpCorrection" fc WHERE fc."followUpId" = f.id))`;
