/**
 * pnpm bench:learning — prints the remote-learning figures (issue 17) at 20
 * concurrent users: a class's study picture of today (target p95 < 100 ms),
 * a school's figures with its classes (< 100 ms), the township's figures for
 * 60 days (< 150 ms) on a township of 25 schools / 2,500 students, and the
 * same for 100,000 students (250 schools; < 500 ms; BENCH_SCALE=township
 * skips it). Every student has a call on each of the 60 days (studied online,
 * paper, TV, partly, or not with a reason), class reports are filed, and
 * today's calls are half done. A benchmark, not a test: it prints figures
 * against the targets.
 */
import { pathToFileURL } from 'node:url';
import { addDays, dayInTimeZone } from '@campus/shared';
import type { Db } from '../src/db/client.js';
import { hashPassword } from '../src/services/passwords.js';
import { fmt, fmtCpu, load, PASSWORD, serve, signIn, startDatabase, type RequestSpec } from './common.js';

const DAYS = 60;
const CLASSES_PER_SCHOOL = 10;

/** Schools × classes × students by SQL, DAYS days of calls with study answers, and the class reports of the past days. */
export async function buildDistrict(db: Db, schools: number, studentsPerClass: number) {
  const passwordHash = await hashPassword(PASSWORD);
  await db.$executeRaw`
    INSERT INTO "School" (id, code, name, kind, "updatedAt")
    SELECT gen_random_uuid(), 'L' || lpad(g::text, 4, '0'), '学习基准学校' || g, 'primary', now() FROM generate_series(1, ${schools}::int) g`;
  await db.$executeRaw`
    INSERT INTO "User" (id, username, "displayName", role, "schoolId", "passwordHash", "mustChangePassword", "updatedAt")
    SELECT gen_random_uuid(), 't' || s.code || '-' || g, '老师' || g, 'class_teacher', s.id, ${passwordHash}, false, now() FROM "School" s, generate_series(1, ${CLASSES_PER_SCHOOL}::int) g`;
  await db.$executeRaw`
    INSERT INTO "SchoolClass" (id, "schoolId", grade, name, "headTeacherId", "updatedAt")
    SELECT gen_random_uuid(), u."schoolId", 1 + (split_part(u.username, '-', 2)::int - 1) % 6, split_part(u.username, '-', 2) || '班', u.id, now() FROM "User" u WHERE u.role = 'class_teacher'`;
  const first = await db.school.findFirstOrThrow({ orderBy: { code: 'asc' } });
  await db.user.createMany({
    data: [
      { username: 'p1', displayName: '校长', role: 'principal', schoolId: first.id, passwordHash, mustChangePassword: false },
      { username: 'centre', displayName: '中心', role: 'centre_admin', passwordHash, mustChangePassword: false },
    ],
  });
  await db.$executeRaw`
    INSERT INTO "Person" (id, "schoolId", "classId", kind, name, "deviceAccess", "leftBehind", "searchText", "sortName", "sortClass", "sortNumber", "updatedAt")
    SELECT gen_random_uuid(), c."schoolId", c.id, 'student', '学生' || g,
           (ARRAY['smartphone', 'smartphone', 'smartphone', 'smartphone', 'smartphone', 'smartphone', 'tablet', 'computer', 'tv_only', 'none'])[1 + floor(random() * 10)::int]::"DeviceAccess",
           random() < 0.2, 'x', 'x', 'x', 'x', now()
    FROM "SchoolClass" c, generate_series(1, ${studentsPerClass}::int) g`;
  const today = dayInTimeZone(new Date(), 'Asia/Shanghai');
  // The trigger's per-row counting is skipped for the bulk history; the day counts are then written as it would have (same filters).
  await db.$executeRawUnsafe('ALTER TABLE "FollowUp" DISABLE TRIGGER follow_up_study_day_count');
  await db.$executeRaw`
    INSERT INTO "FollowUp" (id, "personId", day, "schoolId", "classId", method, reached, symptoms, "studiedOnline", "studyMode", "notStudyingReason", "isException", "recordedById", "recordedByName", "updatedAt")
    SELECT gen_random_uuid(), x.id, x.day, x."schoolId", x."classId", 'phone', true, ARRAY[]::text[],
           x.status::"StudyStatus", CASE WHEN x.status <> 'no' THEN x.mode END::"StudyMode", CASE WHEN x.status = 'no' THEN x.reason END::"NotStudyingReason", false, x."headTeacherId", '老师', now()
    FROM (
      SELECT p.id, d::date AS day, p."schoolId", p."classId", c."headTeacherId",
             CASE WHEN r < 0.82 THEN 'yes' WHEN r < 0.9 THEN 'partly' ELSE 'no' END AS status,
             CASE p."deviceAccess" WHEN 'tv_only' THEN 'tv' WHEN 'none' THEN 'paper' ELSE 'online' END AS mode,
             (ARRAY['ill', 'no_device', 'no_network', 'no_supervision', 'other'])[1 + floor(random() * 5)::int] AS reason
      FROM "Person" p JOIN "SchoolClass" c ON c.id = p."classId",
           generate_series(${addDays(today, -(DAYS - 1))}::date, ${today}::date, interval '1 day') d, LATERAL (SELECT random() AS r) rr
      WHERE d::date < ${today}::date OR random() < 0.5
    ) x`;
  await db.$executeRawUnsafe('ALTER TABLE "FollowUp" ENABLE TRIGGER follow_up_study_day_count');
  await db.$executeRaw`
    INSERT INTO "StudyDayCount" ("schoolId", day, recorded, reached, "studyingOnline", "studyingPaper", "studyingTv", "studyPartly", "notStudying", "notIll", "notNoDevice", "notNoNetwork", "notNoSupervision", "notOther", "notUnspecified")
    SELECT f."schoolId", f.day, count(*), count(*) FILTER (WHERE f.reached),
           count(*) FILTER (WHERE f."studiedOnline" IN ('yes', 'partly') AND COALESCE(f."studyMode", 'online') = 'online'),
           count(*) FILTER (WHERE f."studiedOnline" IN ('yes', 'partly') AND f."studyMode" = 'paper'),
           count(*) FILTER (WHERE f."studiedOnline" IN ('yes', 'partly') AND f."studyMode" = 'tv'),
           count(*) FILTER (WHERE f."studiedOnline" = 'partly'), count(*) FILTER (WHERE f."studiedOnline" = 'no'),
           count(*) FILTER (WHERE f."notStudyingReason" = 'ill'), count(*) FILTER (WHERE f."notStudyingReason" = 'no_device'),
           count(*) FILTER (WHERE f."notStudyingReason" = 'no_network'), count(*) FILTER (WHERE f."notStudyingReason" = 'no_supervision'),
           count(*) FILTER (WHERE f."notStudyingReason" = 'other'), count(*) FILTER (WHERE f."studiedOnline" = 'no' AND f."notStudyingReason" IS NULL)
    FROM "FollowUp" f GROUP BY f."schoolId", f.day`;
  await db.$executeRaw`
    INSERT INTO "DailyReport" (id, level, day, "schoolId", "classId", "scopeKey", total, reached, unreached, exceptions, "inQuarantine", "outsideCity", "notStudying", kind, "filedById", "filedByName", late)
    SELECT gen_random_uuid(), 'class', f.day, f."schoolId", f."classId", f."classId"::text, count(*), count(*), 0, 0, 0, 0, count(*) FILTER (WHERE f."studiedOnline" = 'no'),
           'zero', min(f."recordedById"::text)::uuid, '老师', false
    FROM "FollowUp" f WHERE f.day < ${today}::date AND abs(hashtext(f."classId"::text || f.day::text)) % 20 <> 0 GROUP BY f.day, f."schoolId", f."classId"`;
  // As autovacuum would leave it after a while: statistics and the visibility map (index-only scans).
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  const firstClass = await db.schoolClass.findFirstOrThrow({ where: { schoolId: first.id }, orderBy: { grade: 'asc' }, include: { headTeacher: true } });
  return { today, schoolId: first.id, classId: firstClass.id, teacher: firstClass.headTeacher!.username, records: await db.followUp.count(), students: await db.person.count() };
}

type Plan = [label: string, url: (ids: { classId: string; schoolId: string; today: string }) => string, who: 'teacher' | 'principal' | 'centre', target: string];

async function scenario(name: string, schools: number, studentsPerClass: number, plans: Plan[]) {
  const postgres = await startDatabase();
  try {
    const { db } = await postgres.database(name);
    const started = performance.now();
    const built = await buildDistrict(db, schools, studentsPerClass);
    console.log(
      `\n${schools} schools × ${CLASSES_PER_SCHOOL} classes, ${built.students.toLocaleString()} students, ${built.records.toLocaleString()} calls over ${DAYS} days (built in ${((performance.now() - started) / 1000).toFixed(1)} s); 20 concurrent users × 20 requests`,
    );
    const { app, base } = await serve(db);
    const cookies = { teacher: await signIn(base, built.teacher), principal: await signIn(base, 'p1'), centre: await signIn(base, 'centre') };
    for (const [label, url, who, target] of plans) {
      const spec: RequestSpec = { url: `${base}${url(built)}`, init: { method: 'GET', headers: { cookie: cookies[who] } } };
      await load(4, 3, spec);
      const result = await load(20, 20, spec);
      console.log(
        `  ${label.padEnd(46)} p50 ${fmt(result.p50).padStart(9)}  p95 ${fmt(result.p95).padStart(9)}  ${result.perSecond.toFixed(0).padStart(4)} req/s  ${fmtCpu(result.cpu)}  errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.statuses)}` : ''}   [${target}]`,
      );
    }
    await app.close();
    await db.$disconnect();
  } finally {
    await postgres.stop();
  }
}

async function main() {
  const township = `/api/learning/township`;
  await scenario('learning_township', 25, 10, [
    ['reference: GET /api/health', () => '/api/health', 'centre', 'the floor on this machine'],
    ['a class’s study picture, today (teacher)', ({ classId }) => `/api/learning/class?classId=${classId}`, 'teacher', 'target p95 < 100 ms'],
    ['the school’s figures with its classes (principal)', ({ schoolId }) => `/api/learning/school?schoolId=${schoolId}`, 'principal', 'target p95 < 100 ms'],
    ['the township’s figures, 60 days (centre)', () => township, 'centre', 'target p95 < 150 ms'],
  ]);
  if (process.env.BENCH_SCALE === 'township') return;
  await scenario('learning_district', 250, 40, [
    ['reference: GET /api/health', () => '/api/health', 'centre', 'the floor on this machine'],
    ['a class’s study picture, today (teacher)', ({ classId }) => `/api/learning/class?classId=${classId}`, 'teacher', ''],
    ['the school’s figures with its classes (principal)', ({ schoolId }) => `/api/learning/school?schoolId=${schoolId}`, 'principal', ''],
    ['the figures for 100,000 students, 60 days (centre)', () => township, 'centre', 'target p95 < 500 ms'],
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
