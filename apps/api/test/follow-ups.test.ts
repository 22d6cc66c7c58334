import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';
import { cellText } from './helpers/sheet.js';

let ctx: TestContext;
let teacher: Client;
let principal: Client;
let centre: Client;
let otherTeacher: Client;
let school: { id: string };
let classA: { id: string };
let classB: { id: string };
let studentsA: { id: string }[];
let studentsB: { id: string }[];
let staff: { id: string }[];
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const well = { method: 'phone', reached: true, answeredBy: '母亲', temperature: 36.6, symptoms: [], whereabouts: 'home_township', studiedOnline: 'yes' };

beforeAll(async () => {
  ctx = await setupTestApp();
  school = await createSchool(ctx.db);
  const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  const otherTeacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  classA = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 3, headTeacherId: teacherUser.id });
  classB = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 4, headTeacherId: otherTeacherUser.id });
  studentsA = [];
  for (let index = 0; index < 4; index += 1) studentsA.push(await createPerson(ctx.db, { schoolId: school.id, classId: classA.id }));
  studentsB = [await createPerson(ctx.db, { schoolId: school.id, classId: classB.id }), await createPerson(ctx.db, { schoolId: school.id, classId: classB.id })];
  staff = [await createPerson(ctx.db, { schoolId: school.id, classId: null, kind: 'staff' })];
  teacher = await signIn(ctx.app, teacherUser.username);
  otherTeacher = await signIn(ctx.app, otherTeacherUser.username);
  principal = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: school.id })).username);
  centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
});

const save = (client: Client, personId: string, body: object, day = today()) => client.request('PUT', `/api/follow-ups/${personId}/${day}`, body);

describe('recording a call', () => {
  it('one record per person per day: saving again updates it, a retry changes nothing', async () => {
    const first = await save(teacher, studentsA[0]!.id, well);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ reached: true, isException: false, version: 1, day: today() });
    const retry = await save(teacher, studentsA[0]!.id, well);
    expect(retry.json().version).toBe(1);
    const changed = await save(teacher, studentsA[0]!.id, { ...well, note: '家长说一切正常', version: 1 });
    expect(changed.json()).toMatchObject({ version: 2, note: '家长说一切正常' });
    expect(await ctx.db.followUp.count({ where: { personId: studentsA[0]!.id } })).toBe(1);
  });

  it('refuses a save based on a stale version, keeping what was saved', async () => {
    const stale = await save(principal, studentsA[0]!.id, { ...well, note: '旧版本上的修改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该记录已被他人修改,请刷新后再试');
    expect((await ctx.db.followUp.findFirstOrThrow({ where: { personId: studentsA[0]!.id } })).note).toBe('家长说一切正常');
  });

  it('a temperature at or over the fever threshold, or any symptom, is an exception; out-of-range input is an error', async () => {
    expect((await save(teacher, studentsA[1]!.id, { ...well, temperature: 37.2 })).json().isException).toBe(false);
    expect((await save(teacher, studentsA[1]!.id, { ...well, temperature: 37.3 })).json().isException).toBe(true);
    expect((await save(teacher, studentsA[1]!.id, { ...well, temperature: 36.5, symptoms: ['cough'] })).json().isException).toBe(true);
    const tooHot = await save(teacher, studentsA[1]!.id, { ...well, temperature: 43.5 }, today());
    expect(tooHot.statusCode).toBe(400);
    expect(tooHot.json().fields.temperature).toBe('不能大于 43');
  });

  it('an unreached person needs a reason; outside the city needs a place', async () => {
    const noReason = await save(teacher, studentsA[2]!.id, { method: 'phone', reached: false });
    expect(noReason.json().fields.unreachableCode).toBe('未联系上时请说明原因');
    const noPlace = await save(teacher, studentsA[2]!.id, { ...well, whereabouts: 'outside_city' });
    expect(noPlace.json().fields.place).toBe('在市外时请填写所在地');
  });

  it('refuses another class’s student (404), a future day, and observers/centre', async () => {
    expect((await save(teacher, studentsB[0]!.id, well)).statusCode).toBe(404);
    const future = await save(teacher, studentsA[2]!.id, well, addDays(today(), 1));
    expect(future.statusCode).toBe(400);
    expect((await save(centre, studentsA[2]!.id, well)).statusCode).toBe(403);
  });

  it('marks several reached and well at once, leaving existing records alone', async () => {
    const result = await teacher.request('POST', '/api/follow-ups/bulk-well', { day: today(), personIds: studentsA.map((student) => student.id) });
    expect(result.json()).toEqual({ recorded: 2, skipped: 2 });
    expect((await ctx.db.followUp.findFirstOrThrow({ where: { personId: studentsA[1]!.id } })).isException).toBe(true);
    expect((await ctx.db.followUp.findFirstOrThrow({ where: { personId: studentsA[3]!.id } })).viaGroupChat).toBe(true);
  });

  it('the worklist shows each person’s state and the progress', async () => {
    const list = (await teacher.request('GET', `/api/follow-ups/worklist?classId=${classA.id}`)).json();
    expect(list.counts).toEqual({ total: 4, pending: 0, well: 3, exception: 1, unreachable: 0, reached: 4, inQuarantine: 0, outsideCity: 0, notStudying: 0, studyUnknown: 2, studyingOnline: 2, studyingPaper: 0, studyingTv: 0, studyPartly: 0 }); // two marked well in bulk: online study not asked
    expect(list.today).toBe(today());
    expect(list.items[0].guardianPhone).toBe('138****1234');
    expect((await teacher.request('GET', `/api/follow-ups/worklist?classId=${classB.id}`)).statusCode).toBe(404);
  });
});

describe('class and school daily reports', () => {
  it('a class report is refused while anyone is uncontacted, then filed with counts from the records', async () => {
    const refused = await otherTeacher.request('POST', '/api/daily-reports/class', { classId: classB.id, day: today() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('还有 2 人未联系,请先记录或标记为联系不上并说明原因');
    await save(otherTeacher, studentsB[0]!.id, well);
    await save(otherTeacher, studentsB[1]!.id, { method: 'phone', reached: false, unreachableCode: 'other', unreachableReason: '电话无人接听,已发短信' });
    const filed = await otherTeacher.request('POST', '/api/daily-reports/class', { classId: classB.id, day: today(), note: '一人未接通' });
    expect(filed.statusCode).toBe(201);
    // Someone could not be reached: filed, but not a zero report (everyone accounted for and nothing wrong).
    expect(filed.json()).toMatchObject({ level: 'class', total: 2, reached: 1, unreached: 1, notContacted: 0, exceptions: 0, kind: 'incomplete', late: false });
    expect((await otherTeacher.request('POST', '/api/daily-reports/class', { classId: classB.id, day: today() })).statusCode).toBe(409);
  });

  it('after filing, a change is kept as a correction', async () => {
    const corrected = await save(otherTeacher, studentsB[0]!.id, { ...well, temperature: 37.0 });
    expect(corrected.json().corrected).toBe(true);
    const correction = await ctx.db.followUpCorrection.findFirstOrThrow({ where: { followUp: { personId: studentsB[0]!.id } } });
    expect(correction.before).toMatchObject({ temperature: 36.6 });
    expect(correction.after).toMatchObject({ temperature: 37 });
  });

  it('a school report needs every class filed (or filed on its behalf with a reason) and the staff accounted for', async () => {
    const early = await principal.request('POST', '/api/daily-reports/school', { schoolId: school.id, day: today() });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('还有 1 个班级未提交日报告;可注明原因代为提交');
    const staffPending = await principal.request('POST', '/api/daily-reports/school', { schoolId: school.id, day: today(), onBehalf: [{ classId: classA.id, reason: '班主任生病' }] });
    expect(staffPending.json().message).toBe('还有 1 人未联系,请先记录或标记为联系不上并说明原因');
    await save(principal, staff[0]!.id, well);
    const filed = await principal.request('POST', '/api/daily-reports/school', { schoolId: school.id, day: today(), note: '全校已落实', onBehalf: [{ classId: classA.id, reason: '班主任生病' }] });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ level: 'school', total: 7, exceptions: 1, kind: 'on_behalf', onBehalfClasses: 1 });
    const classReport = await ctx.db.dailyReport.findFirstOrThrow({ where: { classId: classA.id } });
    expect(classReport.onBehalfReason).toBe('班主任生病');
  });

  it('the principal’s day view shows classes, staff, exceptions and what was done', async () => {
    const exception = await ctx.db.followUp.findFirstOrThrow({ where: { personId: studentsA[1]!.id } });
    await principal.request('PUT', `/api/follow-ups/by-id/${exception.id}/handling`, { handlingNote: '已通知家长带孩子就医' });
    const view = (await principal.request('GET', `/api/daily-reports/school-day?schoolId=${school.id}`)).json();
    expect(view.classes.map((item: { progress: { total: number } }) => item.progress.total)).toEqual([4, 2]);
    expect(view.staff).toMatchObject({ total: 1, well: 1 });
    expect(view.exceptions).toHaveLength(1);
    expect(view.exceptions[0]).toMatchObject({ handlingNote: '已通知家长带孩子就医', symptoms: ['cough'] });
    expect(view.report.level).toBe('school');
  });

  it('recording what was done answers with the record as it reads from then on', async () => {
    const exception = await ctx.db.followUp.findFirstOrThrow({ where: { personId: studentsA[1]!.id } });
    const handled = await principal.request('PUT', `/api/follow-ups/by-id/${exception.id}/handling`, { handlingNote: '已复查,体温正常' });
    expect(handled.statusCode, handled.body).toBe(200);
    const read = await principal.request('GET', `/api/follow-ups/${exception.personId}/${exception.day.toISOString().slice(0, 10)}`);
    expect(handled.json()).toEqual(read.json());
    expect(handled.json()).toMatchObject({ handlingNote: '已复查,体温正常', symptoms: ['cough'], version: exception.version });
    expect(handled.json().updatedAt > exception.updatedAt.toISOString()).toBe(true);
  });

  it('a report filed after the deadline is late; an unfiled past day is missing', async () => {
    const yesterday = addDays(today(), -2);
    for (const student of studentsB) await save(otherTeacher, student.id, well, yesterday);
    const late = await otherTeacher.request('POST', '/api/daily-reports/class', { classId: classB.id, day: yesterday });
    expect(late.json().late).toBe(true);
    const grid = (await centre.request('GET', '/api/daily-reports/grid?days=3')).json();
    const row = grid.schools.find((item: { schoolId: string }) => item.schoolId === school.id);
    expect(row.cells.map((cell: { status: string }) => cell.status)).toEqual(['missing', expect.stringMatching(/missing|open/), 'on_time']);
    expect(grid.totals).toMatchObject({ total: 7, reached: 6, exception: 1, unreachable: 1 }); // one of class B could not be reached
    expect(grid.exceptions.some((item: { personId: string }) => item.personId === studentsA[1]!.id)).toBe(true);
    expect((await principal.request('GET', '/api/daily-reports/grid')).statusCode).toBe(403);
  });

  it('exports the day as .xlsx: township summary and one sheet per school; audited', async () => {
    const response = await centre.request('GET', `/api/daily-reports/export?day=${today()}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe('全镇汇总');
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => cells.push(cellText(row.getCell(3).value)));
    // The school's report was filed with a class on its behalf: filed, but not a full 按时 (issue 12).
    expect(cells).toContain('已报');
    expect(await ctx.db.auditLog.count({ where: { action: 'daily_report.export' } })).toBe(1);
  });

  it('“today” follows the centre’s time zone, not the server’s', async () => {
    await centre.request('PUT', '/api/settings', { timeZone: 'Pacific/Kiritimati' });
    const list = (await teacher.request('GET', `/api/follow-ups/worklist?classId=${classA.id}`)).json();
    expect(list.today).toBe(dayInTimeZone(new Date(), 'Pacific/Kiritimati'));
    await centre.request('PUT', '/api/settings', { timeZone: 'Asia/Shanghai' });
  });
});

describe('saving under concurrency, and what the lists show', () => {
  let schoolClass: { id: string };
  let students: { id: string }[];
  let classTeacher: Client;

  beforeAll(async () => {
    const user = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
    schoolClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 5, headTeacherId: user.id });
    students = [];
    for (let index = 0; index < 3; index += 1) students.push(await createPerson(ctx.db, { schoolId: school.id, classId: schoolClass.id }));
    classTeacher = await signIn(ctx.app, user.username);
  });

  it('first saves of the same person and day racing each other make one record, and every save succeeds', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => save(classTeacher, students[0]!.id, well)));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    expect(responses.every((response) => response.json().version === 1)).toBe(true);
    expect(await ctx.db.followUp.count({ where: { personId: students[0]!.id } })).toBe(1);
  });

  it('of several saves based on the same version only one wins; the others are refused', async () => {
    const responses = await Promise.all(['甲', '乙', '丙', '丁'].map((note) => save(classTeacher, students[0]!.id, { ...well, note, version: 1 })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const winner = responses.find((response) => response.statusCode === 200)!.json();
    expect(winner.version).toBe(2);
    expect((await ctx.db.followUp.findFirstOrThrow({ where: { personId: students[0]!.id } })).note).toBe(winner.note);
  });

  it('the worklist shows each record as saved, a correction after filing, and the filed report', async () => {
    await save(classTeacher, students[1]!.id, { method: 'phone', reached: false, unreachableCode: 'phone_off' });
    await save(classTeacher, students[2]!.id, { ...well, temperature: 38.1, symptoms: ['fever', 'cough'], whereabouts: 'outside_city', place: '重庆', note: '已就医' });
    const filed = await classTeacher.request('POST', '/api/daily-reports/class', { classId: schoolClass.id, day: today() });
    expect(filed.statusCode, filed.body).toBe(201);
    const corrected = await save(classTeacher, students[1]!.id, { ...well });
    expect(corrected.json()).toMatchObject({ reached: true, version: 2, corrected: true });
    const list = (await classTeacher.request('GET', `/api/follow-ups/worklist?classId=${schoolClass.id}`)).json();
    expect(list.counts).toMatchObject({ total: 3, pending: 0, well: 2, exception: 1, unreachable: 0, reached: 3 });
    expect(list.label).toMatch(/^五年级\d+班$/);
    expect(list.report).toMatchObject({ late: false, filedByName: expect.any(String), filedAt: filed.json().filedAt });
    const byPerson = new Map(list.items.map((item: { personId: string }) => [item.personId, item]));
    expect(byPerson.get(students[1]!.id)).toMatchObject({ status: 'well', followUp: { corrected: true, version: 2 } });
    expect(byPerson.get(students[2]!.id)).toMatchObject({
      status: 'exception',
      guardianPhone: '138****1234',
      followUp: { temperature: 38.1, symptoms: ['fever', 'cough'], whereabouts: 'outside_city', place: '重庆', note: '已就医', corrected: false, day: today() },
    });
    const single = (await classTeacher.request('GET', `/api/follow-ups/${students[2]!.id}/${today()}`)).json();
    expect(single).toEqual((byPerson.get(students[2]!.id) as { followUp: unknown }).followUp);
    expect(new Date(single.updatedAt).toISOString()).toBe(single.updatedAt);
  });
});

describe('what a teacher trips over (issue 12)', () => {
  let schoolClass: { id: string };
  let students: { id: string }[];
  let classTeacher: Client;
  let otherClassStudent: { id: string };

  beforeAll(async () => {
    const user = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
    schoolClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 6, headTeacherId: user.id });
    students = [];
    for (let index = 0; index < 6; index += 1) students.push(await createPerson(ctx.db, { schoolId: school.id, classId: schoolClass.id }));
    otherClassStudent = await createPerson(ctx.db, { schoolId: school.id, classId: classB.id });
    classTeacher = await signIn(ctx.app, user.username);
  });

  const categoryOf = async (personId: string) => (await ctx.db.person.findUniqueOrThrow({ where: { id: personId }, select: { category: { select: { code: true } } } })).category?.code ?? null;

  it('the one-tap "all well" records online study as said; the group-chat batch takes it too, or leaves it unknown', async () => {
    const yes = await save(classTeacher, students[0]!.id, { method: 'phone', reached: true, studiedOnline: 'yes' });
    const no = await save(classTeacher, students[1]!.id, { method: 'phone', reached: true, studiedOnline: 'no' });
    expect([yes.json().studiedOnline, no.json().studiedOnline]).toEqual(['yes', 'no']);
    const batch = await classTeacher.request('POST', '/api/follow-ups/bulk-well', { day: today(), personIds: [students[2]!.id], studiedOnline: 'no' });
    expect(batch.json()).toEqual({ recorded: 1, skipped: 0 });
    const unknown = await classTeacher.request('POST', '/api/follow-ups/bulk-well', { day: today(), personIds: [students[3]!.id] });
    expect(unknown.json()).toEqual({ recorded: 1, skipped: 0 });
    const list = (await classTeacher.request('GET', `/api/follow-ups/worklist?classId=${schoolClass.id}`)).json();
    const study = new Map(list.items.map((item: { personId: string; followUp: { studiedOnline: string | null } | null }) => [item.personId, item.followUp?.studiedOnline]));
    expect(students.slice(0, 4).map((student) => study.get(student.id))).toEqual(['yes', 'no', 'no', null]);
  });

  it('not reached: a listed reason in one tap is stored as its code; "other" needs the words', async () => {
    const noWords = await save(classTeacher, students[4]!.id, { method: 'phone', reached: false, unreachableCode: 'other' });
    expect(noWords.statusCode).toBe(400);
    expect(noWords.json().fields).toEqual({ unreachableReason: '选择“其他”时请写明原因' });
    const listed = await save(classTeacher, students[4]!.id, { method: 'phone', reached: false, unreachableCode: 'away_working' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({ reached: false, unreachableCode: 'away_working', unreachableReason: null });
    const other = await save(classTeacher, students[4]!.id, { method: 'phone', reached: false, unreachableCode: 'other', unreachableReason: '家长在医院陪护', version: 1 });
    expect(other.json()).toMatchObject({ unreachableCode: 'other', unreachableReason: '家长在医院陪护', version: 2 });
    const list = (await classTeacher.request('GET', `/api/follow-ups/worklist?classId=${schoolClass.id}`)).json();
    expect(list.items.find((item: { personId: string }) => item.personId === students[4]!.id)).toMatchObject({ status: 'unreachable', followUp: { unreachableCode: 'other' } });
  });

  it('a fever saved with "move to unwell" moves the census category in the same save, in the history and audited', async () => {
    const person = students[5]!;
    const before = await categoryOf(person.id);
    expect(before).not.toBe('unwell');
    // Without asking, nothing moves; asking without an exception moves nothing either.
    await save(classTeacher, person.id, { ...well, temperature: 38.2 });
    expect(await categoryOf(person.id)).toBe(before);
    await save(otherTeacher, otherClassStudent.id, { ...well, moveToUnwell: true });
    expect(await categoryOf(otherClassStudent.id)).toBe(before);

    const saved = await save(classTeacher, person.id, { ...well, temperature: 38.6, symptoms: ['cough'], moveToUnwell: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isException: true, temperature: 38.6 });
    expect(saved.json()).not.toHaveProperty('moveToUnwell');
    expect(await categoryOf(person.id)).toBe('unwell');
    const detail = (await classTeacher.request('GET', `/api/people/${person.id}`)).json();
    expect(detail.category).toMatchObject({ code: 'unwell', label: '发热或身体不适' });
    expect(detail.history).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'category_changed', toLabel: '发热或身体不适' })]));
    expect(await ctx.db.auditLog.count({ where: { action: 'person.update', entityId: person.id } })).toBe(1);
    // Saving again changes nothing more (already unwell): one history entry.
    await save(classTeacher, person.id, { ...well, temperature: 38.6, symptoms: ['cough'], moveToUnwell: true });
    expect(await ctx.db.personEvent.count({ where: { personId: person.id, kind: 'category_changed' } })).toBe(1);
  });

  it('a class teacher cannot move the category of someone outside their classes (404, nothing moves)', async () => {
    const refused = await save(classTeacher, otherClassStudent.id, { ...well, temperature: 39, moveToUnwell: true });
    expect(refused.statusCode).toBe(404);
    expect(await categoryOf(otherClassStudent.id)).not.toBe('unwell');
    expect(await ctx.db.followUp.findFirst({ where: { personId: otherClassStudent.id, temperature: 39 } })).toBeNull();
  });
});

describe('a save racing another, or sent again', () => {
  let raceClass: { id: string };
  let raceTeacher: Client;

  beforeAll(async () => {
    const user = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
    raceClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 6, headTeacherId: user.id });
    raceTeacher = await signIn(ctx.app, user.username);
  });

  it('of two different first saves racing, exactly one wins and the other is told someone else saved (no silent replacement)', async () => {
    const personId = (await createPerson(ctx.db, { schoolId: school.id, classId: raceClass.id })).id;
    const notes = ['甲老师的记录', '乙老师的记录'];
    const responses = await Promise.all(notes.map((note) => save(raceTeacher, personId, { ...well, note })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const loser = responses.find((response) => response.statusCode === 409)!;
    expect(loser.json()).toMatchObject({ code: 'conflict', message: '该记录已被他人修改,请刷新后再试' });
    const winner = responses.find((response) => response.statusCode === 200)!.json();
    const stored = await ctx.db.followUp.findFirstOrThrow({ where: { personId }, include: { corrections: true } });
    expect({ note: stored.note, version: stored.version, corrections: stored.corrections.length }).toEqual({ note: winner.note, version: 1, corrections: 0 });
  });

  it('a save retried with its base version, the same content as stored, answers 200 with the stored record', async () => {
    const personId = (await createPerson(ctx.db, { schoolId: school.id, classId: raceClass.id })).id;
    await save(raceTeacher, personId, well);
    const change = { ...well, note: '下午复测正常', version: 1 };
    const first = await save(raceTeacher, personId, change);
    expect(first.json()).toMatchObject({ version: 2, note: '下午复测正常' });
    const retry = await save(raceTeacher, personId, change);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const stale = await save(raceTeacher, personId, { ...change, note: '另一处修改' });
    expect(stale.statusCode).toBe(409);
  });

  it('a save naming the stored version applies even when that version’s clock ran ahead of this request', async () => {
    const personId = (await createPerson(ctx.db, { schoolId: school.id, classId: raceClass.id })).id;
    await save(raceTeacher, personId, well);
    // Written "in the future" (another process's clock, or a record seeded for later this morning).
    await ctx.db.$executeRaw`UPDATE "FollowUp" SET "updatedAt" = now() + interval '2 hours' WHERE "personId" = ${personId}::uuid`;
    const blind = await save(raceTeacher, personId, { ...well, note: '没看到已存的记录' });
    expect(blind.statusCode).toBe(409);
    const seen = await save(raceTeacher, personId, { ...well, note: '看过已存的记录', version: 1 });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ version: 2, note: '看过已存的记录' });
  });

  it('a resend with the same Idempotency-Key answers as the first did, even racing itself', async () => {
    const personId = (await createPerson(ctx.db, { schoolId: school.id, classId: raceClass.id })).id;
    const key = { 'idempotency-key': '6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c' };
    const racing = await Promise.all([0, 1].map(() => raceTeacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, { ...well, note: '首次' }, key)));
    expect(racing.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(racing[0]!.json()).toEqual(racing[1]!.json());
    const change = { ...well, note: '更正', version: 1 };
    const first = await raceTeacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, change, { 'idempotency-key': 'a-second-key-0001' });
    expect(first.json()).toMatchObject({ version: 2, note: '更正' });
    const resend = await raceTeacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, change, { 'idempotency-key': 'a-second-key-0001' });
    expect(resend.statusCode, resend.body).toBe(200);
    expect(resend.json()).toEqual(first.json());
    const badKey = await raceTeacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, change, { 'idempotency-key': 'x'.repeat(500) });
    expect(badKey.statusCode).toBe(400);
  });
});
