/**
 * Two weeks of daily follow-up history for the demo township, so the centre's
 * completeness grid and the principals' views show a real picture: most
 * schools report on time, a few late, one missed yesterday; today's calls are
 * under way in some classes and not started in others (teacher01's class is
 * left for the demo user).
 */
import crypto from 'node:crypto';
import type { Prisma } from '../../apps/api/src/generated/prisma/client.js';
import { addDays, dayInTimeZone, instantOfDay } from '../../packages/shared/src/days.js';
import { isOpenOn } from '../../packages/shared/src/quarantine.js';
import { seededRandom } from './names.js';

export const HISTORY_DAYS = 13;

const dateColumn = (day: string) => new Date(`${day}T00:00:00.000Z`);

export async function seedDemoFollowUps(tx: Prisma.TransactionClient, timeZone: string, now = new Date()): Promise<number> {
  const random = seededRandom(4);
  const today = dayInTimeZone(now, timeZone);
  const schools = await tx.school.findMany({ orderBy: { code: 'asc' }, include: { classes: { include: { headTeacher: true } }, users: { where: { role: 'principal' } } } });
  const people = await tx.person.findMany({ where: { status: 'active' }, select: { id: true, schoolId: true, classId: true, kind: true } });
  // In quarantine on a day: a case open then (started by the day, not closed before it).
  const cases = await tx.quarantineCase.findMany({ select: { personId: true, startDay: true, closedDay: true } });
  const casesOf = new Map<string, { startDay: string; closedDay: string | null }[]>();
  for (const c of cases) {
    const period = { startDay: c.startDay.toISOString().slice(0, 10), closedDay: c.closedDay ? c.closedDay.toISOString().slice(0, 10) : null };
    (casesOf.get(c.personId) ?? casesOf.set(c.personId, []).get(c.personId)!).push(period);
  }
  const inQuarantineOn = (personId: string, day: string) => (casesOf.get(personId) ?? []).some((c) => isOpenOn(c, day));
  const firstClassOfS01 = schools[0]?.classes.find((schoolClass) => schoolClass.headTeacher?.username === 'teacher01')?.id;
  const followUps: Prisma.FollowUpCreateManyInput[] = [];
  const reports: Prisma.DailyReportCreateManyInput[] = [];

  for (let offset = HISTORY_DAYS; offset >= 0; offset -= 1) {
    const day = addDays(today, -offset);
    const dayStart = instantOfDay(day, timeZone).getTime();
    for (const [schoolIndex, school] of schools.entries()) {
      const principal = school.users[0];
      // Yesterday S05 never reported; S09 is often late; today only some schools have started.
      const missing = offset === 1 && school.code === 'S05';
      const startedToday = schoolIndex % 3 !== 0;
      if (offset === 0 && !startedToday) continue;
      const schoolPeople = people.filter((person) => person.schoolId === school.id);
      const totals = { total: 0, reached: 0, unreached: 0, exceptions: 0, inQuarantine: 0, outsideCity: 0, notStudying: 0 };
      const classTotals = new Map<string, typeof totals>();
      for (const person of schoolPeople) {
        if (offset === 0 && person.classId === firstClassOfS01) continue;
        if (offset === 0 && random() < 0.35) continue; // today's calls still under way
        const reached = random() > 0.01;
        const fever = reached && random() < 0.002;
        const cough = reached && !fever && random() < 0.002;
        const studied = person.kind === 'student' ? (random() < 0.9 ? 'yes' : random() < 0.5 ? 'partly' : 'no') : null;
        const isException = fever || cough;
        const teacher = school.classes.find((schoolClass) => schoolClass.id === person.classId)?.headTeacher;
        const recorder = person.kind === 'student' && teacher ? teacher : principal;
        followUps.push({
          id: crypto.randomUUID(),
          personId: person.id,
          day: dateColumn(day),
          schoolId: person.schoolId,
          classId: person.classId,
          method: random() < 0.7 ? 'phone' : 'wechat',
          reached,
          answeredBy: reached ? (person.kind === 'student' ? '家长' : '本人') : null,
          unreachableCode: reached ? null : 'no_answer',
          unreachableReason: null,
          temperature: reached ? (fever ? 37.6 : 36.2 + Math.round(random() * 8) / 10) : null,
          symptoms: fever ? ['fever'] : cough ? ['cough'] : [],
          whereabouts: 'home_township',
          studiedOnline: reached ? studied : null,
          isException,
          viaGroupChat: false,
          handlingNote: isException && offset > 0 ? '已通知家长带孩子到镇卫生院就诊,次日复查体温正常' : null,
          recordedById: recorder?.id ?? principal!.id,
          recordedByName: recorder?.displayName ?? principal!.displayName,
          createdAt: new Date(dayStart + (8 * 60 + Math.floor(random() * 120)) * 60_000),
        });
        const bucket = person.kind === 'student' && person.classId ? (classTotals.get(person.classId) ?? classTotals.set(person.classId, { ...totals }).get(person.classId)!) : null;
        for (const target of bucket ? [totals, bucket] : [totals]) {
          target.total += 1;
          if (reached) target.reached += 1;
          else target.unreached += 1;
          if (isException) target.exceptions += 1;
          if (inQuarantineOn(person.id, day)) target.inQuarantine += 1;
          if (studied === 'no') target.notStudying += 1;
        }
      }
      if (offset === 0 || missing) continue;
      const late = school.code === 'S09' && offset % 3 === 0;
      const filedAt = instantOfDay(day, timeZone, late ? 24 * 60 + 11 * 60 : 17 * 60 + Math.floor(random() * 180));
      for (const [classId, counts] of classTotals) {
        const teacher = school.classes.find((schoolClass) => schoolClass.id === classId)?.headTeacher;
        reports.push({
          level: 'class', day: dateColumn(day), schoolId: school.id, classId, scopeKey: classId, ...counts, isZero: counts.exceptions === 0,
          filedById: teacher?.id ?? principal!.id, filedByName: teacher?.displayName ?? principal!.displayName, filedAt: new Date(filedAt.getTime() - 3600_000), late: false,
        });
      }
      reports.push({
        level: 'school', day: dateColumn(day), schoolId: school.id, scopeKey: `school:${school.id}`, ...totals, isZero: totals.exceptions === 0,
        note: totals.exceptions === 0 ? '全校师生情况正常,零报告' : '异常情况已处置,详见名单', filedById: principal!.id, filedByName: principal!.displayName, filedAt, late,
      });
    }
  }
  // ~30,000 rows: one JSON parameter per chunk is much faster than the ORM's createMany here.
  for (let index = 0; index < followUps.length; index += 5000) {
    const chunk = JSON.stringify(followUps.slice(index, index + 5000));
    await tx.$executeRaw`
      INSERT INTO "FollowUp" (id, "personId", day, "schoolId", "classId", method, reached, "answeredBy", "unreachableCode", "unreachableReason", temperature, symptoms,
                              whereabouts, "studiedOnline", "isException", "viaGroupChat", "handlingNote", "recordedById", "recordedByName", "createdAt", "updatedAt")
      SELECT id, "personId", day, "schoolId", "classId", method::"ContactMethod", reached, "answeredBy", "unreachableCode"::"UnreachableCode", "unreachableReason", temperature,
             ARRAY(SELECT jsonb_array_elements_text(symptoms)), whereabouts::"Whereabouts", "studiedOnline"::"StudyStatus", "isException", "viaGroupChat",
             "handlingNote", "recordedById", "recordedByName", "createdAt", "createdAt"
      FROM jsonb_to_recordset(${chunk}::jsonb) AS x(id uuid, "personId" uuid, day date, "schoolId" uuid, "classId" uuid, method text, reached boolean,
        "answeredBy" text, "unreachableCode" text, "unreachableReason" text, temperature numeric, symptoms jsonb, whereabouts text, "studiedOnline" text, "isException" boolean,
        "viaGroupChat" boolean, "handlingNote" text, "recordedById" uuid, "recordedByName" text, "createdAt" timestamptz)`;
  }
  await tx.dailyReport.createMany({ data: reports });
  return followUps.length;
}
