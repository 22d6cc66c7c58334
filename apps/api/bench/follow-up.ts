/**
 * pnpm bench:follow-up — prints the daily follow-up figures (issue 4) on a
 * township of 25 schools / 2,500 people with 60 days of history (~150,000
 * follow-up records), at 50 concurrent users: loading "today" for a class,
 * saving a record, the school view, the centre grid, and the export.
 * A benchmark, not a test: it prints figures against the targets.
 */
import { addDays } from '@campus/shared';
import { fmt, fmtCpu, load, serve, signIn, startDatabase, type RequestSpec } from './common.js';
import { buildTownship, DAYS } from './township.js';

const USERS = 50;
const PER_USER = 20;

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
    // The floor on this machine: a request that only resolves its session and asks the database for nothing.
    const reference: [string, RequestSpec, string] = ['reference: GET /api/health', get('/api/health', teacherCookie), 'no service work: the floor'];
    console.log(`\n${USERS} concurrent users × ${PER_USER} requests each; then one user alone (50 requests in a row)`);
    for (const [name, spec, target] of [reference, ...scenarios]) {
      await load(5, 4, spec);
      const result = await load(USERS, PER_USER, spec);
      const alone = await load(1, 50, spec);
      console.log(
        `  ${name.padEnd(30)} p50 ${fmt(result.p50).padStart(10)}  p95 ${fmt(result.p95).padStart(10)}  errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.statuses)}` : ''}  ${result.perSecond.toFixed(0).padStart(4)} req/s  ${fmtCpu(result.cpu)} | alone p50 ${fmt(alone.p50)}   [target: ${target}]`,
      );
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
