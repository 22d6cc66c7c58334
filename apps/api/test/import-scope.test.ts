import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createTownship } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';
import type { App } from '../src/app.js';

// Issue 13: an import only touches people the importer has in scope (defect 1), never invents a guardian (defect 2);
// an ID number held by someone out of scope is refused with one neutral message and recorded for the centre (defect 5).

let ctx: TestContext;
let town: Awaited<ReturnType<typeof createTownship>>;
let teacherA: Client;
let principalA: Client;
let principalB: Client;
let centre: Client;

const NEUTRAL_ID = '该身份证号无法在此登记,请联系教管中心';
const NOT_FOUND = '您的名册中没有此人,此行不能导入';

async function upload(client: Client, app: App, url: string, csv: string, fields: Record<string, string>) {
  const boundary = '----campus' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n`));
  parts.push(Buffer.from(csv, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`));
  return app.inject({ method: 'POST', url, headers: { cookie: client.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
}

/** Checks, then commits with the checksum the user saw: what the import screen does. */
async function checkAndCommit(client: Client, schoolId: string, csv: string) {
  const check = await upload(client, ctx.app, '/api/people/import/check', csv, { schoolId });
  expect(check.statusCode, check.body).toBe(200);
  const commit = await upload(client, ctx.app, '/api/people/import/commit', csv, { schoolId, checksum: check.json().checksum });
  expect(commit.statusCode, commit.body).toBe(200);
  return { check: check.json(), commit: commit.json() };
}

const classLabel = (grade: number, name: string) => `${['', '一', '二', '三'][grade]}年级${name}`;

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  teacherA = await signIn(ctx.app, town.a.teacher.username);
  principalA = await signIn(ctx.app, town.a.principal.username);
  principalB = await signIn(ctx.app, town.b.principal.username);
  centre = await signIn(ctx.app, town.centre.username);
  await ctx.db.person.update({ where: { id: town.a.otherStudent.id }, data: { studentNumber: 'A-OTHER-1' } });
  await ctx.db.person.update({ where: { id: town.b.student.id }, data: { studentNumber: 'B-1' } });
});

describe('import: only people and classes in the importer’s scope', () => {
  it('a class teacher cannot take over another class’s student by student number: rejected as not found, in the check and the commit', async () => {
    const own = classLabel(town.a.schoolClass.grade, town.a.schoolClass.name);
    const csv = `姓名,班级,学号,监护人,联系电话\n抢来的,${own},A-OTHER-1,冒名家长,13900009999\n`;
    const { check, commit } = await checkAndCommit(teacherA, town.a.school.id, csv);
    expect(check.rows[0]).toMatchObject({ action: 'reject', matchedBy: null, problems: [{ field: 'studentNumber', message: NOT_FOUND }] });
    expect(commit).toEqual({ added: 0, updated: 0, unchanged: 0, rejected: 1 });
    const after = await ctx.db.person.findUniqueOrThrow({ where: { id: town.a.otherStudent.id }, include: { guardians: true } });
    expect(after.classId).toBe(town.a.otherClass.id);
    expect(after.name).toBe(town.a.otherStudent.name);
    expect(after.guardians.map((guardian) => guardian.name)).not.toContain('冒名家长');
    expect((await teacherA.request('GET', `/api/people/${town.a.otherStudent.id}`)).statusCode).toBe(404);
  });

  it('nor by ID number: the same “not found”, and nobody moves', async () => {
    const own = classLabel(town.a.schoolClass.grade, town.a.schoolClass.name);
    const csv = `姓名,班级,身份证号\n抢来的,${own},${town.a.otherStudent.idNumber}\n`;
    const { check } = await checkAndCommit(teacherA, town.a.school.id, csv);
    expect(check.rows[0]).toMatchObject({ action: 'reject', problems: [{ field: 'idNumber', message: NOT_FOUND }] });
    expect((await ctx.db.person.findUniqueOrThrow({ where: { id: town.a.otherStudent.id } })).classId).toBe(town.a.otherClass.id);
  });

  it('a teacher still updates their own student and adds new ones to their own class', async () => {
    const own = classLabel(town.a.schoolClass.grade, town.a.schoolClass.name);
    await ctx.db.person.update({ where: { id: town.a.student.id }, data: { studentNumber: 'A-OWN-1' } });
    const csv = `姓名,班级,学号,家庭住址\n${town.a.student.name},${own},A-OWN-1,新桥村5组\n新同学,${own},A-NEW-1,\n`;
    const { check, commit } = await checkAndCommit(teacherA, town.a.school.id, csv);
    expect(check.rows.map((row: { action: string }) => row.action)).toEqual(['update', 'add']);
    expect(commit).toMatchObject({ added: 1, updated: 1 });
    expect((await ctx.db.person.findUniqueOrThrow({ where: { id: town.a.student.id } })).address).toBe('新桥村5组');
  });

  it('a principal cannot take over another school’s child by ID number: the neutral message, nothing changes', async () => {
    const csv = `姓名,班级,身份证号,学号\n别校生,${classLabel(town.a.schoolClass.grade, town.a.schoolClass.name)},${town.b.student.idNumber},B-1\n`;
    const { check, commit } = await checkAndCommit(principalA, town.a.school.id, csv);
    expect(check.rows[0]).toMatchObject({ action: 'reject', problems: [{ field: 'idNumber', message: NEUTRAL_ID }] });
    expect(JSON.stringify(check)).not.toContain('另一人');
    expect(commit.added + commit.updated).toBe(0);
    const after = await ctx.db.person.findUniqueOrThrow({ where: { id: town.b.student.id } });
    expect(after).toMatchObject({ schoolId: town.b.school.id, name: town.b.student.name });
  });

  it('another school’s student number is only a number: it adds a new child in the principal’s own school', async () => {
    const csv = `姓名,班级,学号\n同号生,${classLabel(town.a.schoolClass.grade, town.a.schoolClass.name)},B-1\n`;
    const { check, commit } = await checkAndCommit(principalA, town.a.school.id, csv);
    expect(check.rows[0]).toMatchObject({ action: 'add', matchedBy: null });
    expect(commit.added).toBe(1);
    expect(await ctx.db.person.count({ where: { studentNumber: 'B-1' } })).toBe(2);
    expect((await ctx.db.person.findUniqueOrThrow({ where: { id: town.b.student.id } })).name).toBe(town.b.student.name);
  });
});

describe('import: guardians only with a name', () => {
  const own = () => classLabel(town.a.otherClass.grade, town.a.otherClass.name);

  it('a phone column without a guardian name is kept as the person’s own contact phone, never as a guardian named after the child', async () => {
    const csv = `姓名,班级,联系电话\n只有电话,${own()},13700001111\n`;
    await checkAndCommit(principalA, town.a.school.id, csv);
    const person = await ctx.db.person.findFirstOrThrow({ where: { name: '只有电话' }, include: { guardians: true } });
    expect(person.guardians).toEqual([]);
    expect(person.phone).toBe('13700001111');
    const detail = (await principalA.request('GET', `/api/people/${person.id}`)).json();
    expect(detail.guardians).toEqual([]);
    expect(detail.phone).toBe('13700001111');
  });

  it('on an update, a phone without a guardian name leaves the guardian as it was', async () => {
    const existing = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.otherClass.id, name: '有家长' });
    const csv = `姓名,班级,身份证号,联系电话\n有家长,${own()},${existing.idNumber},13700002222\n`;
    const { check } = await checkAndCommit(principalA, town.a.school.id, csv);
    expect(check.rows[0].action).toBe('update');
    expect(check.rows[0].changes).toContain('phone');
    expect(check.rows[0].changes).not.toContain('guardian');
    const after = await ctx.db.person.findUniqueOrThrow({ where: { id: existing.id }, include: { guardians: true } });
    expect(after.guardians.map((guardian) => [guardian.name, guardian.relation, guardian.phone])).toEqual([[expect.stringMatching(/^家长/), '母亲', '13800001234']]);
    expect(after.phone).toBe('13700002222');
  });

  it('a guardian phone that cannot be the person’s own (a different own phone is given) asks for the guardian’s name', async () => {
    const csv = `姓名,班级,本人电话,联系电话,关系\n两个电话,${own()},13700003333,13700004444,\n只有关系,${own()},,,母亲\n`;
    const check = (await upload(principalA, ctx.app, '/api/people/import/check', csv, { schoolId: town.a.school.id })).json();
    expect(check.rows[0]).toMatchObject({ action: 'reject', problems: [{ field: 'guardianName', message: '请填写监护人姓名' }] });
    expect(check.rows[1]).toMatchObject({ action: 'reject', problems: [{ field: 'guardianName', message: '请填写监护人姓名' }] });
  });

  it('with a guardian name, the guardian is stored as given', async () => {
    const csv = `姓名,班级,监护人,关系,联系电话\n有名有姓,${own()},李桂英,外婆,13700005555\n`;
    await checkAndCommit(principalA, town.a.school.id, csv);
    const person = await ctx.db.person.findFirstOrThrow({ where: { name: '有名有姓' }, include: { guardians: true } });
    expect(person.guardians.map((guardian) => [guardian.name, guardian.relation, guardian.phone])).toEqual([['李桂英', '外婆', '13700005555']]);
  });
});

describe('ID numbers held out of scope: one neutral message, a conflict for the centre', () => {
  const input = (overrides: Record<string, unknown>) => ({
    schoolId: town.a.school.id,
    classId: town.a.schoolClass.id,
    kind: 'student',
    name: '新来的',
    guardians: [],
    ...overrides,
  });

  it('a principal adding another school’s child’s ID number is told only that it cannot be used here', async () => {
    const response = await principalA.request('POST', '/api/people', input({ idNumber: town.b.otherStudent.idNumber }));
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().fields).toEqual({ idNumber: NEUTRAL_ID });
    expect(response.body).not.toContain(town.b.school.name);
  });

  it('a duplicate within their own school still says it is on their roster', async () => {
    const response = await principalA.request('POST', '/api/people', input({ idNumber: town.a.otherStudent.idNumber }));
    expect(response.statusCode).toBe(409);
    expect(response.json().fields).toEqual({ idNumber: '该身份证号已登记在另一人名下' });
  });

  it('the centre lists each refused attempt (school, who, when, the existing person’s school, the number masked) and marks it handled', async () => {
    const response = await centre.request('GET', '/api/id-conflicts');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { id: string; schoolName: string; attemptedByName: string; existingSchoolName: string; idNumber: string; attempts: number; resolvedAt: string | null }[];
    const forB = items.filter((item) => item.existingSchoolName === town.b.school.name);
    expect(forB.length).toBe(2); // the import's student and the added one: one open conflict each, however often tried
    for (const item of forB) {
      expect(item).toMatchObject({ schoolName: town.a.school.name, attemptedByName: town.a.principal.displayName, resolvedAt: null });
      expect(item.idNumber).toMatch(/^\d{6}\*{11}[\dX]$/);
    }
    expect(response.body).not.toContain(town.b.student.idNumber!);
    expect(response.body).not.toContain(town.b.otherStudent.idNumber!);
    const imported = forB.find((item) => item.idNumber.startsWith(town.b.student.idNumber!.slice(0, 6)) && item.idNumber.endsWith(town.b.student.idNumber!.slice(-1)))!;
    expect(imported.attempts).toBeGreaterThanOrEqual(2); // the check and the commit

    const resolved = await centre.request('POST', `/api/id-conflicts/${forB[0]!.id}/resolve`, {});
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().resolvedAt).not.toBeNull();
    const open = (await centre.request('GET', '/api/id-conflicts')).json().items.filter((item: { resolvedAt: string | null }) => item.resolvedAt === null);
    expect(open.map((item: { id: string }) => item.id)).not.toContain(forB[0]!.id);
    expect(await ctx.db.auditLog.count({ where: { action: 'id_conflict.resolve' } })).toBe(1);
  });

  it('the list is the centre’s only', async () => {
    for (const client of [principalA, principalB, teacherA, await signIn(ctx.app, town.observer.username)]) {
      expect((await client.request('GET', '/api/id-conflicts')).statusCode).toBe(403);
    }
  });
});
