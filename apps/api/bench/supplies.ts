/**
 * pnpm bench:supplies — prints the supplies figures (issue 6): the centre's
 * shortfall matrix on a township of 25 schools × 10 items × 90 days of daily
 * movements, at 20 concurrent users (target p95 < 100 ms), and on a district
 * of 2,500 schools (100 townships' worth; target p95 < 500 ms; BENCH_SCALE=township
 * skips it). Also a
 * school's own stock view, the alert list and the .xlsx export.
 * A benchmark, not a test: it prints figures against the targets.
 */
import { pathToFileURL } from 'node:url';
import type { Db } from '../src/db/client.js';
import { createAccount, fmt, load, serve, signIn, startDatabase, type RequestSpec } from './common.js';

const DAYS = 90;
const PEOPLE_PER_SCHOOL = 100;
const EXTRA_ITEMS = [
  { code: 'protective_suit', name: '防护服', nameEn: 'Protective suits', unit: 'set', kind: 'consumable', sortOrder: 70 },
  { code: 'goggles', name: '护目镜', nameEn: 'Goggles', unit: 'piece', kind: 'equipment', sortOrder: 80 },
  { code: 'alcohol', name: '75% 酒精', nameEn: '75% alcohol', unit: 'litre', kind: 'consumable', sortOrder: 90 },
  { code: 'soap', name: '洗手皂', nameEn: 'Soap', unit: 'piece', kind: 'consumable', sortOrder: 100 },
] as const;

/**
 * Schools, their rosters (for per-head targets) and 90 days of ledger per
 * school × item, written by SQL: an opening receipt, a delivery every 15
 * days, use every day. Deliveries cover 70–130 % of use depending on the
 * school, so some schools run short and some are well stocked. The running
 * balance is computed in the same statement, in ledger order.
 */
export async function buildDistrict(db: Db, schools: number) {
  await createAccount(db, 'centre', 'centre_admin', null);
  const centreId = (await db.user.findUniqueOrThrow({ where: { username: 'centre' } })).id;
  for (const item of EXTRA_ITEMS) {
    await db.supplyItem.create({ data: { ...item, targetMode: 'per_head', targetBasis: 'everyone', targetPerDay: item.unit === 'litre' ? 0.01 : 0.2, targetDays: 14 } });
  }
  await db.$executeRaw`
    INSERT INTO "School" (id, code, name, kind, "updatedAt")
    SELECT gen_random_uuid(), 'B' || lpad(g::text, 4, '0'), '基准学校' || g, 'primary', now() FROM generate_series(1, ${schools}::int) g`;
  await db.$executeRaw`
    INSERT INTO "Person" (id, "schoolId", kind, name, "searchText", "sortName", "sortClass", "sortNumber", "updatedAt")
    SELECT gen_random_uuid(), s.id, CASE WHEN g <= 10 THEN 'staff' ELSE 'student' END::"PersonKind", '人员' || g, 'x', 'x', 'x', 'x', now()
    FROM "School" s, generate_series(1, ${PEOPLE_PER_SCHOOL}::int) g`;
  await createAccount(db, 'p1', 'principal', (await db.school.findFirstOrThrow({ orderBy: { code: 'asc' } })).id);

  const start = new Date(Date.now() - DAYS * 86_400_000);
  await db.$executeRaw`
    CREATE TEMP TABLE plan AS
    WITH pairs AS (
      SELECT s.id AS "schoolId", i.id AS "itemId", i.unit IN ('litre', 'kilogram') AS decimals,
             0.7 + (abs(hashtext(s.code)) % 61) / 100.0 AS supply,
             CASE WHEN i.unit IN ('litre', 'kilogram') THEN 2 ELSE 20 END * (1 + abs(hashtext(i.code)) % 5) AS base
      FROM "School" s CROSS JOIN "SupplyItem" i WHERE i.active)
    SELECT "schoolId", "itemId", 'receipt'::"MovementType" AS type, (base * 40)::numeric AS quantity, ${start}::timestamptz + interval '8 hours' AS at FROM pairs
    UNION ALL
    SELECT "schoolId", "itemId", 'receipt', round((base * 15 * supply)::numeric, CASE WHEN decimals THEN 2 ELSE 0 END), ${start}::timestamptz + d * interval '1 day' + interval '9 hours'
    FROM pairs, generate_series(15, ${DAYS - 1}::int, 15) d
    UNION ALL
    SELECT "schoolId", "itemId", 'consumption', -round((base * (0.9 + 0.2 * random()))::numeric, CASE WHEN decimals THEN 2 ELSE 0 END), ${start}::timestamptz + d * interval '1 day' + interval '17 hours'
    FROM pairs, generate_series(0, ${DAYS - 1}::int) d`;
  // A bench database: skip the foreign-key checks (and version bumps) of 2.4 million rows; nothing reads it yet.
  await db.$executeRawUnsafe('ALTER TABLE "StockMovement" DISABLE TRIGGER ALL');
  await db.$executeRaw`
    INSERT INTO "StockMovement" (id, "schoolId", "itemId", type, quantity, "balanceAfter", "occurredAt", "recordedAt", "recordedById", "recordedByName", source)
    SELECT gen_random_uuid(), "schoolId", "itemId", type, quantity, sum(quantity) OVER (PARTITION BY "schoolId", "itemId" ORDER BY at), at, at, ${centreId}::uuid, '基准',
           CASE WHEN type = 'receipt' THEN 'purchase'::"ReceiptSource" END
    FROM plan ORDER BY at, "schoolId", "itemId"`;
  await db.$executeRawUnsafe('ALTER TABLE "StockMovement" ENABLE TRIGGER ALL');
  // The centre's store, a transfer in transit to every fifth school, and a school's own target on one pair in ten.
  await db.$executeRaw`
    INSERT INTO "StockMovement" (id, "schoolId", "itemId", type, quantity, "balanceAfter", "occurredAt", "recordedById", "recordedByName", source)
    SELECT gen_random_uuid(), NULL, i.id, 'receipt', 100000, 100000, now(), ${centreId}::uuid, '基准', 'district_commission' FROM "SupplyItem" i`;
  await db.$executeRaw`
    INSERT INTO "Transfer" (id, "schoolId", "issuedById", "issuedByName", "updatedAt")
    SELECT gen_random_uuid(), s.id, ${centreId}::uuid, '基准', now() FROM "School" s WHERE abs(hashtext(s.code)) % 5 = 0`;
  await db.$executeRaw`
    INSERT INTO "TransferLine" (id, "transferId", "itemId", "issuedQuantity")
    SELECT gen_random_uuid(), t.id, i.id, 200 FROM "Transfer" t CROSS JOIN "SupplyItem" i WHERE i.code IN ('mask', 'gloves')`;
  await db.$executeRaw`
    INSERT INTO "SchoolTarget" (id, "schoolId", "itemId", mode, quantity, "updatedById", "updatedAt")
    SELECT gen_random_uuid(), s.id, i.id, 'fixed', 500, ${centreId}::uuid, now() FROM "School" s CROSS JOIN "SupplyItem" i WHERE abs(hashtext(s.code || i.code)) % 10 = 0`;
  // As autovacuum would leave it after a while: statistics and the visibility map (index-only scans).
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  return { movements: await db.stockMovement.count(), items: await db.supplyItem.count({ where: { active: true } }) };
}

type Plan = [label: string, url: (ids: { maskId: string }) => string, who: 'centre' | 'principal', users: number, perUser: number, target: string, writeEveryMs?: number];

async function scenario(name: string, schools: number, plans: Plan[]) {
  const postgres = await startDatabase();
  try {
    const { db } = await postgres.database(name);
    const started = performance.now();
    const built = await buildDistrict(db, schools);
    console.log(`\n${schools.toLocaleString()} schools × ${built.items} items × ${DAYS} days: ${built.movements.toLocaleString()} ledger rows, ${(schools * PEOPLE_PER_SCHOOL).toLocaleString()} people (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const { app, base } = await serve(db);
    const cookies = { centre: await signIn(base, 'centre'), principal: await signIn(base, 'p1') };
    const maskId = (await db.supplyItem.findUniqueOrThrow({ where: { code: 'mask' } })).id;
    for (const [label, url, who, users, perUser, target, writeEveryMs] of plans) {
      const spec: RequestSpec = { url: `${base}${url({ maskId })}`, init: { method: 'GET', headers: { cookie: cookies[who] } } };
      await load(Math.min(users, 4), 3, spec);
      // A school recording use now and then: each write changes the matrix, which is then computed afresh.
      let writes = 0;
      const writer = writeEveryMs
        ? setInterval(() => {
            writes += 1;
            void fetch(`${base}/api/supplies/consumption`, {
              method: 'POST',
              headers: { cookie: cookies.principal, 'content-type': 'application/json' },
              body: JSON.stringify({ lines: [{ itemId: maskId, quantity: 1 }] }),
            }).then((response) => response.arrayBuffer());
          }, writeEveryMs)
        : undefined;
      const result = await load(users, perUser, spec);
      clearInterval(writer);
      const note = writeEveryMs ? `, ${writes} writes meanwhile` : '';
      // CPU per request (when common.ts measures it) stays put when a busy machine stretches latencies.
      const cpu = (result as { cpu?: { node: number; postgres: number } | null }).cpu;
      const cpuNote = cpu ? `  cpu/req node ${cpu.node.toFixed(1)} + pg ${cpu.postgres.toFixed(1)} ms` : '';
      console.log(
        `  ${label.padEnd(54)} ${String(users).padStart(2)} users  p50 ${fmt(result.p50).padStart(9)}  p95 ${fmt(result.p95).padStart(9)}  ${result.perSecond.toFixed(0).padStart(4)} req/s${cpuNote}  errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.statuses)}` : ''}${note}   [${target}]`,
      );
    }
    const exportStarted = performance.now();
    const exported = await fetch(`${base}/api/supplies/matrix/export`, { headers: { cookie: cookies.centre } });
    const bytes = (await exported.arrayBuffer()).byteLength;
    console.log(`  matrix export (.xlsx, ${(bytes / 1024).toFixed(0)} KiB, status ${exported.status}): ${fmt(performance.now() - exportStarted)}`);
    await app.close();
    await db.$disconnect();
  } finally {
    await postgres.stop();
  }
}

async function main() {
  await scenario('supplies_township', 25, [
    ['for comparison: GET /api/settings (no supplies work)', () => '/api/settings', 'centre', 20, 20, 'the floor on this machine'],
    ['shortfall matrix, all items (centre)', () => '/api/supplies/matrix', 'centre', 20, 20, 'target p95 < 100 ms'],
    ['shortfall matrix, masks by shortfall (centre)', ({ maskId }) => `/api/supplies/matrix?itemId=${maskId}&sort=shortfall&order=desc`, 'centre', 20, 20, 'target p95 < 100 ms'],
    ['shortfall matrix, a use recorded every 100 ms (centre)', () => '/api/supplies/matrix', 'centre', 20, 20, 'target p95 < 100 ms', 100],
    ['alerts (centre)', () => '/api/supplies/alerts', 'centre', 20, 20, ''],
    ['own stock with formulas (principal)', () => '/api/supplies/stock', 'principal', 20, 20, ''],
  ]);
  if (process.env.BENCH_SCALE === 'township') return;
  await scenario('supplies_district', 2500, [
    ['for comparison: GET /api/settings (no supplies work)', () => '/api/settings', 'centre', 20, 10, 'the floor on this machine'],
    ['shortfall matrix, first page (50 rows) + totals (centre)', () => '/api/supplies/matrix', 'centre', 20, 10, 'target p95 < 500 ms'],
    ['shortfall matrix, masks by shortfall (centre)', ({ maskId }) => `/api/supplies/matrix?itemId=${maskId}&sort=shortfall&order=desc`, 'centre', 20, 10, 'target p95 < 500 ms'],
    ['shortfall matrix, a use recorded every 100 ms (centre)', () => '/api/supplies/matrix', 'centre', 20, 10, 'target p95 < 500 ms', 100],
    ['shortfall matrix, a use recorded every 100 ms (centre)', () => '/api/supplies/matrix', 'centre', 5, 10, '5 users', 100],
    ['own stock with formulas (principal)', () => '/api/supplies/stock', 'principal', 20, 10, ''],
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
