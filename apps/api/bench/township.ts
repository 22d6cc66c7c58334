/**
 * The follow-up benchmark's township: 25 schools / 2,512 people with DAYS days
 * of history (~150,000 follow-up records) and filed class and school reports.
 */
import crypto from 'node:crypto';
import { addDays, dayInTimeZone } from '@campus/shared';
import type { Db } from '../src/db/client.js';
import { hashPassword } from '../src/services/passwords.js';
import { classSortKey, nameKeys, numberSortKey } from '../src/services/people/keys.js';
import { PASSWORD } from './common.js';

export const DAYS = 60;

export async function buildTownship(db: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  const schools = Array.from({ length: 25 }, (_, index) => ({ id: crypto.randomUUID(), code: `F${index + 1}`, name: `随访基准学校${index + 1}`, kind: 'primary' as const }));
  await db.school.createMany({ data: schools });
  const teachers = schools.flatMap((school, schoolIndex) =>
    Array.from({ length: 3 }, (_, index) => ({ id: crypto.randomUUID(), username: `t${schoolIndex + 1}-${index + 1}`, displayName: `老师${schoolIndex + 1}-${index + 1}`, role: 'class_teacher' as const, schoolId: school.id, passwordHash, mustChangePassword: false })),
  );
  await db.user.createMany({
    data: [
      ...teachers,
      ...schools.map((school, index) => ({ username: `p${index + 1}`, displayName: `校长${index + 1}`, role: 'principal' as const, schoolId: school.id, passwordHash, mustChangePassword: false })),
      { username: 'centre', displayName: '中心', role: 'centre_admin' as const, passwordHash, mustChangePassword: false },
    ],
  });
  const classes = teachers.map((teacher, index) => ({ id: crypto.randomUUID(), schoolId: teacher.schoolId, grade: 1 + (index % 3), name: '1班', headTeacherId: teacher.id }));
  await db.schoolClass.createMany({ data: classes });
  const people = [];
  for (const [index, schoolClass] of classes.entries()) {
    for (let seat = 0; seat < 33 + (index % 2); seat += 1) {
      const name = `学生${index}-${seat}`;
      const keys = nameKeys(name);
      people.push({ schoolId: schoolClass.schoolId, classId: schoolClass.id, kind: 'student' as const, name, ...keys, sortClass: classSortKey(schoolClass, keys.sortName), sortNumber: numberSortKey(null) });
    }
  }
  await db.person.createMany({ data: people });
  const today = dayInTimeZone(new Date(), 'Asia/Shanghai');
  const from = addDays(today, -DAYS);
  // History by SQL: every person, every past day; a few exceptions; class and school reports filed.
  await db.$executeRaw`
    INSERT INTO "FollowUp" (id, "personId", day, "schoolId", "classId", method, reached, symptoms, "isException", "recordedById", "recordedByName", "updatedAt")
    SELECT gen_random_uuid(), p.id, d::date, p."schoolId", p."classId", 'phone', true,
           CASE WHEN random() < 0.003 THEN ARRAY['fever'] ELSE ARRAY[]::text[] END, false, c."headTeacherId", '老师', now()
    FROM "Person" p JOIN "SchoolClass" c ON c.id = p."classId", generate_series(${from}::date, ${addDays(today, -1)}::date, interval '1 day') d`;
  await db.$executeRaw`UPDATE "FollowUp" SET "isException" = true WHERE cardinality(symptoms) > 0`;
  await db.$executeRaw`
    INSERT INTO "DailyReport" (id, level, day, "schoolId", "classId", "scopeKey", total, reached, unreached, exceptions, "inQuarantine", "outsideCity", "notStudying", kind, "filedById", "filedByName", late)
    SELECT gen_random_uuid(), 'class', f.day, f."schoolId", f."classId", f."classId"::text, count(*), count(*), 0, count(*) FILTER (WHERE f."isException"), 0, 0, 0,
           (CASE WHEN count(*) FILTER (WHERE f."isException") = 0 THEN 'zero' ELSE 'with_exceptions' END)::"ReportKind", min(f."recordedById"::text)::uuid, '老师', false
    FROM "FollowUp" f GROUP BY f.day, f."schoolId", f."classId"`;
  await db.$executeRaw`
    INSERT INTO "DailyReport" (id, level, day, "schoolId", "scopeKey", total, reached, unreached, exceptions, "inQuarantine", "outsideCity", "notStudying", kind, "filedById", "filedByName", late)
    SELECT gen_random_uuid(), 'school', r.day, r."schoolId", 'school:' || r."schoolId", sum(total), sum(reached), 0, sum(exceptions), 0, 0, 0, (CASE WHEN sum(exceptions) = 0 THEN 'zero' ELSE 'with_exceptions' END)::"ReportKind",
           (SELECT id FROM "User" WHERE role = 'centre_admin'), '校长', random() < 0.05
    FROM "DailyReport" r WHERE r.level = 'class' AND random() < 0.97 GROUP BY r.day, r."schoolId"`;
  await db.$executeRawUnsafe('ANALYZE');
  return { schools, classes, today, records: await db.followUp.count(), people: await db.person.count() };
}
