/**
 * Quarantine cases (一人一案) on the real PostgreSQL: one case followed from a
 * follow-up exception to release and back to class — team, check-ins, a fever
 * alert, a correction kept beside the original, a request for help resolved,
 * an extension and a shortening — with every bad input refused, the scope of
 * each role, and the figures the principal's and the centre's views show.
 * Each step builds on the one before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

let ctx: TestContext;
const clients = {} as Record<'centre' | 'observer' | 'principal' | 'teacher' | 'member' | 'otherTeacher' | 'gate' | 'principalB', Client>;
const ids = {} as Record<'school' | 'classA' | 'classB' | 'student' | 'secondStudent' | 'principal' | 'member' | 'teacher' | 'gate' | 'teacherB' | 'followUp' | 'case' | 'secondCase', string>;

const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const day = (offset: number) => addDays(today(), offset);
const calm = (on: string, extra: object = {}) => ({
  day: on,
  method: 'phone',
  temperature: 36.5,
  symptoms: [],
  living: { foodOk: true, suppliesOk: true },
  study: { keepingUp: 'yes' },
  mood: 'calm',
  counsellingNote: '聊了线上课,情绪平稳',
  ...extra,
});

beforeAll(async () => {
  ctx = await setupTestApp();
  const school = await createSchool(ctx.db, { name: '义和镇隔离测试小学' });
  const schoolB = await createSchool(ctx.db, { name: '新桥村隔离测试小学' });
  const principal = await createUser(ctx.db, { role: 'principal', schoolId: school.id, displayName: '王校长' });
  const teacher = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id, displayName: '李老师' });
  const member = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id, displayName: '张老师' });
  const otherTeacher = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  const gate = await createUser(ctx.db, { role: 'gate_duty', schoolId: school.id });
  const teacherB = await createUser(ctx.db, { role: 'class_teacher', schoolId: schoolB.id });
  const classA = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 3, headTeacherId: teacher.id });
  // The team member heads another class: the case is not in their class.
  const classB = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 5, headTeacherId: member.id });
  const student = await createPerson(ctx.db, { schoolId: school.id, classId: classA.id, name: '陈小雨' });
  const secondStudent = await createPerson(ctx.db, { schoolId: school.id, classId: classB.id, name: '刘小峰' });
  Object.assign(ids, { school: school.id, classA: classA.id, classB: classB.id, student: student.id, secondStudent: secondStudent.id, principal: principal.id, member: member.id, teacher: teacher.id, gate: gate.id, teacherB: teacherB.id });
  clients.centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
  clients.observer = await signIn(ctx.app, (await createUser(ctx.db, { role: 'observer' })).username);
  clients.principal = await signIn(ctx.app, principal.username);
  clients.teacher = await signIn(ctx.app, teacher.username);
  clients.member = await signIn(ctx.app, member.username);
  clients.otherTeacher = await signIn(ctx.app, otherTeacher.username);
  clients.gate = await signIn(ctx.app, gate.username);
  clients.principalB = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: schoolB.id })).username);
});

const caseInput = (extra: object = {}) => ({
  personId: ids.student,
  reason: 'close_contact',
  startDay: day(-4),
  place: 'home',
  team: { leadId: ids.principal, memberIds: [ids.member] },
  plan: '居家隔离14天,每日早晚测温;专班每日电话询问',
  guardianContact: '陈母 13800001234',
  ...extra,
});

describe('opening a case from a follow-up exception', () => {
  it('the class teacher records a fever; the principal opens the case from it: 14 days, day 5 of 14, 9 left', async () => {
    const fever = await clients.teacher.request('PUT', `/api/follow-ups/${ids.student}/${day(-4)}`, {
      method: 'phone', reached: true, answeredBy: '母亲', temperature: 37.8, symptoms: ['fever'], whereabouts: 'home_township',
    });
    expect(fever.statusCode, fever.body).toBe(200);
    expect(fever.json().isException).toBe(true);
    ids.followUp = fever.json().id;

    const opened = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ fromFollowUpId: ids.followUp }));
    expect(opened.statusCode, opened.body).toBe(201);
    const file = opened.json();
    ids.case = file.id;
    // The census category follows the case, so the roster counts people in home quarantine from the cases.
    const person = (await clients.principal.request('GET', `/api/people/${ids.student}`)).json();
    expect(person.category.code).toBe('home_quarantine');
    expect(person.history.some((event: { kind: string; toLabel: string | null }) => event.kind === 'category_changed' && event.toLabel === '居家隔离')).toBe(true);
    expect(file).toMatchObject({
      status: 'open',
      reason: 'close_contact',
      startDay: day(-4),
      plannedEndDay: day(9),
      day: 5,
      of: 14,
      daysLeft: 9,
      checkInState: 'overdue',
      fromFollowUpId: ids.followUp,
      leadName: '王校长',
      person: { id: ids.student, name: '陈小雨', schoolId: ids.school, classId: ids.classA, grade: 3, schoolKind: 'primary' },
      can: { checkIn: true, manage: true },
    });
    expect(file.team).toEqual([
      { userId: ids.principal, displayName: '王校长', role: 'principal', lead: true },
      { userId: ids.member, displayName: '张老师', role: 'class_teacher', lead: false },
    ]);
    expect(file.events.map((event: { kind: string }) => event.kind)).toEqual(['opened']);
    expect(await ctx.db.auditLog.count({ where: { action: 'quarantine.open', entityId: ids.case } })).toBe(1);
  });

  it('refuses a second open case, an end before the start, a future start, a foreign follow-up and team members who are not staff of the school', async () => {
    const second = await clients.principal.request('POST', '/api/quarantine/cases', caseInput());
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'conflict', message: '此人已有未结案的隔离案例,一人只能有一个在案案例' });
    expect(second.json().fields.personId).toBeDefined();

    const endBeforeStart = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent, plannedEndDay: day(-5) }));
    expect(endBeforeStart.statusCode).toBe(400);
    expect(endBeforeStart.json().fields).toEqual({ plannedEndDay: '结束日期不能早于开始日期' });

    const future = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent, startDay: day(1) }));
    expect(future.json().fields).toEqual({ startDay: '日期不能晚于今天' });

    const foreignFollowUp = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent, fromFollowUpId: ids.followUp }));
    expect(foreignFollowUp.json().fields).toEqual({ fromFollowUpId: '该随访记录不属于此人' });

    const otherSchool = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent, team: { leadId: ids.principal, memberIds: [ids.member, ids.teacherB] } }), { 'accept-language': 'en' });
    expect(otherSchool.statusCode).toBe(400);
    expect(otherSchool.json().fields).toEqual({ 'team.memberIds.1': "Team members must be active principal or class teacher accounts of the person's school" });
    const gateLead = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent, team: { leadId: ids.gate } }));
    expect(gateLead.json().fields).toEqual({ 'team.leadId': '专班成员必须是本校在用的校园长或班主任账号' });

    // Nothing of those was written.
    expect(await ctx.db.quarantineCase.count()).toBe(1);
    // Only principals and the centre open cases (a class teacher, even for their own student: 403); another school's person is not found.
    expect((await clients.member.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent }))).statusCode).toBe(403);
    expect((await clients.teacher.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent }))).statusCode).toBe(404);
    expect((await clients.principalB.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent }))).statusCode).toBe(404);
  });

  it('a second case, opened today by the centre, with only the principal on its team, defaults to the reason’s length', async () => {
    const opened = await clients.centre.request('POST', '/api/quarantine/cases', caseInput({ personId: ids.secondStudent, reason: 'returned_from_outside_city', startDay: day(0), team: { leadId: ids.principal } }));
    expect(opened.statusCode, opened.body).toBe(201);
    ids.secondCase = opened.json().id;
    expect(opened.json()).toMatchObject({ plannedEndDay: day(13), day: 1, of: 14, daysLeft: 13, checkInState: 'due' });
  });
});

describe('who sees the case', () => {
  it('the team member (head of another class), the principal, the centre and observers read it; the class teacher not on the team, other teachers, gate staff and another school’s principal get 404', async () => {
    const expected = { centre: 200, observer: 200, principal: 200, member: 200, teacher: 404, otherTeacher: 404, gate: 404, principalB: 404 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const response = await clients[role as keyof typeof expected].request('GET', `/api/quarantine/cases/${ids.case}`);
      expect(`${role} ${response.statusCode}`).toBe(`${role} ${status}`);
    }
    const observerFile = (await clients.observer.request('GET', `/api/quarantine/cases/${ids.case}`)).json();
    expect(observerFile.can).toEqual({ checkIn: false, manage: false });
    expect((await clients.member.request('GET', `/api/quarantine/cases/${ids.case}`)).json().can).toEqual({ checkIn: true, manage: false });
  });

  it('lists hold only the cases in scope', async () => {
    const names = async (client: Client) => ((await client.request('GET', '/api/quarantine/cases')).json().items as { person: { name: string } }[]).map((item) => item.person.name);
    expect(await names(clients.principal)).toEqual(['陈小雨', '刘小峰']);
    expect(await names(clients.member)).toEqual(['陈小雨']);
    expect(await names(clients.teacher)).toEqual([]);
    expect(await names(clients.principalB)).toEqual([]);
    expect(await names(clients.observer)).toEqual(['陈小雨', '刘小峰']);
  });

  it('the class teacher not on the team still sees in the worklist that the student is in quarantine, with the case to link to', async () => {
    const list = (await clients.teacher.request('GET', `/api/follow-ups/worklist?classId=${ids.classA}`)).json();
    expect(list.items[0]).toMatchObject({ personId: ids.student, inQuarantine: true, caseId: ids.case });
    const before = (await clients.teacher.request('GET', `/api/follow-ups/worklist?classId=${ids.classA}&day=${day(-5)}`)).json();
    expect(before.items[0]).toMatchObject({ inQuarantine: false, caseId: null });
  });

  it('observers, gate staff and teachers off the team cannot check in', async () => {
    expect((await clients.observer.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-4)))).statusCode).toBe(403);
    expect((await clients.teacher.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-4)))).statusCode).toBe(404);
    expect((await clients.gate.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-4)))).statusCode).toBe(404);
  });
});

describe('daily check-ins', () => {
  it('cases to check in today: overdue first for the principal; the team member sees their team’s case only', async () => {
    const principalList = (await clients.principal.request('GET', '/api/quarantine/check-ins/today')).json();
    expect(principalList.counts).toEqual({ open: 2, done: 0, due: 1, overdue: 1 });
    expect(principalList.items.map((item: { id: string; checkInState: string }) => [item.id, item.checkInState])).toEqual([
      [ids.case, 'overdue'],
      [ids.secondCase, 'due'],
    ]);
    const memberList = (await clients.member.request('GET', '/api/quarantine/check-ins/today')).json();
    expect(memberList.items.map((item: { id: string }) => item.id)).toEqual([ids.case]);
    expect((await clients.teacher.request('GET', '/api/quarantine/check-ins/today')).json().items).toEqual([]);
  });

  it('the team member checks in for each past day; the case is then due today, no longer overdue', async () => {
    for (let offset = -4; offset <= -1; offset += 1) {
      const response = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(offset), offset === -1 ? { mood: 'worried', counsellingNote: '担心落下功课,已安慰' } : {}));
      expect(response.statusCode, response.body).toBe(201);
    }
    const list = (await clients.principal.request('GET', '/api/quarantine/check-ins/today')).json();
    expect(list.items.find((item: { id: string }) => item.id === ids.case)).toMatchObject({ checkInState: 'due', lastCheckInDay: day(-1) });
  });

  it('refuses a check-in in the future, before the start, or a second one for a day', async () => {
    const future = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(1)));
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual({ day: '日期不能晚于今天' });
    const before = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-5)));
    expect(before.json().fields).toEqual({ day: '日期不能早于隔离开始日期' });
    const again = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-1)));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该日已有询问记录;如需修改请提交更正');
    const badTemperature = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(0), { temperature: 45 }));
    expect(badTemperature.statusCode).toBe(400);
    expect(Object.keys(badTemperature.json().fields)).toEqual(['temperature']);
  });

  it('a fever today raises an alert the principal and the centre see, and no one in another school', async () => {
    const fever = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(0), { temperature: 38.2, symptoms: ['fever'], mood: 'anxious' }));
    expect(fever.statusCode, fever.body).toBe(201);
    const checkIn = fever.json().checkIns.at(-1);
    expect(checkIn).toMatchObject({ day: day(0), temperature: 38.2, alerts: ['fever'], recordedByName: '张老师' });
    expect(fever.json()).toMatchObject({ alert: true, checkInState: 'done' });

    const school = (await clients.principal.request('GET', '/api/quarantine/school')).json();
    expect(school.alerts).toEqual([expect.objectContaining({ caseId: ids.case, checkInId: checkIn.id, kinds: ['fever'], temperature: 38.2, mood: 'anxious', person: expect.objectContaining({ name: '陈小雨' }) })]);
    const overview = (await clients.centre.request('GET', '/api/quarantine/overview')).json();
    expect(overview.alerts.map((alert: { checkInId: string }) => alert.checkInId)).toEqual([checkIn.id]);
    expect(overview.schools.find((row: { schoolId: string }) => row.schoolId === ids.school)).toMatchObject({ open: 2, alerts: 1, newToday: 1 });
    expect((await clients.observer.request('GET', '/api/quarantine/alerts')).json().items).toHaveLength(1);
    expect((await clients.principalB.request('GET', '/api/quarantine/alerts')).json().items).toEqual([]);
  });

  it('a correction is a new entry beside the original, which stays; a corrected entry cannot be corrected again', async () => {
    const file = (await clients.member.request('GET', `/api/quarantine/cases/${ids.case}`)).json();
    const original = file.checkIns.find((row: { day: string }) => row.day === day(-1));
    const corrected = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-1), { mood: 'anxious', counsellingNote: '更正:实际为焦虑,已联系心理老师', correctsCheckInId: original.id }));
    expect(corrected.statusCode, corrected.body).toBe(201);
    const rows = corrected.json().checkIns as { id: string; day: string; mood: string; correctsCheckInId: string | null; correctedByCheckInId: string | null }[];
    expect(rows.map((row) => row.day)).toEqual([day(-4), day(-3), day(-2), day(-1), day(-1), day(0)]);
    const [kept, correction] = [rows[3]!, rows[4]!];
    expect(kept).toMatchObject({ id: original.id, mood: 'worried', correctsCheckInId: null });
    expect(correction).toMatchObject({ mood: 'anxious', correctsCheckInId: original.id, correctedByCheckInId: null });
    expect(kept.correctedByCheckInId).toBe(correction.id);
    expect(corrected.json().events.at(-1)).toMatchObject({ kind: 'correction', day: day(-1), checkInId: correction.id });

    const twice = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-1), { correctsCheckInId: original.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该记录已被更正;请在最新的记录上更正');
    const otherDay = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(-2), { correctsCheckInId: correction.id }));
    expect(otherDay.json().fields).toEqual({ day: '更正记录的日期必须与原记录相同' });
    // The database keeps history append-only, whatever the code does.
    await expect(ctx.db.caseCheckIn.update({ where: { id: original.id }, data: { mood: 'calm' } })).rejects.toThrow();
    await expect(ctx.db.caseEvent.deleteMany({ where: { caseId: ids.case } })).rejects.toThrow();
  });

  it('“needs help” lists the case on the principal’s view until someone resolves it', async () => {
    const withoutWhat = await clients.principal.request('POST', `/api/quarantine/cases/${ids.secondCase}/check-ins`, calm(day(0), { needsHelp: true }));
    expect(withoutWhat.json().fields).toEqual({ 'living.helpNeeded': '标记“需要帮助”时请写明需要什么帮助' });
    const asked = await clients.principal.request('POST', `/api/quarantine/cases/${ids.secondCase}/check-ins`, calm(day(0), { needsHelp: true, living: { foodOk: false, suppliesOk: true, helpNeeded: '家中缺米面蔬菜,需代购' } }));
    expect(asked.statusCode, asked.body).toBe(201);
    const checkInId = asked.json().checkIns[0].id;
    let school = (await clients.principal.request('GET', '/api/quarantine/school')).json();
    expect(school.help).toEqual([expect.objectContaining({ caseId: ids.secondCase, checkInId, helpNeeded: '家中缺米面蔬菜,需代购' })]);
    expect(school.counts.needsHelp).toBe(1);
    expect(school.open.find((item: { id: string }) => item.id === ids.secondCase).needsHelp).toBe(true);
    expect((await clients.centre.request('GET', '/api/quarantine/overview')).json().totals.needsHelp).toBe(1);

    const resolved = await clients.principal.request('POST', `/api/quarantine/cases/${ids.secondCase}/check-ins/${checkInId}/resolve-help`, { note: '村社区网格员已代购送达' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().checkIns[0].helpResolution).toMatchObject({ byName: '王校长', note: '村社区网格员已代购送达' });
    expect(resolved.json().events.at(-1)).toMatchObject({ kind: 'help_resolved', checkInId });
    school = (await clients.principal.request('GET', '/api/quarantine/school')).json();
    expect(school.help).toEqual([]);
    expect((await clients.principal.request('POST', `/api/quarantine/cases/${ids.secondCase}/check-ins/${checkInId}/resolve-help`, { note: '再次' })).statusCode).toBe(409);
  });
});

describe('changing the planned end, closing, returning', () => {
  it('the lead or principal extends with a reason; a member may not; the figures follow', async () => {
    expect((await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/extend`, { plannedEndDay: day(12), reason: '发热,延长观察' })).statusCode).toBe(403);
    const notLater = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/extend`, { plannedEndDay: day(9), reason: '发热' });
    expect(notLater.json().fields).toEqual({ plannedEndDay: '延长后的结束日期必须晚于当前计划结束日期' });
    expect((await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/extend`, { plannedEndDay: day(12) })).statusCode).toBe(400);
    const extended = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/extend`, { plannedEndDay: day(12), reason: '出现发热,延长观察3天' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({ plannedEndDay: day(12), day: 5, of: 17, daysLeft: 12 });
    expect(extended.json().events.at(-1)).toMatchObject({ kind: 'extended', fromDay: day(9), toDay: day(12), note: '出现发热,延长观察3天', byName: '王校长' });
  });

  it('shortening needs a reason and cannot end before the start; released before the end is refused; the return waits for the close', async () => {
    const beforeStart = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/shorten`, { plannedEndDay: day(-5), reason: '核酸阴性' });
    expect(beforeStart.json().fields).toEqual({ plannedEndDay: '结束日期不能早于开始日期' });
    const notEarlier = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/shorten`, { plannedEndDay: day(12), reason: '核酸阴性' });
    expect(notEarlier.json().fields).toEqual({ plannedEndDay: '缩短后的结束日期必须早于当前计划结束日期' });
    const early = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/close`, { outcome: 'released', day: day(0) });
    expect(early.json().fields).toEqual({ outcome: '尚未到计划结束日期;请选择“提前解除隔离”并说明原因' });
    const noNote = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/close`, { outcome: 'released_early', day: day(0) });
    expect(Object.keys(noNote.json().fields)).toEqual(['note']);
    const returnOpen = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/return`, { day: day(0) });
    expect(returnOpen.statusCode).toBe(409);
    expect(returnOpen.json().message).toBe('案例尚未结案,不能登记返校');

    const shortened = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/shorten`, { plannedEndDay: day(0), reason: '镇卫生院复查排除,体温已正常' });
    expect(shortened.statusCode, shortened.body).toBe(200);
    expect(shortened.json()).toMatchObject({ plannedEndDay: day(0), day: 5, of: 5, daysLeft: 0 });
  });

  it('the principal releases the case (解除隔离): no more check-ins; the return to class is recorded once, not before the close', async () => {
    const future = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/close`, { outcome: 'released', day: day(1) });
    expect(future.json().fields).toEqual({ day: '日期不能晚于今天' });
    const beforeLastCheckIn = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/close`, { outcome: 'released_early', day: day(-1), note: '复查正常' });
    expect(beforeLastCheckIn.json().fields).toEqual({ day: '结案日期不能早于最后一次询问的日期' });
    const closed = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/close`, { outcome: 'released', day: day(0), note: '隔离期满,体温正常' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'released', closedDay: day(0), day: 5, of: 5, daysLeft: 0, closeNote: '隔离期满,体温正常', can: { checkIn: false } });
    expect((await clients.principal.request('GET', `/api/people/${ids.student}`)).json().category.code).toBe('normal');

    const afterClose = await clients.member.request('POST', `/api/quarantine/cases/${ids.case}/check-ins`, calm(day(0)));
    expect(afterClose.statusCode).toBe(409);
    expect(afterClose.json().message).toBe('该案例已结案,不能再登记询问或修改');
    expect((await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/extend`, { plannedEndDay: day(3), reason: '复查' })).statusCode).toBe(409);
    expect((await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/close`, { outcome: 'other', day: day(0), note: '再次' })).statusCode).toBe(409);

    const early = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/return`, { day: day(-1) });
    expect(early.json().fields).toEqual({ day: '返校日期不能早于结案日期' });
    const back = await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/return`, { day: day(0), note: '已返校上课' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().returnedDay).toBe(day(0));
    expect((await clients.principal.request('POST', `/api/quarantine/cases/${ids.case}/return`, { day: day(0) })).statusCode).toBe(409);

    // Once closed, a new case may be opened for the same person.
    expect(back.json().events.map((event: { kind: string }) => event.kind)).toEqual([
      'opened', 'check_in', 'check_in', 'check_in', 'check_in', 'check_in', 'correction', 'extended', 'shortened', 'closed', 'returned',
    ]);
  });

  it('the case file holds everything in order; every write left an audit row without values', async () => {
    // Read as the school's principal: the observer reads the file without its free text (observer-masking.test.ts).
    const file = (await clients.principal.request('GET', `/api/quarantine/cases/${ids.case}`)).json();
    expect(file).toMatchObject({ plan: '居家隔离14天,每日早晚测温;专班每日电话询问', guardianContact: '陈母 13800001234', openedByName: expect.any(String), returnedDay: day(0) });
    expect(file.checkIns).toHaveLength(6);
    const actions = (await ctx.db.auditLog.findMany({ where: { action: { startsWith: 'quarantine.' } }, select: { action: true } })).map((row) => row.action);
    expect(new Set(actions)).toEqual(new Set(['quarantine.open', 'quarantine.check_in', 'quarantine.correct_check_in', 'quarantine.resolve_help', 'quarantine.extend', 'quarantine.shorten', 'quarantine.close', 'quarantine.return']));
  });
});

describe('the views’ figures', () => {
  it('the principal: open with day N of M and days left, closed with their outcome and return; new and released today', async () => {
    const school = (await clients.principal.request('GET', '/api/quarantine/school')).json();
    expect(school.counts).toEqual({ open: 1, newToday: 1, releasedToday: 1, closed: 1, needsHelp: 0, alerts: 1 });
    expect(school.open).toEqual([expect.objectContaining({ id: ids.secondCase, day: 1, of: 14, daysLeft: 13, checkInState: 'done', status: 'open' })]);
    expect(school.closed).toEqual([expect.objectContaining({ id: ids.case, day: 5, of: 5, outcome: 'released', closedDay: day(0), returnedDay: day(0) })]);
    expect((await clients.principalB.request('GET', `/api/quarantine/school?schoolId=${ids.school}`)).statusCode).toBe(404);
    expect((await clients.member.request('GET', '/api/quarantine/school')).statusCode).toBe(403);
  });

  it('the centre: open per school, new and released today, open cases by day for the chart', async () => {
    const overview = (await clients.centre.request('GET', '/api/quarantine/overview?days=7')).json();
    expect(overview.totals).toMatchObject({ open: 1, newToday: 1, releasedToday: 1, needsHelp: 0, alerts: 1 });
    expect(overview.openByDay).toEqual([
      { day: day(-6), open: 0 },
      { day: day(-5), open: 0 },
      { day: day(-4), open: 1 },
      { day: day(-3), open: 1 },
      { day: day(-2), open: 1 },
      { day: day(-1), open: 1 },
      // released today, the second case opened today
      { day: day(0), open: 1 },
    ]);
    expect((await clients.principal.request('GET', '/api/quarantine/overview')).statusCode).toBe(403);
    expect((await clients.observer.request('GET', '/api/quarantine/overview')).statusCode).toBe(200);
  });

  it('follow-ups and class reports count “in quarantine” from the cases open on the day', async () => {
    const yesterday = (await clients.teacher.request('GET', `/api/follow-ups/worklist?classId=${ids.classA}&day=${day(-1)}`)).json();
    expect(yesterday.items[0]).toMatchObject({ inQuarantine: true, caseId: ids.case });
    const todays = (await clients.teacher.request('GET', `/api/follow-ups/worklist?classId=${ids.classA}`)).json();
    expect(todays.items[0]).toMatchObject({ inQuarantine: false, caseId: null });

    await clients.teacher.request('PUT', `/api/follow-ups/${ids.student}/${day(-1)}`, { method: 'phone', reached: true, temperature: 36.6, symptoms: [] });
    const report = await clients.teacher.request('POST', '/api/daily-reports/class', { classId: ids.classA, day: day(-1) });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json()).toMatchObject({ total: 1, inQuarantine: 1 });
  });
});

describe('the centre’s default length per reason', () => {
  it('a close contact quarantines 21 days when the centre says so; other reasons keep the general default', async () => {
    const bad = await clients.centre.request('PUT', '/api/settings', { quarantineDaysByReason: { close_contact: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['quarantineDaysByReason.close_contact']);
    const saved = await clients.centre.request('PUT', '/api/settings', { quarantineDaysByReason: { close_contact: 21 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ defaultQuarantineDays: 14, quarantineDaysByReason: { close_contact: 21 } });

    const third = await createPerson(ctx.db, { schoolId: ids.school, classId: ids.classA, name: '周小白' });
    const fourth = await createPerson(ctx.db, { schoolId: ids.school, classId: ids.classA, name: '吴小青' });
    const closeContact = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: third.id, startDay: day(0) }));
    expect(closeContact.json()).toMatchObject({ plannedEndDay: day(20), of: 21, daysLeft: 20 });
    const returned = await clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: fourth.id, reason: 'returned_from_outside_city', startDay: day(0) }));
    expect(returned.json()).toMatchObject({ plannedEndDay: day(13), of: 14 });
  });
});

describe('races', () => {
  it('two opens of a case for the same person at once: one wins, the other is told the person has an open case', async () => {
    const person = await createPerson(ctx.db, { schoolId: ids.school, classId: ids.classB, name: '郑小林' });
    const responses = await Promise.all([1, 2].map(() => clients.principal.request('POST', '/api/quarantine/cases', caseInput({ personId: person.id, startDay: day(0) }))));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json().message).toBe('此人已有未结案的隔离案例,一人只能有一个在案案例');
    const caseId = responses.find((response) => response.statusCode === 201)!.json().id;

    const checkIns = await Promise.all([1, 2].map(() => clients.principal.request('POST', `/api/quarantine/cases/${caseId}/check-ins`, calm(day(0)))));
    expect(checkIns.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(await ctx.db.caseCheckIn.count({ where: { caseId } })).toBe(1);
  });
});
