/**
 * Daily check-ins (每日询问) and their corrections, and resolving a request
 * for help. Check-ins are append-only: a correction is a new row naming the
 * one it corrects, which stays in the case file beside it.
 */
import type { CaseCheckInInput, CaseFile } from '@campus/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, ConflictError, FieldError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { dateColumn, dayOfColumn } from '../../db/days.js';
import { actorName, type Actor } from '../scope.js';
import { addEvent, getCaseFile } from './cases.js';
import { assertCanCheckIn, caseInScope, clockOf } from './common.js';

type Input = z.output<typeof CaseCheckInInput>;

const ONE_PER_DAY_INDEX = 'CaseCheckIn_one_original_per_day';

function checkInExists(): AppError {
  return new AppError(409, 'conflict', 'quarantine.check_in_exists', {}, { day: 'quarantine.check_in_exists' });
}

/**
 * Records a day's check-in by a team member (or the principal, or the centre),
 * or a correction of an earlier one. Refused: a day in the future or before
 * the case started; a new check-in on a closed case; a second check-in for the
 * same day (correct it instead); correcting a row already corrected.
 */
export async function recordCheckIn(db: Db, actor: Actor, context: AuditContext, caseId: string, input: Input): Promise<CaseFile> {
  const access = await caseInScope(db, actor, caseId);
  assertCanCheckIn(actor, access);
  const clock = await clockOf(db);
  const correcting = input.correctsCheckInId ?? null;
  if (!correcting && access.closedDay) throw new ConflictError('quarantine.case_closed');
  if (input.day > clock.today) throw new FieldError({ day: 'field.future_day' });
  if (input.day < access.startDay) throw new FieldError({ day: 'field.before_case_start' });
  if (correcting) {
    const original = await db.caseCheckIn.findFirst({ where: { id: correcting, caseId }, select: { day: true, correctedBy: { select: { id: true } } } });
    if (!original) throw new FieldError({ correctsCheckInId: 'field.check_in_unknown' });
    if (original.correctedBy) throw new ConflictError('quarantine.already_corrected');
    if (dayOfColumn(original.day) !== input.day) throw new FieldError({ day: 'field.correction_day' });
  } else if (await db.caseCheckIn.count({ where: { caseId, day: dateColumn(input.day), correctsId: null } })) {
    throw checkInExists();
  }
  const byName = await actorName(db, actor);
  try {
    await db.$transaction(async (tx) => {
      const created = await tx.caseCheckIn.create({
        data: {
          caseId,
          day: dateColumn(input.day),
          method: input.method,
          temperature: input.temperature,
          symptoms: input.symptoms,
          foodOk: input.living.foodOk,
          suppliesOk: input.living.suppliesOk,
          helpNeeded: input.living.helpNeeded,
          keepingUp: input.study.keepingUp,
          materialsNeeded: input.study.materialsNeeded,
          mood: input.mood,
          counsellingNote: input.counsellingNote,
          needsHelp: input.needsHelp,
          note: input.note,
          correctsId: correcting,
          recordedById: actor.userId,
          recordedByName: byName,
        },
        select: { id: true },
      });
      await addEvent(tx, caseId, actor, byName, { kind: correcting ? 'correction' : 'check_in', day: input.day, checkInId: created.id });
      await recordAudit(tx, context, { action: correcting ? 'quarantine.correct_check_in' : 'quarantine.check_in', entity: 'CaseCheckIn', entityId: created.id });
    });
  } catch (error) {
    const text = String((error as { message?: string })?.message ?? '') + JSON.stringify((error as { meta?: unknown })?.meta ?? '');
    if (text.includes(ONE_PER_DAY_INDEX)) throw checkInExists();
    if ((error as { code?: string })?.code === 'P2002' && text.includes('correctsId')) throw new ConflictError('quarantine.already_corrected');
    throw error;
  }
  return getCaseFile(db, actor, caseId);
}

/** Someone dealt with what a check-in asked for: the request leaves the principal's list, the resolution stays in the history. */
export async function resolveHelp(db: Db, actor: Actor, context: AuditContext, caseId: string, checkInId: string, note: string): Promise<CaseFile> {
  const access = await caseInScope(db, actor, caseId);
  assertCanCheckIn(actor, access);
  const checkIn = await db.caseCheckIn.findFirst({ where: { id: checkInId, caseId }, select: { needsHelp: true, correctedBy: { select: { id: true } } } });
  if (!checkIn) throw new FieldError({ checkInId: 'field.check_in_unknown' });
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    // Serialise resolutions of one check-in: the case row is the lock.
    await tx.$executeRaw`SELECT 1 FROM "QuarantineCase" WHERE id = ${caseId}::uuid FOR UPDATE`;
    const resolved = await tx.caseEvent.count({ where: { checkInId, kind: 'help_resolved' } });
    if (!checkIn.needsHelp || checkIn.correctedBy || resolved) throw new ConflictError('quarantine.help_not_open');
    await addEvent(tx, caseId, actor, byName, { kind: 'help_resolved', checkInId, note });
    await recordAudit(tx, context, { action: 'quarantine.resolve_help', entity: 'CaseCheckIn', entityId: checkInId });
  });
  return getCaseFile(db, actor, caseId);
}
