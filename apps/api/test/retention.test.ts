import { addDays, dayInTimeZone, type RetentionPreview } from '@campus/shared';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredAuditRows, deleteExpiredSessions } from '../src/services/retention.js';
import { seedDemoTownship } from '../src/seed/index.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { signIn, type Client } from './helpers/http.js';

let context: TestContext;
let centre: Client;
let today: string;
/** The oldest demo day: the end day the purge is tried with. */
let endDay: string;
let schoolId: string;

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(statement: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: context.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

async function preview(): Promise<RetentionPreview> {
  const response = await centre.request('GET', '/api/retention/preview');
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function settings(body: Record<string, unknown>) {
  const response = await centre.request('PUT', '/api/settings', body);
  expect(response.statusCode, response.body).toBe(200);
}

/** What the screens count: the completeness grid, a school's day (exceptions by id only), the case overview, the roster counts. */
async function screens() {
  const read = async (url: string) => {
    const response = await centre.request('GET', url);
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
  const grid = await read(`/api/daily-reports/grid?to=${today}&days=14`);
  const school = await read(`/api/daily-reports/school-day?schoolId=${schoolId}&day=${endDay}`);
  expect(school.exceptions.length).toBeGreaterThan(0);
  school.exceptions = school.exceptions.map((item: { followUpId: string }) => item.followUpId);
  const cases = await read('/api/quarantine/overview?days=30');
  const roster = await read('/api/people/counts-by-school');
  const reports = await sql(`SELECT md5(string_agg(r::text, '|' ORDER BY id)) AS md5, count(*)::int AS count FROM "DailyReport" r`);
  const flags = await sql(`SELECT md5(string_agg(concat_ws(',', id, day, method, reached, "isException", whereabouts, "studiedOnline"), '|' ORDER BY id)) AS md5 FROM "FollowUp"`);
  return { grid, school, cases, roster, reports, flags };
}

beforeAll(async () => {
  context = await setupTestApp();
  await context.db.centre.delete({ where: { id: 1 } });
  await seedDemoTownship(context.db, context.app.uploadsDir);
  centre = await signIn(context.app, 'centre');
  today = dayInTimeZone(new Date(), 'Asia/Shanghai');
  endDay = addDays(today, -13);
  schoolId = (await context.db.school.findFirstOrThrow({ where: { code: 'S01' } })).id;
}, 120_000);

describe('retention', () => {
  it('only the centre may preview or purge', async () => {
    for (const username of ['principal01', 'teacher01', 'observer']) {
      const client = await signIn(context.app, username);
      expect((await client.request('GET', '/api/retention/preview')).statusCode).toBe(403);
      expect((await client.request('POST', '/api/retention/purge', { confirmTotal: 0 })).statusCode).toBe(403);
    }
  });

  it('without an end day nothing is due and the purge is refused', async () => {
    const empty = await preview();
    expect(empty).toMatchObject({ emergencyEndedOn: null, purgeFrom: null, due: false, total: 0, schools: [] });
    const refused = await centre.request('POST', '/api/retention/purge', { confirmTotal: 0 }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('Set the day the emergency ended first');
  });

  it('before the end + retentionDays has passed, it shows what would go but refuses to remove it', async () => {
    await settings({ emergencyEndedOn: endDay, retentionDays: 30 });
    const waiting = await preview();
    expect(waiting).toMatchObject({ emergencyEndedOn: endDay, retentionDays: 30, purgeFrom: addDays(endDay, 31), due: false });
    expect(waiting.totals.followUps).toBeGreaterThan(0);
    const refused = await centre.request('POST', '/api/retention/purge', { confirmTotal: waiting.total });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(`保留期尚未届满:${addDays(endDay, 31)} 起才能清除`);
    const stillThere = await sql(`SELECT count(*)::int AS count FROM "FollowUp" WHERE day <= $1 AND temperature IS NOT NULL`, [endDay]);
    expect(stillThere[0]!.count).toBeGreaterThan(0);
  });

  it('purges what the preview counted, per kind and school, once confirmed with its number; every count on the screens stays; audited with counts only', async () => {
    // A person who left before the end day, and one who left after it (kept).
    const [gone, stays] = await context.db.person.findMany({ where: { schoolId, status: 'active', kind: 'student' }, orderBy: { id: 'asc' }, take: 2 });
    await sql(`UPDATE "Person" SET status = 'left', "leftAt" = $2::timestamp, "leftReason" = 'graduated' WHERE id = $1`, [gone!.id, `${addDays(endDay, -1)}T04:00:00Z`]);
    await sql(`UPDATE "Person" SET status = 'left', "leftAt" = now(), "leftReason" = 'transferred' WHERE id = $1`, [stays!.id]);
    await settings({ retentionDays: 0 });
    const before = await screens();
    const afterEndDay = await sql(`SELECT md5(string_agg(f::text, '|' ORDER BY id)) AS md5 FROM "FollowUp" f WHERE day > $1`, [endDay]);

    const due = await preview();
    expect(due).toMatchObject({ due: true, purgeFrom: addDays(endDay, 1) });
    const [expected] = await sql<{ follow_ups: number; check_ins: number }>(
      `SELECT (SELECT count(*)::int FROM "FollowUp" WHERE day <= $1) AS follow_ups,
              (SELECT count(*)::int FROM "CaseCheckIn" ci JOIN "QuarantineCase" q ON q.id = ci."caseId" WHERE q."closedDay" <= $1) AS check_ins`,
      [endDay],
    );
    expect(due.totals.followUps).toBe(expected!.follow_ups);
    expect(due.totals.checkIns).toBe(expected!.check_ins);
    expect(due.totals.checkIns).toBeGreaterThan(0);
    expect(due.totals.caseFiles).toBeGreaterThan(0);
    expect(due.totals.leftPeople).toBe(1);
    const s01 = due.schools.find((school) => school.schoolId === schoolId)!;
    expect(s01.leftPeople).toBe(1);
    for (const kind of ['followUps', 'checkIns', 'caseFiles', 'leftPeople', 'corrections'] as const) {
      expect(due.schools.reduce((sum, school) => sum + school[kind], 0)).toBe(due.totals[kind]);
    }

    // A number that is not the preview's is refused, and nothing goes.
    const wrong = await centre.request('POST', '/api/retention/purge', { confirmTotal: due.total - 1 });
    expect(wrong.statusCode).toBe(409);
    expect((await preview()).total).toBe(due.total);

    const purged = await centre.request('POST', '/api/retention/purge', { confirmTotal: due.total });
    expect(purged.statusCode, purged.body).toBe(200);
    expect(purged.json()).toEqual({ removed: due.totals, total: due.total });

    // Nothing left to remove; the details are gone; later days untouched.
    expect((await preview()).total).toBe(0);
    expect(await sql(`SELECT count(*)::int AS count FROM "FollowUp" WHERE day <= $1 AND (temperature IS NOT NULL OR cardinality(symptoms) > 0 OR note IS NOT NULL OR "answeredBy" IS NOT NULL OR place IS NOT NULL)`, [endDay])).toEqual([{ count: 0 }]);
    expect(await sql(`SELECT count(*)::int AS count FROM "CaseCheckIn" ci JOIN "QuarantineCase" q ON q.id = ci."caseId" WHERE q."closedDay" <= $1 AND (ci.temperature IS NOT NULL OR ci.note IS NOT NULL)`, [endDay])).toEqual([{ count: 0 }]);
    expect(await sql(`SELECT count(*)::int AS count FROM "QuarantineCase" WHERE "closedDay" <= $1 AND (plan <> '' OR "guardianContact" IS NOT NULL)`, [endDay])).toEqual([{ count: 0 }]);
    expect(await sql(`SELECT md5(string_agg(f::text, '|' ORDER BY id)) AS md5 FROM "FollowUp" f WHERE day > $1`, [endDay])).toEqual(afterEndDay);

    const goneNow = await centre.request('GET', `/api/people/${gone!.id}`);
    expect(goneNow.statusCode).toBe(200);
    expect(goneNow.json()).toMatchObject({ name: '—', idNumber: null, phone: null, guardians: [] });
    const staysNow = (await centre.request('GET', `/api/people/${stays!.id}`)).json();
    expect(staysNow.name).toBe(stays!.name);
    expect(staysNow.guardians.length).toBeGreaterThan(0);

    // Every screen counts the same.
    expect(await screens()).toEqual(before);

    const [audit] = await sql<{ action: string; username: string; details: Record<string, unknown> }>(`SELECT action, username, details FROM "AuditLog" WHERE action = 'retention.purge'`);
    expect(audit).toEqual({
      action: 'retention.purge',
      username: 'centre',
      details: { ...due.totals, endedOn: Number(endDay.replace(/-/g, '')), retentionDays: 0 },
    });
  }, 60_000);

  it('deletes sessions that can no longer be used and audit rows past auditRetentionDays', async () => {
    const live = await signIn(context.app, 'principal02');
    await sql(`INSERT INTO "Session" (id, "userId", "expiresAt") SELECT 'expired', id, now() - interval '1 hour' FROM "User" WHERE username = 'centre'`);
    await sql(`INSERT INTO "Session" (id, "userId", "expiresAt", "revokedAt") SELECT 'revoked', id, now() + interval '1 hour', now() FROM "User" WHERE username = 'centre'`);
    await sql(`INSERT INTO "Session" (id, "userId", "expiresAt", "lastSeenAt") SELECT 'idle', id, now() + interval '1 hour', now() - interval '2 hours' FROM "User" WHERE username = 'centre'`);
    await sql(`INSERT INTO "AuditLog" (at, action) VALUES (now() - interval '1096 days', 'old.event'), (now() - interval '1094 days', 'kept.event')`);

    expect(await deleteExpiredSessions(context.db)).toBe(3);
    expect((await sql(`SELECT id FROM "Session" WHERE id IN ('expired', 'revoked', 'idle')`)).length).toBe(0);
    expect((await live.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await centre.request('GET', '/api/auth/me')).statusCode).toBe(200);

    expect(await deleteExpiredAuditRows(context.db)).toBe(1);
    expect((await sql(`SELECT action FROM "AuditLog" WHERE action IN ('old.event', 'kept.event')`)).map((row) => row.action)).toEqual(['kept.event']);
  });
});
