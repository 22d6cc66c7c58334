/**
 * The demo township's campus data (issue 15): two weeks of gate entries, disinfection whose use is the ledger's,
 * and gate01's morning still to do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, type DisinfectionDay, type GateToday } from '@campus/shared';
import { seedDemoTownship, seedIfEmpty } from '../src/seed/index.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { signIn } from './helpers/http.js';

let context: TestContext;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  context = await setupTestApp();
  await context.db.centre.delete({ where: { id: 1 } });
  await seedDemoTownship(context.db, context.app.uploadsDir);
}, 120_000);

describe('the demo township’s campus', () => {
  it('every disinfection entry is its own consumption on the school’s ledger, of the same amount', async () => {
    const logs = await context.db.disinfectionLog.findMany({ include: { movement: { include: { item: true } } } });
    expect(logs.length).toBeGreaterThan(500);
    for (const log of logs) {
      expect(log.movement).toMatchObject({ schoolId: log.schoolId, type: 'consumption' });
      expect(log.movement.item.code).toBe('disinfectant');
      expect(Number(log.movement.quantity)).toBe(-Number(log.amount));
    }
    // in those two weeks the schools' disinfectant use is the log's (but for S03's mistaken entry, its reversal and correction)
    const since = new Date(`${addDays(today(), -13)}T00:00:00+08:00`);
    const unlogged = await context.db.stockMovement.count({
      where: { type: 'consumption', item: { code: 'disinfectant' }, schoolId: { not: null }, occurredAt: { gte: since }, disinfection: null, NOT: { school: { code: 'S03' } } },
    });
    expect(unlogged).toBe(0);
  });

  it('two weeks of gate entries at every school; gate01 has pre-approved visitors to expect and rounds of disinfection to do', async () => {
    const days = await context.db.gateEntry.groupBy({ by: ['day'], _count: true });
    expect(days.length).toBeGreaterThanOrEqual(14);
    const gate = await signIn(context.app, 'gate01');
    const s01 = await context.db.school.findUniqueOrThrow({ where: { code: 'S01' } });
    const gateDay = (await gate.request('GET', `/api/gate/today?schoolId=${s01.id}`)).json<GateToday>();
    expect(gateDay.closed).toBe(true);
    expect(gateDay.approvals.filter((approval) => !approval.used).map((approval) => approval.name)).toEqual(['张伟', '刘芳']);
    expect(gateDay.inside.map((entry) => entry.name)).toEqual(['周建国']);
    const disinfection = (await gate.request('GET', `/api/disinfection/day?schoolId=${s01.id}`)).json<DisinfectionDay>();
    expect(disinfection.logs).toEqual([]);
    expect(disinfection.areas.length).toBe(4);
    expect(disinfection.compliance.planned).toBeGreaterThan(0);
  });

  it('a demo township whose duty step was cut short by a killed process gets its duty at the next start', async () => {
    const reports = await context.db.dutyReport.count();
    expect(reports).toBeGreaterThan(0);
    await context.db.upload.deleteMany({ where: { purpose: 'duty_report' } });
    await context.db.dutyReport.deleteMany();
    await context.db.dutyAssignment.deleteMany();
    expect(await seedIfEmpty(context.db, { demo: true, uploadsDir: context.app.uploadsDir })).toEqual({ kind: 'existing' });
    expect(await context.db.dutyReport.count()).toBe(reports);
    // and a township that has its duty is left alone
    await seedIfEmpty(context.db, { demo: true, uploadsDir: context.app.uploadsDir });
    expect(await context.db.dutyReport.count()).toBe(reports);
  });
});
