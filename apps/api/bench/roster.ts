/**
 * pnpm bench:roster — prints the roster's figures (issue 3):
 *   import of a 2,500-row .xlsx end to end (parse + check + commit) and its memory,
 *   export of 2,500 rows,
 *   roster list p50/p95 at 20 concurrent users (first page, deep page, filtered, searched)
 *   at township scale (25 schools / 2,500 people) and district scale (100,000 people).
 * A benchmark, not a test: it prints figures against the targets and asserts nothing.
 * BENCH_SCALE=township or BENCH_SCALE=district runs only that scale.
 * BENCH_SQL='CREATE INDEX …; CREATE INDEX …' runs those statements on each
 * database after loading it, to measure an index before it becomes a migration.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../src/db/client.js';
import { chineseName, seededRandom } from '../src/seed/names.js';
import { createAccount, fmt, fmtCpu, load, serve, signIn, startDatabase, type RequestSpec } from './common.js';
import { createPeople, createSchools, uniqueIdNumber } from './roster-data.js';

const USERS = 20;

/** BENCH_SQL, split into statements, run on a freshly loaded database before ANALYZE. */
async function extraSql(db: Db) {
  for (const statement of (process.env.BENCH_SQL ?? '').split(';').map((part) => part.trim()).filter(Boolean)) {
    console.log(`  BENCH_SQL: ${statement}`);
    await db.$executeRawUnsafe(statement);
  }
}
// 1,000 requests a scenario, after 100 to warm up: a p95 over fewer samples moved by 10 ms from run to run on this shared machine.
const PER_USER = 50;

async function rosterLatency(label: string, base: string, cookie: string, db: Db) {
  const spec = (body: object): RequestSpec => ({ url: `${base}/api/people/search`, init: { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) } });
  const post = (body: object) => () => fetch(spec(body).url, spec(body).init);
  // A deep cursor: walk to ~90 % of the roster once.
  const total = await db.person.count({ where: { status: 'active' } });
  let cursor: string | undefined;
  for (let seen = 0; seen < total * 0.9; seen += 200) {
    const page = (await (await post({ limit: 200, ...(cursor ? { cursor } : {}) })()).json()) as { nextCursor: string | null };
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const quarantine = await db.censusCategory.findUniqueOrThrow({ where: { code: 'home_quarantine' } });
  const sample = await db.person.findFirstOrThrow({ select: { name: true } });
  const scenarios: [string, RequestSpec][] = [
    ['first page', spec({ limit: 50 })],
    [`deep page (~${Math.round(total * 0.9).toLocaleString()} rows in)`, spec({ limit: 50, cursor })],
    ['filtered (category + left-behind)', spec({ limit: 50, categoryId: quarantine.id, leftBehind: false })],
    ['searched (name)', spec({ limit: 50, q: sample.name.slice(0, 2) })],
    ['searched (pinyin initials)', spec({ limit: 50, q: 'wx' })],
  ];
  console.log(`\n${label}: roster list, ${USERS} concurrent users × ${PER_USER} requests`);
  for (const [name, request] of scenarios) {
    await load(USERS, 5, request); // warm up
    const result = await load(USERS, PER_USER, request);
    console.log(`  ${name.padEnd(42)} p50 ${fmt(result.p50).padStart(10)}  p95 ${fmt(result.p95).padStart(10)}  errors ${result.errors}  ${result.perSecond.toFixed(0).padStart(4)} req/s  ${fmtCpu(result.cpu)}`);
  }
}

async function importFile(rows: number, className: string) {
  const random = seededRandom(7);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(['姓名', '性别', '身份证号', '班级', '学号', '监护人', '关系', '联系电话', '家庭住址', '留守儿童', '学习设备']);
  for (let index = 0; index < rows; index += 1) {
    const male = random() < 0.5;
    sheet.addRow([chineseName(random), male ? '男' : '女', uniqueIdNumber(index, '500117'), className, `I${index + 1}`, chineseName(random), '母亲', `139${String(10_000_000 + index).padStart(8, '0')}`, '义和镇新桥村', index % 5 ? '否' : '是', '智能手机']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main() {
  const postgres = await startDatabase();
  try {
    if (process.env.BENCH_SCALE !== 'district') await townshipScale(postgres);
    if (process.env.BENCH_SCALE !== 'township') await districtScale(postgres);
    console.log('\nTargets: roster pages p95 < 50 ms at township scale, < 150 ms at district scale.');
  } finally {
    await postgres.stop();
  }
}

type Postgres = Awaited<ReturnType<typeof startDatabase>>;

/**
 * The server as it is some minutes after loading, when the list latency is
 * measured: the database vacuumed and analysed as autovacuum leaves it (GIN
 * pending lists merged, visibility map set) and checkpointed, and the
 * process's garbage from loading and importing collected, so that neither
 * runs beside the reads being measured. (Most runs still show one stall of
 * some 30–45 requests at once, usually in the centre's filtered scenario;
 * its cause is not found yet.)
 */
async function settle(db: Db) {
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  await db.$executeRawUnsafe('CHECKPOINT');
  global.gc?.();
}

/** A database with `schools` schools of `perSchool` people, the centre's account and one principal's, settled as autovacuum leaves it. */
async function loadRoster(postgres: Postgres, name: string, schoolCount: number, perSchool: number, classesPer: number, principal: string) {
  const { db } = await postgres.database(name);
  const schools = await createSchools(db, schoolCount, 6);
  const people = await createPeople(db, schools, perSchool, classesPer);
  await createAccount(db, 'centre', 'centre_admin', null);
  await createAccount(db, principal, 'principal', schools[0]!.id);
  await extraSql(db);
  await settle(db);
  return { db, schools, people };
}

async function townshipScale(postgres: Postgres) {
  // ---------- township: 25 schools / 2,500 people ----------
  const township = await loadRoster(postgres, 'township', 25, 100, 1, 'importer');
  const { schools, people } = township;
  const { app, base } = await serve(township.db);
  console.log(`Township: ${schools.length} schools, ${people.toLocaleString()} people`);

  // Import of 2,500 rows into a new empty school, end to end over HTTP.
  const target = (await createSchools(township.db, 1, 1, 'IMPORT'))[0]!;
  await township.db.user.update({ where: { username: 'importer' }, data: { schoolId: target.id } });
  const file = await importFile(2500, '一年级1班');
  const cookie = await signIn(base, 'importer');
  const form = (checksum?: string) => {
    const data = new FormData();
    data.set('schoolId', target.id);
    if (checksum) data.set('checksum', checksum);
    data.set('file', new Blob([file]), 'roster-2500.xlsx');
    return data;
  };
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const check = (await (await fetch(`${base}/api/people/import/check`, { method: 'POST', headers: { cookie }, body: form() })).json()) as { checksum: string; counts: Record<string, number> };
  const checked = performance.now();
  const result = await (await fetch(`${base}/api/people/import/commit`, { method: 'POST', headers: { cookie }, body: form(check.checksum) })).json();
  const finished = performance.now();
  clearInterval(sampler);
  console.log(`\nImport of a 2,500-row .xlsx (${(file.length / 1024).toFixed(0)} KiB): check ${fmt(checked - started)}, commit (re-check + write) ${fmt(finished - checked)}, end to end ${fmt(finished - started)}  [target < 5 s]`);
  console.log(`  result ${JSON.stringify(result)}; process RSS grew by at most ${((peakRss - rssBefore) / 1048576).toFixed(1)} MiB during the import`);

  const centreCookie = await signIn(base, 'centre');
  const exportStarted = performance.now();
  const exported = await fetch(`${base}/api/people/export`, { method: 'POST', headers: { cookie: centreCookie, 'content-type': 'application/json' }, body: JSON.stringify({ schoolId: target.id }) });
  const bytes = (await exported.arrayBuffer()).byteLength;
  console.log(`Export of 2,500 rows: ${fmt(performance.now() - exportStarted)} (${(bytes / 1024).toFixed(0)} KiB)`);

  await settle(township.db); // the import's rows too
  await rosterLatency('Township (2,500 + 2,500 imported people), principal of one school', base, await signIn(base, 'importer'), township.db);
  await rosterLatency('Township, centre across all schools', base, centreCookie, township.db);
  await app.close();
  await township.db.$disconnect();

}

async function districtScale(postgres: Postgres) {
  // ---------- district: 100,000 people ----------
  const districtStarted = performance.now();
  const district = await loadRoster(postgres, 'district', 2500, 40, 2, 'principal');
  const { schools: districtSchools, people: districtPeople } = district;
  console.log(`\nDistrict: ${districtSchools.length.toLocaleString()} schools, ${districtPeople.toLocaleString()} people (built in ${((performance.now() - districtStarted) / 1000).toFixed(1)} s)`);
  const districtServer = await serve(district.db);
  await rosterLatency('District, centre across 100,000 people', districtServer.base, await signIn(districtServer.base, 'centre'), district.db);
  await rosterLatency('District, principal of one school', districtServer.base, await signIn(districtServer.base, 'principal'), district.db);
  await districtServer.app.close();
  await district.db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
