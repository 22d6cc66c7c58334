import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

// Issue 16: what the class teacher's phone keeps (the copy) and how its outbox's resends are answered.
let ctx: TestContext;
let teacher: Client;
let principal: Client;
let teacherId: string;
let classA: { id: string };
let classB: { id: string };
let students: { id: string; idNumber: string | null }[];
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const well = { method: 'phone', reached: true, temperature: 36.5, symptoms: [], studiedOnline: 'yes' };

beforeAll(async () => {
  ctx = await setupTestApp();
  const school = await createSchool(ctx.db);
  const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  const other = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  teacherId = teacherUser.id;
  classA = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 2, headTeacherId: teacherUser.id });
  classB = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 5, headTeacherId: other.id });
  students = [];
  for (let index = 0; index < 3; index += 1) students.push(await createPerson(ctx.db, { schoolId: school.id, classId: classA.id }));
  await createPerson(ctx.db, { schoolId: school.id, classId: classB.id, name: '别班学生' });
  await ctx.db.guardian.create({ data: { personId: students[0]!.id, position: 1, name: '爷爷', relation: '祖父', phone: '13912345678' } });
  teacher = await signIn(ctx.app, teacherUser.username);
  principal = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: school.id })).username);
});

describe('the phone copy', () => {
  it("holds the teacher's own class for today and yesterday, with full numbers to call and no ID numbers; each download is audited", async () => {
    const response = await teacher.request('GET', '/api/follow-ups/phone-copy');
    expect(response.statusCode, response.body).toBe(200);
    const copy = response.json();
    expect(copy.today).toBe(today());
    expect(copy.lists.map((list: { classId: string; day: string }) => [list.classId, list.day])).toEqual([
      [classA.id, today()],
      [classA.id, addDays(today(), -1)],
    ]);
    expect(copy.lists[0].items).toHaveLength(3);
    expect(response.body).not.toContain('别班学生');
    for (const student of students) expect(response.body).not.toContain(String(student.idNumber));
    const first = copy.contacts.find((contact: { personId: string }) => contact.personId === students[0]!.id);
    expect(first.phones).toEqual([
      { relation: '母亲', name: expect.any(String), phone: '13800001234' },
      { relation: '祖父', name: '爷爷', phone: '13912345678' },
    ]);
    expect(await ctx.db.auditLog.count({ where: { action: 'follow_up.phone_copy', userId: teacherId } })).toBe(1);
  });

  it('is empty for those without classes of their own, and refused without a session', async () => {
    const response = await principal.request('GET', '/api/follow-ups/phone-copy');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lists: [], contacts: [] });
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/follow-ups/phone-copy' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("the outbox's resends", () => {
  it('the same Idempotency-Key sent five times (twice at once) makes one record, every answer the same', async () => {
    const personId = students[1]!.id;
    const key = { 'idempotency-key': 'c0ffee00c0ffee00c0ffee00c0ffee01' };
    const send = () => teacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, { ...well, note: '离线时记录' }, key);
    const answers = [...(await Promise.all([send(), send()])), await send(), await send(), await send()];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of answers) expect(answer.json()).toEqual(answers[0]!.json());
    expect(await ctx.db.followUp.count({ where: { personId } })).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ version: 1, note: '离线时记录' });
  });

  it('an offline edit over a record someone else changed meanwhile is refused with 409, nothing overwritten', async () => {
    const personId = students[2]!.id;
    const first = await teacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, well, { 'idempotency-key': 'k-first-000000000001' });
    expect(first.json().version).toBe(1);
    const theirs = await principal.request('PUT', `/api/follow-ups/${personId}/${today()}`, { ...well, note: '校长更正', version: 1 });
    expect(theirs.json().version).toBe(2);
    const mine = await teacher.request('PUT', `/api/follow-ups/${personId}/${today()}`, { ...well, temperature: 37.8, version: 1 }, { 'idempotency-key': 'k-offline-edit-000001' });
    expect(mine.statusCode).toBe(409);
    expect(mine.json().message).toBe('该记录已被他人修改,请刷新后再试');
    const stored = await ctx.db.followUp.findFirstOrThrow({ where: { personId } });
    expect(stored.note).toBe('校长更正');
  });

  it('a class report sent again is refused as already filed, and one report is kept; bulk "all well" sent again records nobody twice', async () => {
    await teacher.request('PUT', `/api/follow-ups/${students[0]!.id}/${today()}`, well);
    const day = today();
    const body = { classId: classA.id, day, note: '' };
    const first = await teacher.request('POST', '/api/daily-reports/class', body, { 'idempotency-key': 'k-report-000000000001' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await teacher.request('POST', '/api/daily-reports/class', body, { 'idempotency-key': 'k-report-000000000001' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该日报告已提交');
    expect(await ctx.db.dailyReport.count({ where: { scopeKey: classA.id, day: new Date(`${day}T00:00:00Z`) } })).toBe(1);

    const yesterday = addDays(day, -1);
    const bulk = { day: yesterday, personIds: students.map((student) => student.id), method: 'wechat', studiedOnline: 'yes' };
    const once = await teacher.request('POST', '/api/follow-ups/bulk-well', bulk);
    expect(once.json()).toEqual({ recorded: 3, skipped: 0 });
    const twice = await teacher.request('POST', '/api/follow-ups/bulk-well', bulk);
    expect(twice.json()).toEqual({ recorded: 0, skipped: 3 });
    expect(await ctx.db.followUp.count({ where: { personId: { in: students.map((student) => student.id) }, day: new Date(`${yesterday}T00:00:00Z`) } })).toBe(3);
  });
});
