/**
 * Two weeks of daily follow-up history for the demo township, so the centre's
 * completeness grid and the principals' views show a real picture: most
 * schools report on time, a few late, one missed yesterday; today's calls are
 * under way in some classes and not started in others (teacher01's class is
 * left for the demo user).
 */
import crypto from 'node:crypto';
import { addDays, dayInTimeZone, emptyDayCounts, instantOfDay, reportCountsFrom, type DayCounts } from '@campus/shared';
import { Prisma } from '../generated/prisma/client.js';
import { sqlRows } from '../db/sql.js';
import { reportFigures, schoolReportFigures } from '../services/daily-reports/filing.js';
import { dayCountsColumns, dayParam, peopleOfDay } from '../db/day-sql.js';
import { seededRandom } from './names.js';

export const HISTORY_DAYS = 13;

const dateColumn = (day: string) => new Date(`${day}T00:00:00.000Z`);

type StudyAnswer = Pick<Prisma.FollowUpCreateManyInput, 'studiedOnline' | 'studyMode' | 'notStudyingReason'>;

/**
 * How a reached student studied that day, as the report describes the township (issue 17): most with a phone or a
 * computer study online; with only a TV they follow the TV lessons; without a device, printed packs or nothing; a
 * left-behind child whose grandparents cannot use the phone often only partly, or not at all for want of supervision.
 */
function studyOf(person: { deviceAccess: string | null; leftBehind: boolean; guardianCanUseDevice: boolean | null }, random: () => number): StudyAnswer {
  const draw = random();
  const unsupervised = person.leftBehind && person.guardianCanUseDevice === false;
  const no = (notStudyingReason: StudyAnswer['notStudyingReason']): StudyAnswer => ({ studiedOnline: 'no', studyMode: null, notStudyingReason });
  const yes = (studyMode: 'online' | 'paper' | 'tv', partly = false): StudyAnswer => ({ studiedOnline: partly ? 'partly' : 'yes', studyMode, notStudyingReason: null });
  if (person.deviceAccess === 'none') return draw < 0.55 ? yes('paper') : draw < 0.7 ? yes('paper', true) : no('no_device');
  if (person.deviceAccess === 'tv_only') return draw < 0.7 ? yes('tv') : draw < 0.8 ? yes('tv', true) : draw < 0.9 ? yes('paper') : no('no_device');
  if (unsupervised) return draw < 0.6 ? yes('online') : draw < 0.82 ? yes('online', true) : draw < 0.94 ? no('no_supervision') : no('no_network');
  if (draw < 0.9) return yes('online');
  if (draw < 0.95) return yes('online', true);
  if (draw < 0.97) return no('no_network');
  if (draw < 0.99) return no('ill');
  return no('other');
}

export async function seedDemoFollowUps(tx: Prisma.TransactionClient, timeZone: string, now = new Date()): Promise<number> {
  const random = seededRandom(4);
  // A separate sequence for how students studied, so the rest of the history (reached, fevers) stays as it was.
  const studyRandom = seededRandom(17);
  const today = dayInTimeZone(now, timeZone);
  const schools = await tx.school.findMany({ orderBy: { code: 'asc' }, include: { classes: { include: { headTeacher: true } }, users: { where: { role: 'principal' } } } });
  const people = await tx.person.findMany({ where: { status: 'active' }, select: { id: true, schoolId: true, classId: true, kind: true, deviceAccess: true, leftBehind: true, guardianCanUseDevice: true } });
  const firstClassOfS01 = schools[0]?.classes.find((schoolClass) => schoolClass.headTeacher?.username === 'teacher01')?.id;
  const followUps: Prisma.FollowUpCreateManyInput[] = [];
  const filings: { schoolId: string; day: string; late: boolean; filedAt: Date; principal: { id: string; displayName: string }; teachers: Map<string, { id: string; displayName: string } | null> }[] = [];

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
      for (const person of schoolPeople) {
        if (offset === 0 && person.classId === firstClassOfS01) continue;
        if (offset === 0 && random() < 0.35) continue; // today's calls still under way
        const reached = random() > 0.002;
        const fever = reached && random() < 0.002;
        const cough = reached && !fever && random() < 0.002;
        const studiedBefore = person.kind === 'student' ? (random() < 0.9 ? 'yes' : random() < 0.5 ? 'partly' : 'no') : null;
        const study = studiedBefore && reached ? studyOf(person, studyRandom) : { studiedOnline: null, studyMode: null, notStudyingReason: null };
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
          ...study,
          isException,
          viaGroupChat: false,
          handlingNote: isException && offset > 0 ? '已通知家长带孩子到镇卫生院就诊,次日复查体温正常' : null,
          recordedById: recorder?.id ?? principal!.id,
          recordedByName: recorder?.displayName ?? principal!.displayName,
          // Today's calls were made this morning: never later than now (seeded at 2 a.m., they are not in the future).
          createdAt: new Date(Math.min(dayStart + (8 * 60 + Math.floor(random() * 120)) * 60_000, now.getTime() - 60_000)),
        });
      }
      if (offset === 0 || missing) continue;
      const late = school.code === 'S09' && offset % 3 === 0;
      const filedAt = instantOfDay(day, timeZone, late ? 24 * 60 + 11 * 60 : 17 * 60 + Math.floor(random() * 180));
      filings.push({ schoolId: school.id, day, late, filedAt, principal: principal!, teachers: new Map(school.classes.map((schoolClass) => [schoolClass.id, schoolClass.headTeacher])) });
    }
  }
  // ~30,000 rows: one JSON parameter per chunk is much faster than the ORM's createMany here.
  for (let index = 0; index < followUps.length; index += 5000) {
    const chunk = JSON.stringify(followUps.slice(index, index + 5000));
    await tx.$executeRaw`
      INSERT INTO "FollowUp" (id, "personId", day, "schoolId", "classId", method, reached, "answeredBy", "unreachableCode", "unreachableReason", temperature, symptoms,
                              whereabouts, "studiedOnline", "studyMode", "notStudyingReason", "isException", "viaGroupChat", "handlingNote", "recordedById", "recordedByName", "createdAt", "updatedAt")
      SELECT id, "personId", day, "schoolId", "classId", method::"ContactMethod", reached, "answeredBy", "unreachableCode"::"UnreachableCode", "unreachableReason", temperature,
             ARRAY(SELECT jsonb_array_elements_text(symptoms)), whereabouts::"Whereabouts", "studiedOnline"::"StudyStatus", "studyMode"::"StudyMode", "notStudyingReason"::"NotStudyingReason", "isException", "viaGroupChat",
             "handlingNote", "recordedById", "recordedByName", "createdAt", "createdAt"
      FROM jsonb_to_recordset(${chunk}::jsonb) AS x(id uuid, "personId" uuid, day date, "schoolId" uuid, "classId" uuid, method text, reached boolean,
        "answeredBy" text, "unreachableCode" text, "unreachableReason" text, temperature numeric, symptoms jsonb, whereabouts text, "studiedOnline" text, "studyMode" text, "notStudyingReason" text, "isException" boolean,
        "viaGroupChat" boolean, "handlingNote" text, "recordedById" uuid, "recordedByName" text, "createdAt" timestamptz)`;
  }
  // The reports are filed from the records just written, counted as filing counts them.
  const reports: Prisma.DailyReportCreateManyInput[] = [];
  for (const day of new Set(filings.map((filing) => filing.day))) {
    const rows = await sqlRows<DayCounts & { schoolId: string; classId: string | null }>(tx, Prisma.sql`
      SELECT p."schoolId", CASE WHEN p.kind = 'student' THEN p."classId" END AS "classId", ${dayCountsColumns}
      FROM ${peopleOfDay(dayParam(day))} WHERE p.status = 'active' GROUP BY 1, 2`);
    for (const filing of filings.filter((item) => item.day === day)) {
      const none = emptyDayCounts();
      const staff = rows.find((row) => row.schoolId === filing.schoolId && row.classId === null) ?? none;
      const classReports = rows
        .filter((row) => row.schoolId === filing.schoolId && row.classId !== null)
        .map(({ schoolId, classId, ...counts }) => {
          const teacher = filing.teachers.get(classId!);
          const figures = reportFigures(reportCountsFrom(counts), false);
          reports.push({
            level: 'class', day: dateColumn(day), schoolId, classId, scopeKey: classId!, ...figures,
            filedById: teacher?.id ?? filing.principal.id, filedByName: teacher?.displayName ?? filing.principal.displayName, filedAt: new Date(filing.filedAt.getTime() - 3600_000), late: false,
          });
          return figures;
        });
      const figures = schoolReportFigures(classReports, staff);
      reports.push({
        level: 'school', day: dateColumn(day), schoolId: filing.schoolId, scopeKey: `school:${filing.schoolId}`, ...figures,
        note: figures.kind === 'zero' ? '全校师生情况正常,零报告' : '情况已核实,异常已处置,详见名单', filedById: filing.principal.id, filedByName: filing.principal.displayName, filedAt: filing.filedAt, late: filing.late,
      });
    }
  }
  await tx.dailyReport.createMany({ data: reports });
  return followUps.length;
}
