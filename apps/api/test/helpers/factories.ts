import type { Role, SchoolKind } from '@campus/shared';
import type { Db } from '../../src/db/client.js';
import { idCheckCharacter } from '@campus/shared';
import { hashPassword } from '../../src/services/passwords.js';
import { classSortKey, nameKeys, numberSortKey } from '../../src/services/people/keys.js';

export const TEST_PASSWORD = 'campus2026';
let passwordHash: Promise<string> | undefined;
const testHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const next = () => (counter += 1);

export async function createSchool(db: Db, overrides: { code?: string; name?: string; kind?: SchoolKind; active?: boolean } = {}) {
  const n = next();
  return db.school.create({
    data: { code: overrides.code ?? `T${n}`, name: overrides.name ?? `测试学校${n}`, kind: overrides.kind ?? 'primary', active: overrides.active ?? true },
  });
}

export async function createUser(
  db: Db,
  overrides: { role: Role; schoolId?: string | null; username?: string; displayName?: string; mustChangePassword?: boolean; disabled?: boolean },
) {
  const n = next();
  return db.user.create({
    data: {
      username: overrides.username ?? `${overrides.role.replace('_', '')}${n}`,
      displayName: overrides.displayName ?? `用户${n}`,
      role: overrides.role,
      schoolId: overrides.schoolId ?? null,
      passwordHash: await testHash(),
      mustChangePassword: overrides.mustChangePassword ?? false,
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
}

export async function createSchoolClass(db: Db, overrides: { schoolId: string; grade?: number; name?: string; headTeacherId?: string | null }) {
  const n = next();
  return db.schoolClass.create({
    data: { schoolId: overrides.schoolId, grade: overrides.grade ?? 1, name: overrides.name ?? `${n}班`, headTeacherId: overrides.headTeacherId ?? null },
  });
}

/** A student on the roster, with a valid ID number and a guardian. */
export async function createPerson(db: Db, overrides: { schoolId: string; classId: string | null; name?: string; kind?: 'student' | 'staff' }) {
  const n = next();
  const name = overrides.name ?? `学生${n}`;
  const keys = nameKeys(name);
  const first17 = `500118${20100101 + (n % 28)}${String(n % 1000).padStart(3, '0')}`;
  return db.person.create({
    data: {
      schoolId: overrides.schoolId,
      classId: overrides.classId,
      kind: overrides.kind ?? 'student',
      name,
      idNumber: first17 + idCheckCharacter(first17),
      ...keys,
      sortClass: classSortKey(null, keys.sortName),
      sortNumber: numberSortKey(null),
      guardians: { create: { position: 0, name: `家长${n}`, relation: '母亲', phone: '13800001234' } },
    },
  });
}

/**
 * Two schools, each with a principal, two class teachers (each heading one
 * class with one student), a gate account; plus a centre admin and an observer. The shape the
 * scope tests need.
 */
export async function createTownship(db: Db) {
  const centre = await createUser(db, { role: 'centre_admin' });
  const observer = await createUser(db, { role: 'observer' });
  const schools = [];
  for (let index = 0; index < 2; index += 1) {
    const school = await createSchool(db);
    const principal = await createUser(db, { role: 'principal', schoolId: school.id });
    const teacher = await createUser(db, { role: 'class_teacher', schoolId: school.id });
    const otherTeacher = await createUser(db, { role: 'class_teacher', schoolId: school.id });
    const gate = await createUser(db, { role: 'gate_duty', schoolId: school.id });
    const schoolClass = await createSchoolClass(db, { schoolId: school.id, grade: 1, headTeacherId: teacher.id });
    const otherClass = await createSchoolClass(db, { schoolId: school.id, grade: 2, headTeacherId: otherTeacher.id });
    const student = await createPerson(db, { schoolId: school.id, classId: schoolClass.id });
    const otherStudent = await createPerson(db, { schoolId: school.id, classId: otherClass.id });
    schools.push({ school, principal, teacher, otherTeacher, gate, schoolClass, otherClass, student, otherStudent });
  }
  return { centre, observer, a: schools[0]!, b: schools[1]! };
}

/** Stock on a holder's ledger (schoolId null: the centre), as a receipt appended after what is there. */
export async function receiveStock(db: Db, options: { schoolId: string | null; itemCode: string; quantity: number; recordedById: string }) {
  const item = await db.supplyItem.findUniqueOrThrow({ where: { code: options.itemCode } });
  const last = await db.stockMovement.findFirst({ where: { schoolId: options.schoolId, itemId: item.id }, orderBy: { seq: 'desc' } });
  return db.stockMovement.create({
    data: {
      schoolId: options.schoolId,
      itemId: item.id,
      type: 'receipt',
      source: 'donation',
      quantity: options.quantity,
      balanceAfter: Number(last?.balanceAfter ?? 0) + options.quantity,
      occurredAt: new Date(),
      recordedById: options.recordedById,
      recordedByName: '测试',
    },
  });
}
