import { addDays } from '@campus/shared';
import { Prisma } from '../src/generated/prisma/client.js';
import type { Db } from '../src/db/client.js';

/**
 * A disinfection plan of four areas (six rounds a day) at every school, and
 * `days` days of rounds done (nine in ten), each with its consumption on the
 * ledger as the API books it: written by PostgreSQL in one statement per
 * chunk of schools (millions of rows at district scale would take minutes
 * through the API).
 */
export async function fillDisinfection(db: Db, schoolIds: string[], options: { today: string; timeZone: string; days: number; recordedById: string }): Promise<number> {
  const item = await db.supplyItem.findUniqueOrThrow({ where: { code: 'disinfectant' }, select: { id: true } });
  const from = addDays(options.today, -options.days + 1);
  const since = new Date(`${addDays(from, -1)}T00:00:00Z`);
  let logs = 0;
  for (let index = 0; index < schoolIds.length; index += 250) {
    const chunk = schoolIds.slice(index, index + 250);
    await db.$executeRaw`
      INSERT INTO "DisinfectionArea" (id, "schoolId", name, kind, "dueMinutes", weekdays, agent, concentration, "itemId", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), s.id, k.name, k.kind, k.due, '{}', '84消毒液', 500, ${item.id}::uuid, ${since}, now()
      FROM unnest(${chunk}::uuid[]) s(id)
      CROSS JOIN (VALUES ('教学楼教室', '教室', '{600,960}'::int[]), ('师生厕所', '厕所', '{660,1020}'::int[]), ('教师办公室', '办公室', '{720}'::int[]), ('校门及门卫室', '校门周边', '{480}'::int[])) k(name, kind, due)`;
    logs += await db.$executeRaw(Prisma.sql`
      WITH rounds AS MATERIALIZED (
        SELECT gen_random_uuid() AS log_id, gen_random_uuid() AS movement_id, a.id AS area_id, a."schoolId" AS school_id, d.day::date AS day,
               (d.day::timestamp + make_interval(mins => m - 30)) AT TIME ZONE ${options.timeZone} AT TIME ZONE 'UTC' AS done_at
        FROM "DisinfectionArea" a
        CROSS JOIN generate_series(${from}::date, ${options.today}::date, interval '1 day') d(day)
        CROSS JOIN unnest(a."dueMinutes") m
        WHERE a."schoolId" = ANY (${chunk}::uuid[]) AND random() < 0.9),
      movements AS (
        INSERT INTO "StockMovement" (id, "schoolId", "itemId", type, quantity, "balanceAfter", "occurredAt", "recordedById", "recordedByName", note)
        SELECT movement_id, school_id, ${item.id}::uuid, 'consumption', -0.3, 100, done_at, ${options.recordedById}::uuid, '基准', '消毒' FROM rounds
        RETURNING id)
      INSERT INTO "DisinfectionLog" (id, "schoolId", "areaId", day, "doneAt", agent, concentration, amount, "contactMinutes", "doneBy", "movementId", "recordedById", "recordedByName")
      SELECT log_id, school_id, area_id, day, done_at, '84消毒液', 500, 0.3, 30, '基准', movement_id, ${options.recordedById}::uuid, '基准' FROM rounds`);
  }
  return logs;
}
