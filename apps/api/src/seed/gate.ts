/**
 * Two weeks of the gate register (一问二测三登记) for the demo township: each
 * school's visitors (most pre-approved, as the campuses are closed), their
 * sign-outs, a few refusals (a fever, a "yes", not pre-approved) and students
 * and staff checked coming back. Today: `gate01` has two pre-approved visitors
 * to expect and one visitor inside since the morning to sign out; S05 (a
 * village school) is open to visitors.
 */
import { addDays, dayInTimeZone, gateDecision, instantOfDay } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { chineseName, seededRandom } from './names.js';

const PAST_DAYS = 14;
const QUESTIONS = ['近14天是否去过市外或重点地区', '是否接触过发热病人', '今天是否有发热、咳嗽、乏力等症状'];
const VISITS: [organisation: string, reason: string][] = [
  ['县自来水公司', '检修水管'],
  ['镇卫生院', '防疫消杀指导'],
  ['区疾控中心', '防疫检查'],
  ['县教育局', '督导检查'],
  ['电信公司', '网络维护'],
  ['食堂供货商', '配送食材'],
  ['快递公司', '送防疫物资'],
  ['学生家长', '取学生物品'],
];

type Approval = { id: string; name: string; reason: string };

const phoneOf = (random: () => number) => `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;

export async function seedDemoGate(tx: Prisma.TransactionClient, timeZone: string): Promise<number> {
  const random = seededRandom(2203);
  const now = new Date();
  const today = dayInTimeZone(now, timeZone);
  const schools = await tx.school.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, code: true } });
  const gates = await tx.user.findMany({ where: { role: 'gate_duty' }, select: { id: true, schoolId: true, displayName: true } });
  const principals = await tx.user.findMany({ where: { role: 'principal' }, select: { id: true, schoolId: true, displayName: true } });
  let count = 0;
  for (const [index, school] of schools.entries()) {
    const gate = gates.find((user) => user.schoolId === school.id);
    const principal = principals.find((user) => user.schoolId === school.id);
    if (!gate || !principal) continue;
    const open = school.code === 'S05';
    if (open) await tx.school.update({ where: { id: school.id }, data: { gateClosed: false } });
    const returning = await tx.person.findMany({ where: { schoolId: school.id, status: 'active' }, select: { id: true, name: true }, orderBy: { sortName: 'asc' }, take: 40 });
    const entries: Prisma.GateEntryCreateManyInput[] = [];
    const visitor = (day: string, minutes: number, options: { approval?: Approval; temperature?: number; answers?: boolean[]; outAfter?: number | null }) => {
      const [organisation, visitReason] = VISITS[Math.floor(random() * VISITS.length)]!;
      const reason = options.approval?.reason ?? visitReason;
      const answers = QUESTIONS.map((question, position) => ({ question, yes: options.answers?.[position] ?? false }));
      const temperature = options.temperature ?? Math.round((36 + random() * 0.9) * 10) / 10;
      const decision = gateDecision({ kind: 'visitor', temperature, answers, closed: !open, approved: Boolean(options.approval), feverThreshold: 37.3 });
      const inAt = instantOfDay(day, timeZone, minutes);
      const outAfter = options.outAfter === undefined ? 30 + Math.floor(random() * 120) : options.outAfter;
      entries.push({
        schoolId: school.id, day: new Date(`${day}T00:00:00Z`), kind: 'visitor', name: options.approval?.name ?? chineseName(random), phone: phoneOf(random), organisation, reason,
        visiting: random() < 0.6 ? principal.displayName : null, answers, approvalId: options.approval?.id ?? null, temperature, refusal: decision.refusal,
        refusalDetail: decision.detail, inAt, outAt: decision.refusal || outAfter === null ? null : new Date(inAt.getTime() + outAfter * 60_000),
        recordedById: gate.id, recordedByName: gate.displayName, schoolSeenAt: decision.refusal ? new Date(inAt.getTime() + 3_600_000) : null,
        centreSeenAt: decision.refusal === 'fever' ? new Date(inAt.getTime() + 5_400_000) : null,
      });
    };
    const approve = (day: string, name?: string, reason?: string): Promise<Approval> =>
      tx.gateApproval.create({
        data: { schoolId: school.id, day: new Date(`${day}T00:00:00Z`), name: name ?? chineseName(random), reason: reason ?? VISITS[Math.floor(random() * VISITS.length)]![1], createdById: principal.id, createdBy: principal.displayName },
        select: { id: true, name: true, reason: true },
      });

    for (let back = PAST_DAYS; back >= 1; back -= 1) {
      const day = addDays(today, -back);
      const visitors = 1 + Math.floor(random() * 4);
      for (let n = 0; n < visitors; n += 1) {
        const minutes = 8 * 60 + Math.floor(random() * 8 * 60);
        const roll = random();
        if (roll < 0.05) visitor(day, minutes, { temperature: Math.round((37.4 + random()) * 10) / 10 });
        else if (roll < 0.09) visitor(day, minutes, { answers: [true, false, false] });
        else if (!open && roll < 0.13) visitor(day, minutes, {});
        else visitor(day, minutes, { approval: open ? undefined : await approve(day) });
      }
      // students and staff coming back through the gate (normal temperatures: their follow-ups of the day say nothing else)
      for (let n = 0; n < Math.floor(random() * 3) && returning.length; n += 1) {
        const person = returning[Math.floor(random() * returning.length)]!;
        entries.push({
          schoolId: school.id, day: new Date(`${day}T00:00:00Z`), kind: 'person', name: person.name, personId: person.id,
          temperature: Math.round((36.1 + random() * 0.7) * 10) / 10, inAt: instantOfDay(day, timeZone, 7 * 60 + Math.floor(random() * 90)),
          recordedById: gate.id, recordedByName: gate.displayName,
        });
      }
    }
    // Today: gate01's morning — a visitor inside since early on, two more pre-approved and expected.
    if (index === 0) {
      const early = Math.min(7 * 60 + 45, Math.max(0, Math.floor((now.getTime() - instantOfDay(today, timeZone).getTime()) / 60_000) - 5));
      visitor(today, early, { approval: await approve(today, '周建国', '检修监控设备'), outAfter: null });
      await approve(today, '张伟', '维修教学楼门窗');
      await approve(today, '刘芳', '送教材');
    }
    // yesterday's refusals are still to be seen (the principal's and the centre's alerts)
    const yesterday = new Date(`${addDays(today, -1)}T00:00:00Z`).getTime();
    for (const entry of entries) if (entry.refusal && (entry.day as Date).getTime() === yesterday) Object.assign(entry, { schoolSeenAt: null, centreSeenAt: null });
    await tx.gateEntry.createMany({ data: entries });
    count += entries.length;
  }
  return count;
}
