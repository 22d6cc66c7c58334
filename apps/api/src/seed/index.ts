/**
 * The demo township and first-start setup, in one place so later issues
 * extend it (roster, follow-ups, cases, supplies each add a section here).
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { generateOneTimePassword, hashPassword, verifyPassword } from '../services/passwords.js';
import { chineseName, seededRandom } from './names.js';
import { seedDemoFollowUps } from './follow-ups.js';
import { seedDemoPeople } from './people.js';
import { seedDemoSupplies } from './supplies.js';
import { seedDemoQuarantine } from './quarantine.js';
import { seedDemoDuty } from './duty.js';
import { seedDemoGate } from './gate.js';
import { DISINFECTION_DAYS, logDemoDisinfection, planDemoDisinfection } from './disinfection.js';
import { CENTRE_NAME, DEMO_PASSWORD, DEMO_SCHOOLS, gradesOf } from './township.js';

export { CENTRE_NAME, DEMO_PASSWORD, DEMO_SCHOOLS } from './township.js';

export type SeedResult = { kind: 'existing' } | { kind: 'demo'; schools: number; classes: number; accounts: number; people: number; followUps: number } | { kind: 'empty'; centrePassword: string };

/**
 * On an empty database: the demo township when `demo` is true, otherwise an
 * empty township with one `centre` account whose one-time password is
 * returned (to be printed once) and must be changed at first sign-in.
 * On a database that already has a centre it does nothing, except finish a
 * demo township whose duty step (after the township's commit: its pictures are
 * files) was cut short by a killed process.
 */
export async function seedIfEmpty(db: PrismaClient, options: { demo: boolean; uploadsDir: string }): Promise<SeedResult> {
  if (await db.centre.findUnique({ where: { id: 1 } })) {
    if (options.demo && (await db.user.findUnique({ where: { username: 'gate01' }, select: { id: true } })) && !(await db.dutyAssignment.findFirst({ select: { id: true } }))) {
      await seedDemoDuty(db, options.uploadsDir, 'Asia/Shanghai');
    }
    return { kind: 'existing' };
  }
  if (!options.demo) {
    const centrePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(centrePassword);
    await db.$transaction([
      db.centre.create({ data: { id: 1, name: '教管中心' } }),
      db.user.create({ data: { username: 'centre', displayName: '教管中心管理员', role: 'centre_admin', passwordHash, mustChangePassword: true } }),
    ]);
    return { kind: 'empty', centrePassword };
  }
  return seedDemoTownship(db, options.uploadsDir);
}

/**
 * Active accounts that still share the published demo password: the seed gives
 * every demo account one hash, and a changed password gets a hash of its own
 * (a fresh salt), so the shared hash finds them with one verify.
 */
export async function accountsWithDemoPassword(db: PrismaClient): Promise<number> {
  const shared = await db.user.groupBy({ by: ['passwordHash'], where: { disabledAt: null }, _count: { _all: true }, orderBy: { _count: { passwordHash: 'desc' } }, take: 1 });
  const top = shared[0];
  if (!top || !(await verifyPassword(top.passwordHash, DEMO_PASSWORD))) return 0;
  return top._count._all;
}

export async function seedDemoTownship(db: PrismaClient, uploadsDir: string): Promise<SeedResult & { kind: 'demo' }> {
  const random = seededRandom(2020);
  // One hash for every demo account: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let classes = 0;
  let accounts = 0;
  let people = 0;
  let followUps = 0;
  const seeded: Parameters<typeof seedDemoPeople>[1] = [];
  await db.$transaction(
    async (tx) => {
      await tx.centre.create({ data: { id: 1, name: CENTRE_NAME } });
      await tx.user.createMany({
        data: [
          { username: 'centre', displayName: '徐杰', role: 'centre_admin', passwordHash, mustChangePassword: false },
          { username: 'observer', displayName: '镇卫生院观察员', role: 'observer', passwordHash, mustChangePassword: false },
        ],
      });
      accounts += 2;
      for (const [index, demo] of DEMO_SCHOOLS.entries()) {
        const number = String(index + 1).padStart(2, '0');
        const school = await tx.school.create({ data: { code: demo.code, name: demo.name, kind: demo.kind } });
        const teacherNames: string[] = [];
        const classRows: { grade: number; name: string }[] = [];
        for (const grade of gradesOf(demo.kind)) {
          for (let section = 1; section <= demo.classesPerGrade; section += 1) {
            classRows.push({ grade, name: `${section}班` });
            teacherNames.push(chineseName(random));
          }
        }
        await tx.user.createMany({
          data: [
            { username: `principal${number}`, displayName: chineseName(random), role: 'principal', schoolId: school.id, passwordHash, mustChangePassword: false },
            { username: `gate${number}`, displayName: chineseName(random), role: 'gate_duty', schoolId: school.id, passwordHash, mustChangePassword: false },
            ...teacherNames.map((displayName, position) => ({
              // teacherNN heads the school's first class; the other head teachers are tNN-KK.
              username: position === 0 ? `teacher${number}` : `t${number}-${String(position + 1).padStart(2, '0')}`,
              displayName,
              role: 'class_teacher' as const,
              schoolId: school.id,
              passwordHash,
              mustChangePassword: false,
            })),
          ],
        });
        const teachers = await tx.user.findMany({ where: { schoolId: school.id, role: 'class_teacher' }, select: { id: true, username: true } });
        const teacherIdByPosition = (position: number) =>
          teachers.find((teacher) => teacher.username === (position === 0 ? `teacher${number}` : `t${number}-${String(position + 1).padStart(2, '0')}`))!.id;
        await tx.schoolClass.createMany({
          data: classRows.map((row, position) => ({ schoolId: school.id, grade: row.grade, name: row.name, headTeacherId: teacherIdByPosition(position) })),
        });
        classes += classRows.length;
        accounts += 2 + teacherNames.length;
        const classList = await tx.schoolClass.findMany({ where: { schoolId: school.id }, select: { id: true, grade: true, name: true }, orderBy: [{ grade: 'asc' }, { name: 'asc' }] });
        seeded.push({ id: school.id, code: demo.code, kind: demo.kind, classesPerGrade: demo.classesPerGrade, classes: classList });
      }
      people = await seedDemoPeople(tx, seeded);
      // Before the follow-ups: their reports count "in quarantine" from the open cases.
      await seedDemoQuarantine(tx, 'Asia/Shanghai');
      followUps = await seedDemoFollowUps(tx, 'Asia/Shanghai');
      // The disinfection log's rounds are the last two weeks' disinfectant use on the ledger.
      const disinfection = await planDemoDisinfection(tx, 'Asia/Shanghai');
      const booked = await seedDemoSupplies(tx, 'Asia/Shanghai', { uses: disinfection.uses, usesFrom: -DISINFECTION_DAYS });
      await logDemoDisinfection(tx, disinfection.rounds, booked);
      await seedDemoGate(tx, 'Asia/Shanghai');
    },
    { timeout: 60_000 },
  );
  // After the township's commit: the duty reports' pictures are files as well as rows.
  await seedDemoDuty(db, uploadsDir, 'Asia/Shanghai');
  return { kind: 'demo', schools: DEMO_SCHOOLS.length, classes, accounts, people, followUps };
}
