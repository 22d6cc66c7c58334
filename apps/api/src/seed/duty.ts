/**
 * Two weeks of duty (值班值守) for the demo township: a roster from each
 * school's staff (this week and next too), and a report for most past days
 * with one or two pictures; a few days were filed late and a few are missing,
 * so the centre's grid has something to flag. Today's reports are not filed:
 * `gate01` has today's to do.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import sharp from 'sharp';
import { addDays, dayInTimeZone, instantOfDay, mondayOf } from '@campus/shared';
import type { PrismaClient } from '../generated/prisma/client.js';
import { seededRandom } from './names.js';

const PAST_DAYS = 14;
const CHECKS = ['校门及周边巡查', '外来人员登记核查', '体温检测设备检查', '消毒工作检查', '重点部位安全检查'];
const INCIDENTS = ['18:40 一名家长要求进校送物品，已按规定在校门外交接并登记。', '21:10 巡查发现教学楼三楼一间教室未关窗，已关闭。', '07:50 外来车辆停在校门口，劝离。'];

/** A screenshot-like picture for the seed: a coloured card with the school's code and a label, drawn once per school. */
async function drawPicture(code: string, label: string, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720"><rect width="100%" height="100%" fill="hsl(${hue},45%,55%)"/><rect x="60" y="60" width="840" height="600" rx="24" fill="rgba(255,255,255,0.85)"/><text x="480" y="330" font-size="96" font-family="sans-serif" text-anchor="middle" fill="#222">${code}</text><text x="480" y="450" font-size="56" font-family="sans-serif" text-anchor="middle" fill="#444">${label}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 75 }).toBuffer();
}

export async function seedDemoDuty(db: PrismaClient, uploadsDir: string, timeZone: string): Promise<number> {
  const random = seededRandom(1503);
  const today = dayInTimeZone(new Date(), timeZone);
  await fs.mkdir(uploadsDir, { recursive: true, mode: 0o750 });
  const schools = await db.school.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, code: true } });
  const gates = await db.user.findMany({ where: { role: 'gate_duty' }, select: { id: true, schoolId: true, displayName: true } });
  let reports = 0;
  for (const [index, school] of schools.entries()) {
    const staff = await db.person.findMany({ where: { schoolId: school.id, kind: 'staff', status: 'active' }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 8 });
    const gate = gates.find((user) => user.schoolId === school.id);
    if (staff.length < 2 || !gate) continue;
    const monday = mondayOf(today);
    const lastRosterDay = addDays(monday, 13);
    const rosterDays: string[] = [];
    for (let day = addDays(today, -PAST_DAYS); day <= lastRosterDay; day = addDays(day, 1)) rosterDays.push(day);
    const assignment = (day: string, offset: number) => staff[(rosterDays.indexOf(day) + offset) % staff.length]!;
    await db.dutyAssignment.createMany({
      data: rosterDays.map((day) => ({ schoolId: school.id, day: new Date(`${day}T00:00:00Z`), dutyPersonId: assignment(day, 1).id, leaderPersonId: staff[0]!.id, updatedById: gate.id })),
    });
    const pictures = [await drawPicture(school.code, 'duty 08:00', (index * 37) % 360), await drawPicture(school.code, 'patrol 21:00', (index * 37 + 180) % 360)];
    const thumbs = await Promise.all(pictures.map((picture) => sharp(picture).resize({ width: 320, height: 320, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer()));
    for (let back = PAST_DAYS; back >= 1; back -= 1) {
      const day = addDays(today, -back);
      // every seventh school misses a day now and then; a few file late
      if ((index % 7 === 3 && back % 4 === 1) || (index % 11 === 5 && back === 1)) continue;
      const late = random() < 0.08;
      const filedAt = late ? instantOfDay(addDays(day, 1), timeZone, 11 * 60 + Math.floor(random() * 120)) : instantOfDay(day, timeZone, 18 * 60 + Math.floor(random() * 90));
      const incident = random() < 0.12 ? INCIDENTS[Math.floor(random() * INCIDENTS.length)]! : null;
      const report = await db.dutyReport.create({
        data: {
          schoolId: school.id,
          day: new Date(`${day}T00:00:00Z`),
          startMinutes: 7 * 60 + 30,
          endMinutes: 18 * 60,
          checks: CHECKS.filter(() => random() < 0.85),
          incidents: incident,
          onDutyName: assignment(day, 1).name,
          leaderName: staff[0]!.name,
          filedById: gate.id,
          filedByName: gate.displayName,
          filedAt,
          late,
        },
      });
      const count = random() < 0.5 ? 1 : 2;
      for (let position = 0; position < count; position += 1) {
        const id = crypto.randomUUID();
        await fs.writeFile(path.join(uploadsDir, `${id}.jpg`), pictures[position]!, { mode: 0o640 });
        await fs.writeFile(path.join(uploadsDir, `${id}.thumb.jpg`), thumbs[position]!, { mode: 0o640 });
        await db.upload.create({
          data: { id, schoolId: school.id, purpose: 'duty_report', uploadedById: gate.id, width: 960, height: 720, bytes: pictures[position]!.length, thumbBytes: thumbs[position]!.length, dutyReportId: report.id, position, createdAt: filedAt },
        });
      }
      reports += 1;
    }
  }
  return reports;
}
