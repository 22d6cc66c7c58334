/**
 * ID numbers held out of the actor's scope (issue 13). Whoever registers a
 * person, by hand or by import, with an ID number that someone they cannot
 * see already holds is told only "this number cannot be registered here"
 * (the same words wherever it is held), never that it exists or where. The
 * attempt is recorded here, so the centre can resolve the duplicate.
 */
import { maskIdNumber, type IdNumberConflict, type IdNumberConflictList, type IdNumberConflictSource } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { ConflictError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { actorName, assertCan, scope, type Actor } from './scope.js';

type Tx = Prisma.TransactionClient;

/** How an ID number already on the roster stands to the actor: on their roster, or held out of their scope. */
export type IdNumberHolder = { personId: string; visible: boolean };

/** Who holds each of `idNumbers` (other than `exceptPersonId`), and whether the actor can see them; one query each. */
export async function idNumberHolders(db: Db | Tx, actor: Actor, idNumbers: string[], exceptPersonId?: string): Promise<Map<string, IdNumberHolder>> {
  const holders = new Map<string, IdNumberHolder>();
  if (!idNumbers.length) return holders;
  const rows = await db.person.findMany({ where: { idNumber: { in: idNumbers }, NOT: exceptPersonId ? { id: exceptPersonId } : undefined }, select: { id: true, idNumber: true } });
  if (!rows.length) return holders;
  const visible = new Set((await db.person.findMany({ where: { AND: [{ id: { in: rows.map((row) => row.id) } }, scope.people(actor)] }, select: { id: true } })).map((row) => row.id));
  for (const row of rows) holders.set(row.idNumber!, { personId: row.id, visible: visible.has(row.id) });
  return holders;
}

/**
 * Records a refused attempt: one open conflict per trying school and holder,
 * its count and last attempt raised on each repeat (the partial unique index
 * settles two at once). Never the number: the holder carries it.
 */
export async function recordIdConflict(db: Db | Tx, actor: Actor, attempt: { schoolId: string; personId: string; source: IdNumberConflictSource }): Promise<void> {
  const byName = await actorName(db, actor);
  const at = new Date(); // UTC, as Prisma writes TIMESTAMP(3) columns
  await db.$executeRaw`
    INSERT INTO "IdNumberConflict" (id, "schoolId", "personId", "attemptedById", "attemptedByName", source, "firstAt", "lastAt")
    VALUES (gen_random_uuid(), ${attempt.schoolId}::uuid, ${attempt.personId}::uuid, ${actor.userId}::uuid, ${byName}, ${attempt.source}, ${at}::timestamp, ${at}::timestamp)
    ON CONFLICT ("schoolId", "personId") WHERE "resolvedAt" IS NULL
    DO UPDATE SET attempts = "IdNumberConflict".attempts + 1, "lastAt" = EXCLUDED."lastAt", "attemptedById" = EXCLUDED."attemptedById",
                  "attemptedByName" = EXCLUDED."attemptedByName", source = EXCLUDED.source`;
}

const include = {
  school: { select: { name: true } },
  person: { select: { name: true, idNumber: true, schoolId: true, school: { select: { name: true } } } },
} as const satisfies Prisma.IdNumberConflictInclude;

function toConflict(row: Prisma.IdNumberConflictGetPayload<{ include: typeof include }>): IdNumberConflict {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolName: row.school.name,
    attemptedByName: row.attemptedByName,
    source: row.source as IdNumberConflictSource,
    attempts: row.attempts,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    personId: row.personId,
    personName: row.person.name,
    existingSchoolId: row.person.schoolId,
    existingSchoolName: row.person.school.name,
    idNumber: row.person.idNumber ? maskIdNumber(row.person.idNumber) : '',
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedByName: row.resolvedByName,
  };
}

/** The centre's list: open conflicts, latest attempt first, then the 100 handled last. */
export async function listIdConflicts(db: Db, actor: Actor): Promise<IdNumberConflictList> {
  assertCan(actor, 'idConflicts.manage');
  const open = await db.idNumberConflict.findMany({ where: { resolvedAt: null }, include, orderBy: [{ lastAt: 'desc' }, { id: 'asc' }], take: 500 });
  const handled = await db.idNumberConflict.findMany({ where: { resolvedAt: { not: null } }, include, orderBy: [{ resolvedAt: 'desc' }, { id: 'asc' }], take: 100 });
  return { items: [...open, ...handled].map(toConflict) };
}

/** Marks a conflict handled (已处理): the centre has sorted the duplicate out with the schools. */
export async function resolveIdConflict(db: Db, actor: Actor, context: AuditContext, id: string): Promise<IdNumberConflict> {
  assertCan(actor, 'idConflicts.manage');
  const byName = await actorName(db, actor);
  const row = await db.$transaction(async (tx) => {
    const changed = await tx.idNumberConflict.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedByName: byName } });
    if (changed.count !== 1) {
      if (await tx.idNumberConflict.count({ where: { id } })) throw new ConflictError('conflict.id_conflict_resolved');
      throw new NotFoundError('IdNumberConflict', id);
    }
    await recordAudit(tx, context, { action: 'id_conflict.resolve', entity: 'IdNumberConflict', entityId: id });
    return tx.idNumberConflict.findUniqueOrThrow({ where: { id }, include });
  });
  return toConflict(row);
}
