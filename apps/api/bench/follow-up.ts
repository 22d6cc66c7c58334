/**
 * pnpm bench:follow-up — prints the daily follow-up figures (issue 4) on a
 * township of 25 schools / 2,500 people with 60 days of history (~150,000
 * follow-up records), at 50 concurrent users: loading "today" for a class,
 * saving a record, the school view, the centre grid, and the export.
 * A benchmark, not a test: it prints figures against the targets.
 */
import crypto from 'node:crypto';
import { addDays, dayInTimeZone } from '@campus/shared';
import type { Db } from '../src/db/client.js';
import { hashPassword } from '../src/services/passwords.js';
import { classSortKey, nameKeys, numberSortKey } from '../src/services/people/keys.js';
import { fmt, load, PASSWORD, serve, signIn, startDatabase, type RequestSpec } from './common.js';

const USERS = 50;
const PER_USER = 20;
const DAYS = 60;

async function buildTownship(db: Db) {
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
    INSERT INTO "DailyReport" (id, level, day, "schoolId", "classId", "scopeKey", total, reached, unreached, exceptions, "inQuarantine", "outsideCity", "notStudying", "isZero", "filedById", "filedByName", late)
    SELECT gen_random_uuid(), 'class', f.day, f."schoolId", f."classId", f."classId"::text, count(*), count(*), 0, count(*) FILTER (WHERE f."isException"), 0, 0, 0,
           count(*) FILTER (WHERE f."isException") = 0, min(f."recordedById"::text)::uuid, '老师', false
    FROM "FollowUp" f GROUP BY f.day, f."schoolId", f."classId"`;
  await db.$executeRaw`
    INSERT INTO "DailyReport" (id, level, day, "schoolId", "scopeKey", total, reached, unreached, exceptions, "inQuarantine", "outsideCity", "notStudying", "isZero", "filedById", "filedByName", late)
    SELECT gen_random_uuid(), 'school', r.day, r."schoolId", 'school:' || r."schoolId", sum(total), sum(reached), 0, sum(exceptions), 0, 0, 0, sum(exceptions) = 0,
           (SELECT id FROM "User" WHERE role = 'centre_admin'), '校长', random() < 0.05
    FROM "DailyReport" r WHERE r.level = 'class' AND random() < 0.97 GROUP BY r.day, r."schoolId"`;
  await db.$executeRawUnsafe('ANALYZE');
  return { schools, classes, today, records: await db.followUp.count(), people: await db.person.count() };
}

async function main() {
  const postgres = await startDatabase();
  try {
    const { db } = await postgres.database('followups');
    const started = performance.now();
    const town = await buildTownship(db);
    console.log(`Township: 25 schools, ${town.people.toLocaleString()} people, ${town.records.toLocaleString()} follow-up records over ${DAYS} days (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const { app, base } = await serve(db);
    const teacherCookie = await signIn(base, 't1-1');
    const principalCookie = await signIn(base, 'p1');
    const centreCookie = await signIn(base, 'centre');
    const classId = town.classes[0]!.id;
    // The first school's three classes, recorded by the principal: ~100 people, so concurrent saves rarely hit the same person.
    const students = await db.person.findMany({ where: { schoolId: town.schools[0]!.id }, select: { id: true } });

    const get = (url: string, cookie: string): RequestSpec => ({ url: `${base}${url}`, init: { method: 'GET', headers: { cookie } } });
    const saves: RequestSpec[] = [36.4, 36.6].flatMap((temperature) =>
      students.map((student, index) => ({
        url: `${base}/api/follow-ups/${student.id}/${town.today}`,
        init: { method: 'PUT', headers: { cookie: principalCookie, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'phone', reached: true, temperature: temperature + (index % 3) / 10, symptoms: [] }) },
      })),
    );
    const scenarios: [string, RequestSpec | RequestSpec[], string][] = [
      ['today for a class (teacher)', get(`/api/follow-ups/worklist?classId=${classId}`, teacherCookie), 'read p95 < 100 ms'],
      ['save a record (principal)', saves, 'write p95 < 150 ms'],
      ['school view (principal)', get(`/api/daily-reports/school-day?schoolId=${town.schools[0]!.id}`, principalCookie), 'read p95 < 100 ms'],
      ['centre grid, 14 days', get('/api/daily-reports/grid?days=14', centreCookie), 'p95 < 200 ms'],
    ];
    console.log(`\n${USERS} concurrent users × ${PER_USER} requests each`);
    for (const [name, spec, target] of scenarios) {
      await load(5, 4, spec);
      const result = await load(USERS, PER_USER, spec);
      console.log(`  ${name.padEnd(30)} p50 ${fmt(result.p50).padStart(10)}  p95 ${fmt(result.p95).padStart(10)}  errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.statuses)}` : ''}   [target: ${target}]`);
    }
    const exportStarted = performance.now();
    const exported = await fetch(`${base}/api/daily-reports/export?day=${addDays(town.today, -1)}`, { headers: { cookie: centreCookie } });
    const bytes = (await exported.arrayBuffer()).byteLength;
    console.log(`  export of yesterday's report (.xlsx, ${(bytes / 1024).toFixed(0)} KiB, status ${exported.status}): ${fmt(performance.now() - exportStarted)}   [target < 3 s]`);
    await app.close();
    await db.$disconnect();
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
