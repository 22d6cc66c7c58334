/**
 * Disinfection (消毒) for the demo township: each school's plan (four areas,
 * added 15 days ago) and two weeks of rounds done, whose disinfectant is the
 * schools' use on the supplies ledger for those days (booked with the rest of
 * the ledger, in time order: a school that ran out logged no more rounds).
 * Most rounds are done on time; 白果村小学 (S08) skips many. Today the rounds
 * due so far are done at every school but 义和镇中心小学 (S01): gate01 has
 * its morning's rounds to do.
 */
import crypto from 'node:crypto';
import { addDays, dayInTimeZone, instantOfDay, isoWeekday } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { seededRandom } from './names.js';
import type { Movement } from './supplies.js';

export const DISINFECTION_DAYS = 14;

const AREAS: { name: string; kind: string; dueMinutes: number[]; weekdays: number[]; agent: string; concentration: number; share: number }[] = [
  { name: '教学楼教室', kind: '教室', dueMinutes: [600, 960], weekdays: [], agent: '84消毒液', concentration: 500, share: 0.45 },
  { name: '师生厕所', kind: '厕所', dueMinutes: [660, 1020], weekdays: [], agent: '含氯消毒液', concentration: 1000, share: 0.35 },
  { name: '教师办公室', kind: '办公室', dueMinutes: [720], weekdays: [1, 2, 3, 4, 5], agent: '84消毒液', concentration: 250, share: 0.1 },
  { name: '校门及门卫室', kind: '校门周边', dueMinutes: [480], weekdays: [], agent: '84消毒液', concentration: 500, share: 0.1 },
];

export interface PlannedRound {
  id: string;
  movementId: string;
  schoolId: string;
  areaId: string;
  day: string;
  doneAt: Date;
  agent: string;
  concentration: number;
  doneBy: string;
  by: { id: string; name: string };
}

/** The plans, and the rounds to log: their uses go to the supplies seed, which books them (or not, when the stock ran out). */
export async function planDemoDisinfection(tx: Prisma.TransactionClient, timeZone: string, now = new Date()): Promise<{ rounds: PlannedRound[]; uses: Movement[] }> {
  const random = seededRandom(3307);
  const today = dayInTimeZone(now, timeZone);
  const minutesNow = Math.floor((now.getTime() - instantOfDay(today, timeZone).getTime()) / 60_000);
  const disinfectant = await tx.supplyItem.findUniqueOrThrow({ where: { code: 'disinfectant' } });
  const schools = await tx.school.findMany({ where: { active: true }, orderBy: { code: 'asc' }, include: { users: { where: { role: 'gate_duty' } }, _count: { select: { people: true } } } });
  const createdAt = instantOfDay(addDays(today, -DISINFECTION_DAYS - 1), timeZone, 8 * 60);
  const rounds: PlannedRound[] = [];
  const uses: Movement[] = [];
  for (const school of schools) {
    const gate = school.users[0];
    if (!gate) continue;
    const by = { id: gate.id, name: gate.displayName };
    // the same daily use as the supplies seed's figure for disinfectant, shared out among the areas' rounds
    const daily = 0.2 + school._count.people * 0.002;
    const doneRate = school.code === 'S08' ? 0.55 : 0.93;
    for (const area of AREAS) {
      const row = await tx.disinfectionArea.create({
        data: { schoolId: school.id, name: area.name, kind: area.kind, dueMinutes: area.dueMinutes, weekdays: area.weekdays, agent: area.agent, concentration: area.concentration, itemId: disinfectant.id, createdAt },
        select: { id: true },
      });
      for (let back = DISINFECTION_DAYS; back >= 0; back -= 1) {
        const day = addDays(today, -back);
        const weekday = isoWeekday(day);
        if (area.weekdays.length && !area.weekdays.includes(weekday)) continue;
        for (const due of area.dueMinutes) {
          const minutes = due - 20 - Math.floor(random() * 70);
          if (back === 0 && (school.code === 'S01' || minutes > minutesNow - 5)) continue;
          if (random() > doneRate) continue;
          const doneAt = instantOfDay(day, timeZone, minutes);
          const amount = Math.max(0.1, Math.round(((daily * area.share) / area.dueMinutes.length) * (0.8 + random() * 0.4) * 10) / 10);
          const movementId = crypto.randomUUID();
          rounds.push({ id: crypto.randomUUID(), movementId, schoolId: school.id, areaId: row.id, day, doneAt, agent: area.agent, concentration: area.concentration, doneBy: gate.displayName, by });
          uses.push({ id: movementId, schoolId: school.id, code: 'disinfectant', type: 'consumption', quantity: -amount, at: doneAt, by, note: `消毒：${area.name}` });
        }
      }
    }
  }
  return { rounds, uses };
}

/** The rounds whose use was booked, as log entries of the amount booked. */
export async function logDemoDisinfection(tx: Prisma.TransactionClient, rounds: PlannedRound[], booked: Map<string, number>): Promise<number> {
  const data = rounds.flatMap((round) => {
    const quantity = booked.get(round.movementId);
    if (quantity === undefined) return [];
    return [
      {
        id: round.id, schoolId: round.schoolId, areaId: round.areaId, day: new Date(`${round.day}T00:00:00Z`), doneAt: round.doneAt, agent: round.agent, concentration: round.concentration,
        amount: -quantity, contactMinutes: 30, doneBy: round.doneBy, movementId: round.movementId, recordedById: round.by.id, recordedByName: round.by.name, createdAt: round.doneAt,
      },
    ];
  });
  await tx.disinfectionLog.createMany({ data });
  return data.length;
}
