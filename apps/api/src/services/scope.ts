import { reachOf, type Capability, type Reach, type Role } from '@campus/shared';
import { Prisma } from '../generated/prisma/client.js';
import { ForbiddenError, NotFoundError } from '../lib/errors.js';

/** Who is asking: resolved once per request from the session. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  schoolId: string | null;
}

/**
 * The one place that decides what a caller may see (DESIGN: "Scope is
 * enforced on the server, in one place"). Every list and every single-record
 * read goes through these `where` fragments, so a record out of scope is
 * simply not found (404).
 *
 * centre_admin, observer: the whole township
 * principal, gate_duty:   their school
 * class_teacher:          their school's record, the classes they head
 */
export const scope = {
  schools(actor: Actor): Prisma.SchoolWhereInput {
    if (isTownship(actor)) return {};
    return { id: actor.schoolId ?? NONE };
  },

  classes(actor: Actor): Prisma.SchoolClassWhereInput {
    if (isTownship(actor)) return {};
    if (actor.role === 'class_teacher') return { headTeacherId: actor.userId, schoolId: actor.schoolId ?? NONE };
    return { schoolId: actor.schoolId ?? NONE };
  },

  /** Accounts: the centre sees all, a principal their school's, anyone else only themselves. */
  accounts(actor: Actor): Prisma.UserWhereInput {
    if (actor.role === 'centre_admin') return {};
    if (actor.role === 'principal') return { schoolId: actor.schoolId ?? NONE };
    return { id: actor.userId };
  },

  /**
   * The roster. Gate staff handle visitors and duty, not health records, so
   * the roster is closed to them (403); observers read masked lists.
   */
  people(actor: Actor): Prisma.PersonWhereInput {
    const rule = peopleRule(actor);
    if (!rule.schoolId) return {};
    return { schoolId: rule.schoolId, ...(rule.headTeacherId ? { schoolClass: { headTeacherId: rule.headTeacherId } } : {}) };
  },

  /** The same rule as `people`, as SQL over `"Person" p`, for the roster's hand-written hot queries. */
  peopleSql(actor: Actor): Prisma.Sql {
    const rule = peopleRule(actor);
    if (!rule.schoolId) return Prisma.sql`TRUE`;
    if (rule.headTeacherId) {
      return Prisma.sql`p."schoolId" = ${rule.schoolId}::uuid AND p."classId" IN (SELECT id FROM "SchoolClass" WHERE "headTeacherId" = ${rule.headTeacherId}::uuid)`;
    }
    return Prisma.sql`p."schoolId" = ${rule.schoolId}::uuid`;
  },

  /**
   * Supplies (stock, transfers, requests, targets): the centre and observers
   * see every holder; a principal and gate staff their own school; class
   * teachers have no supplies (403). The centre's own store (schoolId null)
   * is the township roles' only.
   */
  supplies(actor: Actor): { schoolId?: string } {
    if (isTownship(actor)) return {};
    if (actor.role === 'class_teacher') throw new ForbiddenError();
    return { schoolId: actor.schoolId ?? NONE };
  },

  /**
   * Quarantine cases (一人一案), as SQL over `"QuarantineCase" q`: the centre
   * and observers see every case, a principal their school's, and any staff
   * account on a case's team (专班) that case, whatever their class. Others in
   * the school see no case (their worklist still says who is in quarantine).
   */
  quarantineCasesSql(actor: Actor): Prisma.Sql {
    if (isTownship(actor)) return Prisma.sql`TRUE`;
    const team = Prisma.sql`EXISTS (SELECT 1 FROM "CaseTeamMember" t WHERE t."caseId" = q.id AND t."userId" = ${actor.userId}::uuid)`;
    if (actor.role === 'principal') return Prisma.sql`(q."schoolId" = ${actor.schoolId ?? NONE}::uuid OR ${team})`;
    return team;
  },

  auditLog(actor: Actor): Prisma.AuditLogWhereInput {
    if (actor.role === 'centre_admin') return {};
    throw new ForbiddenError();
  },
};

const NONE = '00000000-0000-0000-0000-000000000000';

function peopleRule(actor: Actor): { schoolId?: string; headTeacherId?: string } {
  if (isTownship(actor)) return {};
  if (actor.role === 'gate_duty') throw new ForbiddenError();
  if (actor.role === 'class_teacher') return { schoolId: actor.schoolId ?? NONE, headTeacherId: actor.userId };
  return { schoolId: actor.schoolId ?? NONE };
}

function isTownship(actor: Actor): boolean {
  return actor.role === 'centre_admin' || actor.role === 'observer';
}

/**
 * The permissions table's check (packages/shared/src/capabilities.ts): 403
 * unless the actor's role may do `action`; returns how far it reaches, for
 * the caller's scope filter.
 */
export function assertCan(actor: Actor, action: Capability): Reach {
  const reach = reachOf(actor.role, action);
  if (!reach) throw new ForbiddenError();
  return reach;
}

/**
 * `assertCan` for an action on one school's records: 403 for a role that may
 * not do it, 404 when the school is beyond the actor's reach (another school
 * reads as not found).
 */
export function assertCanForSchool(actor: Actor, action: Capability, schoolId: string): void {
  const reach = assertCan(actor, action);
  if (reach !== 'township' && actor.schoolId !== schoolId) throw new NotFoundError('School', schoolId);
}

/**
 * `assertCanForSchool`, then the school itself: an active school in reach, or
 * 404. The one lookup of "the school this record is for".
 */
export async function activeSchoolFor(db: Pick<Prisma.TransactionClient, 'school'>, actor: Actor, action: Capability, schoolId: string): Promise<{ id: string; name: string }> {
  assertCanForSchool(actor, action, schoolId);
  const school = await db.school.findFirst({ where: { id: schoolId, active: true }, select: { id: true, name: true } });
  if (!school) throw new NotFoundError('School', schoolId);
  return school;
}

/** The actor's display name, as histories and reports show who did what. */
export async function actorName(db: Pick<Prisma.TransactionClient, 'user'>, actor: Actor): Promise<string> {
  return (await db.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }))?.displayName ?? actor.username;
}
