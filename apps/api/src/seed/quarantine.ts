/**
 * The demo's quarantine cases (一人一案): each of the 59 people in home
 * quarantine has an open case with its team (the principal leads, the class
 * teacher and another teacher are members), a plan, and a check-in for every
 * past day; today about half have been checked in. Most are calm, a few
 * worried or anxious, one household asks for help nobody has resolved yet;
 * nobody is in crisis. Ten earlier cases are closed: released and back in
 * school. Written with createMany, so the first start stays fast.
 */
import crypto from 'node:crypto';
import { addDays, dayInTimeZone, plannedEnd, type CaseReason, type Mood } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { seededRandom } from './names.js';

const dateColumn = (day: string) => new Date(`${day}T00:00:00.000Z`);

const PLANS: Record<CaseReason, string> = {
  returned_from_outside_city: '居家隔离14天,每日早晚两次测温并报专班;不外出、不串门;班主任每日电话询问身体、生活和线上学习情况,校园长每两日回访一次。',
  key_region_contact: '与重点地区来往人员有接触,居家隔离14天;家庭成员同步做好防护;每日测温两次,出现发热、咳嗽立即报告并就医;专班每日询问并做好心理疏导。',
  close_contact: '密切接触者,居家隔离14天,配合镇卫生院随访;每日两次测温;生活物资由村社区协助代购;专班每日电话询问,做好心理疏导。',
  fever: '发热已就诊排除,居家观察14天;每日测温三次;体温再次升高立即报告并送镇卫生院;专班每日询问。',
  other: '居家隔离14天,每日测温两次,专班每日询问。',
};
const REASON_NOTES: Partial<Record<CaseReason, string[]>> = {
  returned_from_outside_city: ['春节期间从市外探亲返回', '随父母从外省务工地返回', '寒假从市外亲戚家返回'],
  key_region_contact: ['家中亲属曾与重点地区返乡人员同桌用餐', '邻居为重点地区返乡人员'],
  close_contact: ['与确诊病例同乘一辆客车'],
};
const COUNSELLING = ['与学生聊了线上课的进度,情绪平稳', '提醒家长注意孩子作息,鼓励每天适当运动', '学生说想念同学,约定下周班会连线', '家长担心学习落下,已说明线上课回放的用法'];

interface Teacher {
  id: string;
  displayName: string;
}

export async function seedDemoQuarantine(tx: Prisma.TransactionClient, timeZone: string, now = new Date()): Promise<number> {
  const random = seededRandom(59);
  const today = dayInTimeZone(now, timeZone);
  const quarantined = await tx.person.findMany({
    where: { status: 'active', category: { code: 'home_quarantine' } },
    select: { id: true, schoolId: true, kind: true, name: true, guardians: { where: { position: 0 }, select: { name: true, phone: true } }, schoolClass: { select: { headTeacherId: true } } },
    orderBy: { id: 'asc' },
  });
  const released = await tx.person.findMany({
    where: { status: 'active', kind: 'student', category: { code: 'returned_outside_city' } },
    select: { id: true, schoolId: true, kind: true, name: true, guardians: { where: { position: 0 }, select: { name: true, phone: true } }, schoolClass: { select: { headTeacherId: true } } },
    orderBy: { id: 'asc' },
    take: 10,
  });
  const staff = await tx.user.findMany({ where: { role: { in: ['principal', 'class_teacher'] }, schoolId: { not: null } }, select: { id: true, displayName: true, role: true, schoolId: true }, orderBy: { username: 'asc' } });
  const principalOf = new Map(staff.filter((user) => user.role === 'principal').map((user) => [user.schoolId!, user as Teacher]));
  const teachersOf = new Map<string, Teacher[]>();
  for (const user of staff) if (user.role === 'class_teacher') (teachersOf.get(user.schoolId!) ?? teachersOf.set(user.schoolId!, []).get(user.schoolId!)!).push(user);

  const cases: Prisma.QuarantineCaseCreateManyInput[] = [];
  const team: Prisma.CaseTeamMemberCreateManyInput[] = [];
  const checkIns: Prisma.CaseCheckInCreateManyInput[] = [];
  const events: Prisma.CaseEventCreateManyInput[] = [];
  let helpLeft = 1;

  const open = (person: (typeof quarantined)[number], reason: CaseReason, startDay: string, close: { day: string; returned: string } | null) => {
    const principal = principalOf.get(person.schoolId)!;
    const teachers = teachersOf.get(person.schoolId) ?? [];
    const head = teachers.find((teacher) => teacher.id === person.schoolClass?.headTeacherId);
    const others = teachers.filter((teacher) => teacher.id !== head?.id);
    const members = [head, others[Math.floor(random() * others.length)]].filter((member): member is Teacher => Boolean(member));
    const id = crypto.randomUUID();
    const endDay = plannedEnd(startDay, 14);
    const notes = REASON_NOTES[reason];
    const guardian = person.guardians[0];
    cases.push({
      id,
      personId: person.id,
      schoolId: person.schoolId,
      reason,
      reasonNote: notes ? notes[Math.floor(random() * notes.length)]! : null,
      place: 'home',
      startDay: dateColumn(startDay),
      plannedEndDay: dateColumn(endDay),
      plan: PLANS[reason],
      guardianContact: guardian ? `${guardian.name} ${guardian.phone ?? ''}`.trim() : null,
      closedDay: close ? dateColumn(close.day) : null,
      outcome: close ? 'released' : null,
      closeNote: close ? '隔离期满,体温正常,无症状,解除隔离' : null,
      returnedDay: close ? dateColumn(close.returned) : null,
      openedById: principal.id,
      openedByName: principal.displayName,
      openedAt: new Date(`${startDay}T02:00:00.000Z`),
    });
    team.push({ caseId: id, userId: principal.id, lead: true }, ...members.map((member) => ({ caseId: id, userId: member.id, lead: false })));
    events.push({ caseId: id, kind: 'opened', day: dateColumn(startDay), toDay: dateColumn(endDay), byUserId: principal.id, byName: principal.displayName, at: new Date(`${startDay}T02:00:00.000Z`) });
    const recorder = members[0] ?? principal;
    const lastDay = close ? close.day : random() < 0.5 ? today : addDays(today, -1);
    for (let day = startDay; day <= lastDay; day = addDays(day, 1)) {
      const roll = random();
      const mood: Mood = roll < 0.82 ? 'calm' : roll < 0.94 ? 'worried' : 'anxious';
      const needsHelp = !close && helpLeft > 0 && day === addDays(today, -1);
      if (needsHelp) helpLeft -= 1;
      const checkInId = crypto.randomUUID();
      const at = new Date(`${day}T01:30:00.000Z`);
      checkIns.push({
        id: checkInId,
        caseId: id,
        day: dateColumn(day),
        method: random() < 0.8 ? 'phone' : 'wechat',
        temperature: 36.2 + Math.round(random() * 6) / 10,
        symptoms: [],
        foodOk: !needsHelp,
        suppliesOk: true,
        helpNeeded: needsHelp ? '家中老人行动不便,蔬菜和米面快吃完了,需要帮忙代购' : null,
        keepingUp: person.kind === 'student' ? (random() < 0.85 ? 'yes' : 'partly') : null,
        materialsNeeded: null,
        mood,
        counsellingNote: mood !== 'calm' || random() < 0.3 ? COUNSELLING[Math.floor(random() * COUNSELLING.length)]! : null,
        needsHelp,
        recordedById: recorder.id,
        recordedByName: recorder.displayName,
        recordedAt: at,
      });
      events.push({ caseId: id, kind: 'check_in', day: dateColumn(day), checkInId, byUserId: recorder.id, byName: recorder.displayName, at });
    }
    if (close) {
      events.push({ caseId: id, kind: 'closed', day: dateColumn(close.day), outcome: 'released', note: '隔离期满,体温正常,无症状,解除隔离', byUserId: principal.id, byName: principal.displayName, at: new Date(`${close.day}T03:00:00.000Z`) });
      events.push({ caseId: id, kind: 'returned', day: dateColumn(close.returned), byUserId: principal.id, byName: principal.displayName, at: new Date(`${close.returned}T03:00:00.000Z`) });
    }
  };

  const reasons: [CaseReason, number][] = [['returned_from_outside_city', 0.6], ['key_region_contact', 0.28], ['close_contact', 0.1], ['fever', 0.02]];
  for (const person of quarantined) {
    let roll = random();
    const reason = reasons.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'returned_from_outside_city';
    open(person, reason, addDays(today, -(1 + Math.floor(random() * 13))), null);
  }
  // Earlier cases: released after 14 days, back in school the next day.
  for (const person of released) {
    const startDay = addDays(today, -(28 + Math.floor(random() * 8)));
    const closeDay = plannedEnd(startDay, 14);
    open(person, 'returned_from_outside_city', startDay, { day: closeDay, returned: addDays(closeDay, 1) });
  }

  await tx.quarantineCase.createMany({ data: cases });
  await tx.caseTeamMember.createMany({ data: team, skipDuplicates: true });
  await tx.caseCheckIn.createMany({ data: checkIns });
  await tx.caseEvent.createMany({ data: events });
  return cases.length;
}
