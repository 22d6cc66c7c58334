import { gradeLabel, maskPhone, type Capability, type GateAnswer, type GateEntry } from '@campus/shared';
import type { Db } from '../../db/client.js';
import { dayOfColumn } from '../../db/days.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { assertCanForSchool, type Actor } from '../scope.js';

// What every gate read and write shares: the school with its 封闭管理 switch, and the one writer of an entry's wire shape.

export async function gateSchool(db: Pick<Db, 'school'>, actor: Actor, action: Capability, schoolId: string) {
  assertCanForSchool(actor, action, schoolId);
  const school = await db.school.findFirst({ where: { id: schoolId, active: true }, select: { id: true, name: true, kind: true, gateClosed: true } });
  if (!school) throw new NotFoundError('School', schoolId);
  return school;
}

export const entryInclude = {
  person: { select: { schoolClass: { select: { grade: true, name: true } }, school: { select: { kind: true } } } },
} as const satisfies Prisma.GateEntryInclude;
export type EntryRow = Prisma.GateEntryGetPayload<{ include: typeof entryInclude }>;

/** The one writer of a gate entry's wire shape; lists mask the phone (`full` only for the audited export). */
export function gateEntryJson(row: EntryRow, options: { fullPhone?: boolean } = {}): GateEntry {
  const schoolClass = row.person?.schoolClass;
  return {
    id: row.id,
    schoolId: row.schoolId,
    day: dayOfColumn(row.day),
    kind: row.kind,
    name: row.name,
    phone: row.phone ? (options.fullPhone ? row.phone : maskPhone(row.phone)) : null,
    organisation: row.organisation,
    reason: row.reason,
    visiting: row.visiting,
    answers: row.answers as GateAnswer[],
    approved: row.approvalId !== null,
    classLabel: schoolClass ? `${gradeLabel(row.person!.school.kind, schoolClass.grade, 'zh-CN')}${schoolClass.name}` : null,
    temperature: Number(row.temperature),
    refusal: row.refusal,
    refusalDetail: row.refusalDetail,
    inAt: row.inAt.toISOString(),
    outAt: row.outAt?.toISOString() ?? null,
    followUpCreated: row.followUpId !== null,
    recordedByName: row.recordedByName,
  };
}
