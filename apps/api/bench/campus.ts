/**
 * pnpm bench:campus — prints the campus figures (issue 15), each beside its target:
 *   registering a visitor at 25 gates at once (one gate_duty account per school,
 *   each with its own session and connection): p95 < 100 ms;
 *   the centre's duty grid, 25 schools × 60 days of filed reports: p95 < 100 ms
 *   at 20 concurrent users, and 2,500 schools × 60 days: p95 < 500 ms;
 *   six ~3 MB phone photos in one upload, end to end over HTTP: < 3 s, and the
 *   process's RSS growth meanwhile: < 150 MB.
 * A benchmark, not a test: it prints figures against the targets and asserts nothing.
 * BENCH_SCALE=township or BENCH_SCALE=district runs only that scale.
 *
 * The disinfection compliance grid (rounds done / planned per school per
 * day, and the schools overdue today) is timed the same way at both scales:
 * p95 < 100 ms and < 500 ms.
 *
 * The grids come a page of 50 schools at a time (db/grid-sql.ts), as the
 * centre reads them; the figures that flag schools (missing duty reports,
 * areas overdue today) are computed over all of them on every page. The
 * district lines time the first page, and the last for comparison.
 */
import { execFile, fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { addDays, dayInTimeZone, instantOfDay } from '@campus/shared';
import sharp from 'sharp';
import type { Db } from '../src/db/client.js';
import { dateColumn } from '../src/db/days.js';
import { seededRandom } from '../src/seed/names.js';
import { hashPassword } from '../src/services/passwords.js';
import { pictureForm } from '../test/helpers/pictures.js';
import { fillDisinfection } from './disinfection-data.js';
import { fmt, fmtCpu, load, PASSWORD, serve, signIn, startDatabase, type RequestSpec } from './common.js';

const DAYS = 60;
const GATES = 25;
/** Concurrent users of a centre's grid, as in the other benches. */
const USERS = 20;

type Postgres = Awaited<ReturnType<typeof startDatabase>>;

/** The centre's view of a run: where the server listens and the signed-in sessions. */
interface Site {
  base: string;
  centre: string;
}

/**
 * Schools (campus open, so a visitor with no fever and no "yes" is let in:
 * the usual path through the gate), the centre's account, a gate_duty account
 * for each of the first GATES schools, and DAYS days of records.
 */
async function buildCampus(db: Db, schoolCount: number) {
  const passwordHash = await hashPassword(PASSWORD);
  const schools = Array.from({ length: schoolCount }, (_, index) => ({
    id: crypto.randomUUID(),
    code: `C${String(index + 1).padStart(4, '0')}`,
    name: `校园基准学校${index + 1}`,
    kind: 'primary' as const,
    gateClosed: false,
  }));
  await db.school.createMany({ data: schools });
  const centreUser = await db.user.create({ data: { username: 'centre', displayName: '中心', role: 'centre_admin', passwordHash, mustChangePassword: false } });
  await db.user.createMany({
    data: schools.slice(0, GATES).map((school, index) => ({ username: `gate${index + 1}`, displayName: `门卫${index + 1}`, role: 'gate_duty' as const, schoolId: school.id, passwordHash, mustChangePassword: false })),
  });
  const centre = await db.centre.findUniqueOrThrow({ where: { id: 1 } });
  const today = dayInTimeZone(new Date(), centre.timeZone);
  const reports = await fileDutyReports(db, schools, centre, today, centreUser.id);
  const rounds = await fillDisinfection(db, schools.map((school) => school.id), { today, timeZone: centre.timeZone, days: DAYS, recordedById: centreUser.id });
  // As autovacuum would leave it after a while: statistics and the visibility map.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  await db.$executeRawUnsafe('CHECKPOINT');
  return { schools, today, reports, rounds, pictures: await db.upload.count() };
}

/**
 * Duty reports on the DAYS − 1 days before today (today's is still open until
 * tomorrow's deadline): ~92 % of school-days filed, ~6 % of those late,
 * ~10 % with something to report, each with 1–3 pictures (Upload rows; the
 * grid counts them, no file is read).
 */
async function fileDutyReports(db: Db, schools: { id: string }[], centre: { timeZone: string; reportDeadlineMinutes: number; dutyChecks: string[] }, today: string, filedById: string) {
  const random = seededRandom(15);
  const rows = [];
  for (const school of schools) {
    for (let back = DAYS - 1; back >= 1; back -= 1) {
      if (random() < 0.08) continue;
      const day = addDays(today, -back);
      const late = random() < 0.06;
      const filedAt = late
        ? instantOfDay(addDays(day, 1), centre.timeZone, centre.reportDeadlineMinutes + 30 + Math.floor(random() * 240))
        : instantOfDay(day, centre.timeZone, 17 * 60 + Math.floor(random() * 240));
      rows.push({
        schoolId: school.id,
        day: dateColumn(day),
        startMinutes: 7 * 60,
        endMinutes: 18 * 60,
        checks: centre.dutyChecks,
        incidents: random() < 0.1 ? '校门外有摊贩聚集，已劝离' : null,
        onDutyName: '值班教师',
        leaderName: '带班领导',
        filedById,
        filedByName: '值班教师',
        filedAt,
        late,
      });
    }
  }
  for (let start = 0; start < rows.length; start += 2000) await db.dutyReport.createMany({ data: rows.slice(start, start + 2000) });
  await db.$executeRaw`
    INSERT INTO "Upload" (id, "schoolId", purpose, "uploadedById", width, height, bytes, "thumbBytes", "dutyReportId", position, "createdAt")
    SELECT gen_random_uuid(), r."schoolId", 'duty_report', ${filedById}::uuid, 2048, 1536, 600000, 20000, r.id, p, r."filedAt"
    FROM "DutyReport" r, generate_series(0, abs(hashtext(r.id::text)) % 3) p`;
  return rows.length;
}

/** The server as it is some minutes after loading: vacuumed and checkpointed (buildCampus), the loading's garbage collected. */
function settle() {
  global.gc?.();
}

/** One figure's line: p50, p95 and throughput, then the target and whether this run met it. */
function printLatency(label: string, users: number, result: Awaited<ReturnType<typeof load>>, target?: number, alone?: number) {
  const errors = `errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.statuses)}` : ''}`;
  const aloneNote = alone === undefined ? '' : ` | alone p50 ${fmt(alone)}`;
  const verdict = target === undefined ? '[for comparison]' : `[target p95 < ${target} ms: ${result.p95 < target && result.errors === 0 ? 'met' : 'NOT met'}]`;
  console.log(
    `  ${label.padEnd(44)} ${String(users).padStart(2)} users  p50 ${fmt(result.p50).padStart(9)}  p95 ${fmt(result.p95).padStart(9)}  ${result.perSecond.toFixed(result.perSecond < 10 ? 1 : 0).padStart(4)} req/s  ${fmtCpu(result.cpu)}  ${errors}${aloneNote}   ${verdict}`,
  );
}

/**
 * A centre's grid (`path`, e.g. /api/duty/grid?days=60) at USERS concurrent
 * users × `perUser` requests after a warm-up, then one user alone; printed
 * against `target` (p95, ms).
 */
async function timeGrid(site: Site, label: string, path: string, perUser: number, target?: number) {
  const spec: RequestSpec = { url: `${site.base}${path}`, init: { method: 'GET', headers: { cookie: site.centre } } };
  // the first request computes the answer (the grids' 5 s answer cache is empty): its time is printed too
  const started = performance.now();
  const first = await fetch(spec.url, spec.init);
  const bytes = (await first.arrayBuffer()).byteLength;
  const computed = performance.now() - started;
  if (!first.ok) throw new Error(`${path}: ${first.status}`);
  await load(4, 2, spec);
  const result = await load(USERS, perUser, spec);
  const alone = await load(1, Math.max(5, perUser), spec);
  printLatency(`${label} (${(bytes / 1024).toFixed(0)} KiB; first, computed: ${fmt(computed)})`, USERS, result, target, alone.p50);
}

/**
 * 25 gates at once, each its own account, session and connection, registering
 * visitors with the centre's questions answered, 40 each after 4 to warm up.
 */
async function timeRegistration(site: Site, schools: { id: string }[]) {
  const settings = (await (await fetch(`${site.base}/api/settings`, { headers: { cookie: site.centre } })).json()) as { gateQuestions: string[] };
  const specs: RequestSpec[] = [];
  for (const [index, school] of schools.slice(0, GATES).entries()) {
    const cookie = await signIn(site.base, `gate${index + 1}`);
    const body = { schoolId: school.id, name: `访客${index + 1}`, phone: '13912345678', organisation: '区教育局', reason: '检查工作', visiting: '校长', answers: settings.gateQuestions.map(() => false), temperature: 36.5 };
    specs.push({ url: `${site.base}/api/gate/visitors`, init: { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) } });
  }
  await load(GATES, 4, specs, { byUser: true });
  const result = await load(GATES, 40, specs, { byUser: true });
  printLatency(`register a visitor at ${GATES} gates (${settings.gateQuestions.length} questions)`, GATES, result, 100);
}

/** `count` photos as a phone takes them (4032 × 3024, ~3 MB each) in a new directory, made in a child process: see phone-photos.mjs. */
async function phonePhotos(count: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-photos-'));
  await promisify(execFile)(process.execPath, [new URL('./phone-photos.mjs', import.meta.url).pathname, dir, String(count)]);
  return dir;
}

const UPLOADS_IN_A_ROW = 5;
const MB = 1_000_000;
const mb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${(Math.abs(bytes) / MB).toFixed(1)} MB`;

/**
 * Six ~3 MB photos in one request, as the duty report's upload sends them,
 * over a real socket to the listening server (app.inject would hand the server
 * the whole body at once, so neither the streaming nor its memory would be
 * measured). The phone's side is a child process (upload-client.ts), so the
 * RSS growth is the server's alone: receiving, re-encoding and storing them.
 * Run first on a fresh server: memory that earlier work freed but the
 * allocator kept would otherwise be reused here and hide the growth (it moved
 * the figure between +10 and +156 MiB from run to run). UPLOADS_IN_A_ROW
 * requests, since RSS keeps growing over the first few (glibc's per-thread
 * arenas for libvips's threads: nodejs/node#21973); the slowest and the peak
 * over all of them are held against the targets.
 */
async function timeUploads(site: Site, schoolId: string) {
  const dir = await phonePhotos(6);
  const sizes = Array.from({ length: 6 }, (_, index) => (fs.statSync(path.join(dir, `IMG_${index + 1}.jpg`)).size / MB).toFixed(2)).join(' + ');
  const cookie = await signIn(site.base, 'gate1');
  const url = `${site.base}/api/uploads?purpose=duty_report&schoolId=${schoolId}`;
  // Warm-up: the route, the multipart parser and sharp's code, with one small photo.
  const small = pictureForm([{ name: 'warm.jpg', content: await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888888' } }).jpeg().toBuffer() }]);
  const warm = await fetch(url, { method: 'POST', headers: { cookie, ...small.headers }, body: small.body });
  if (warm.status !== 201) throw new Error(`upload: ${warm.status} ${await warm.text()}`);

  settle();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const times: number[] = [];
  /** the peak so far after each request: the first request's growth, and what the next ones add */
  const peaks: number[] = [];
  let pictureIds: string[] = [];
  try {
    const client = fork(new URL('./upload-client.ts', import.meta.url).pathname, [url, cookie, dir, '6', String(UPLOADS_IN_A_ROW)], { execArgv: ['--import', 'tsx'] });
    await new Promise<void>((resolve, reject) => {
      client.on('message', (message: { ms?: number; ids?: string[]; error?: string }) => {
        if (message.error) return reject(new Error(message.error));
        times.push(message.ms!);
        peaks.push(peakRss - rssBefore);
        pictureIds = message.ids!;
      });
      client.on('error', reject);
      client.on('exit', () => (times.length === UPLOADS_IN_A_ROW ? resolve() : reject(new Error(`upload client stopped after ${times.length} requests`))));
    });
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rssAfter = process.memoryUsage().rss;
  const slowest = Math.max(...times);
  console.log(`  upload six photos (${sizes} MB, 4032×3024) in one request, ${UPLOADS_IN_A_ROW} in a row: ${times.map(fmt).join(', ')}   [target < 3 s: ${slowest < 3000 ? 'met' : 'NOT met'}]`);
  console.log(
    `  server process RSS during them: ${(rssBefore / MB).toFixed(0)} MB before; peak ${mb(peakRss - rssBefore)} (so far, after each request: ${peaks.map(mb).join(', ')}); ${mb(rssAfter - rssBefore)} at the end   [target growth < 150 MB: ${peakRss - rssBefore < 150 * MB ? 'met' : 'NOT met'}]`,
  );
  return pictureIds;
}

/** The day's report filed with the last six pictures: the rest of the end-to-end path (no target). */
async function timeFiling(site: Site, schoolId: string, today: string, pictureIds: string[]) {
  const cookie = await signIn(site.base, 'gate1');
  const body = { schoolId, day: today, start: '07:00', end: '18:00', checks: [], nothingToReport: true, pictureIds };
  const started = performance.now();
  const response = await fetch(`${site.base}/api/duty/reports`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  console.log(`  then file the day's duty report with them (status ${response.status}): ${fmt(performance.now() - started)}`);
}

async function campus(postgres: Postgres, name: string, schoolCount: number, measure: (site: Site, town: Awaited<ReturnType<typeof buildCampus>>) => Promise<void>) {
  const { db } = await postgres.database(name);
  const started = performance.now();
  const town = await buildCampus(db, schoolCount);
  console.log(
    `\n${schoolCount.toLocaleString()} schools × ${DAYS} days: ${town.reports.toLocaleString()} duty reports, ${town.pictures.toLocaleString()} pictures, ${town.rounds.toLocaleString()} disinfection rounds (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const { app, base } = await serve(db);
  try {
    settle();
    await measure({ base, centre: await signIn(base, 'centre') }, town);
  } finally {
    await app.close();
    fs.rmSync(app.uploadsDir, { recursive: true, force: true });
    await db.$disconnect();
  }
}

/** 25 schools: the uploads (first, on the fresh server: see timeUploads), the gates, the duty grid. */
function township(postgres: Postgres) {
  return campus(postgres, 'campus_township', 25, async (site, town) => {
    const pictureIds = await timeUploads(site, town.schools[0]!.id);
    await timeFiling(site, town.schools[0]!.id, town.today, pictureIds);
    await timeGrid(site, 'for comparison: GET /api/settings', '/api/settings', 20);
    await timeRegistration(site, town.schools);
    await timeGrid(site, `duty grid, 25 schools × ${DAYS} days`, `/api/duty/grid?days=${DAYS}`, 20, 100);
    await timeGrid(site, `disinfection compliance, 25 schools × ${DAYS} days`, `/api/disinfection/grid?days=${DAYS}`, 20, 100);
  });
}

/** 2,500 schools (100 townships' worth): the duty grid. */
function district(postgres: Postgres) {
  return campus(postgres, 'campus_district', 2500, async (site) => {
    await timeGrid(site, 'for comparison: GET /api/settings', '/api/settings', 10);
    await timeGrid(site, `duty grid, 2,500 schools × ${DAYS} days`, `/api/duty/grid?days=${DAYS}`, 10, 500);
    await timeGrid(site, `disinfection compliance, 2,500 schools × ${DAYS} days`, `/api/disinfection/grid?days=${DAYS}`, 10, 500);
    await timeGrid(site, `for comparison: duty grid, last page (50th)`, `/api/duty/grid?days=${DAYS}&page=50`, 10);
  });
}

async function main() {
  // The machine is shared: its load says how far the latencies are this bench's own (CPU per request is, either way).
  const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`${os.cpus().length} cores; load average ${loadAverage()} at the start`);
  const postgres = await startDatabase();
  try {
    if (process.env.BENCH_SCALE !== 'district') await township(postgres);
    if (process.env.BENCH_SCALE !== 'township') await district(postgres);
  } finally {
    await postgres.stop();
    console.log(`\nload average ${loadAverage()} at the end`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
