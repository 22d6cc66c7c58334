import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CategoryRef, dayInTimeZone, idCheckCharacter, maskPhone, PersonListItem, PersonPage } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';
import type { App } from '../src/app.js';
import { rowTexts } from './helpers/sheet.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../e2e/fixtures');

let ctx: TestContext;
let centre: Client;
let principal: Client;
let teacher: Client;
let otherPrincipal: Client;
let gate: Client;
let observer: Client;
let school: { id: string; name: string };
let otherSchool: { id: string };
let class31: { id: string };
let class32: { id: string };
let otherSchoolClass: { id: string };

function idNumber(birth: string, sequence: number) {
  const first17 = `500118${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

beforeAll(async () => {
  ctx = await setupTestApp();
  school = await createSchool(ctx.db, { name: '义和镇中心小学', code: 'R01' });
  otherSchool = await createSchool(ctx.db, { code: 'R02' });
  const principalUser = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
  const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  class31 = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 3, name: '1班', headTeacherId: teacherUser.id });
  class32 = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 3, name: '2班' });
  otherSchoolClass = await createSchoolClass(ctx.db, { schoolId: otherSchool.id, grade: 3, name: '1班' });
  centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
  principal = await signIn(ctx.app, principalUser.username);
  teacher = await signIn(ctx.app, teacherUser.username);
  otherPrincipal = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: otherSchool.id })).username);
  gate = await signIn(ctx.app, (await createUser(ctx.db, { role: 'gate_duty', schoolId: school.id })).username);
  observer = await signIn(ctx.app, (await createUser(ctx.db, { role: 'observer' })).username);
});

const newStudent = (overrides: Record<string, unknown> = {}) => ({
  schoolId: school.id,
  classId: class31.id,
  kind: 'student',
  name: '王小明',
  idNumber: idNumber('20170315', 111),
  studentNumber: `N${Math.floor(Math.random() * 1e9)}`,
  guardians: [{ name: '王建国', relation: '父亲', phone: '13800005678' }],
  ...overrides,
});

describe('people: add, read, mask, reveal', () => {
  // The roster page's JSON is written by PostgreSQL and sent as it is (ADR 0011): nothing but the list's fields.
  const ExactPage = PersonPage.extend({ items: z.array(PersonListItem.extend({ category: CategoryRef.strict().nullable() }).strict()) }).strict();

  it('a roster page is exactly a PersonPage, key for key, whether listed or searched', async () => {
    const created = await principal.request('POST', '/api/people', newStudent({ name: '严格键', idNumber: idNumber('20160101', 321) }));
    expect(created.statusCode, created.body).toBe(201);
    for (const search of [{ classId: class31.id, limit: 200 }, { q: '严格键' }]) {
      const response = await principal.request('POST', '/api/people/search', search);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      const page = ExactPage.parse(response.json());
      const item = page.items.find((candidate) => candidate.id === created.json().id);
      expect(item, JSON.stringify(search)).toMatchObject({ name: '严格键', grade: 3, className: '1班', guardianName: '王建国', guardianPhone: '138****5678', category: { code: 'normal' }, status: 'active' });
    }
  });

  it('a list item shows the school, class, category and first guardian as they are now, whoever changed them', async () => {
    const extraSchool = await createSchool(ctx.db, { name: '列表镇小学', code: 'R19' });
    const extraClass = await createSchoolClass(ctx.db, { schoolId: extraSchool.id, grade: 2, name: '1班' });
    const created = await centre.request('POST', '/api/people', newStudent({ schoolId: extraSchool.id, classId: extraClass.id, name: '列表项', idNumber: idNumber('20160202', 654) }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const item = async () => {
      const page = ExactPage.parse((await centre.request('POST', '/api/people/search', { schoolId: extraSchool.id })).json());
      return page.items.find((candidate) => candidate.id === id)!;
    };
    expect(await item()).toMatchObject({ schoolName: '列表镇小学', grade: 2, className: '1班', category: { code: 'normal' }, guardianName: '王建国', guardianPhone: '138****5678' });

    expect((await centre.request('PATCH', `/api/schools/${extraSchool.id}`, { name: '列表镇中心小学' })).statusCode).toBe(200);
    expect((await centre.request('PATCH', `/api/classes/${extraClass.id}`, { grade: 3, name: '2班' })).statusCode).toBe(200);
    const normal = await ctx.db.censusCategory.findUniqueOrThrow({ where: { code: 'normal' } });
    expect((await centre.request('PATCH', `/api/census-categories/${normal.id}`, { label: '正常（已摸排）' })).statusCode).toBe(200);
    expect(await item()).toMatchObject({ schoolName: '列表镇中心小学', grade: 3, className: '2班', category: { code: 'normal', label: '正常（已摸排）' } });
    await centre.request('PATCH', `/api/census-categories/${normal.id}`, { label: normal.label });

    const guardians = [{ name: '李秀英', relation: '母亲', phone: '023-12345678' }, { name: '王建国', relation: '父亲', phone: '13800005678' }];
    expect((await centre.request('PATCH', `/api/people/${id}`, { guardians })).statusCode).toBe(200);
    expect(await item()).toMatchObject({ guardianName: '李秀英', guardianPhone: '0231****5678' });
    // written straight into the database, as another process or a repair would
    await ctx.db.$executeRaw`UPDATE "Guardian" SET name = '李秀兰' WHERE "personId" = ${id}::uuid AND position = 0`;
    expect((await item()).guardianName).toBe('李秀兰');
    expect((await centre.request('PATCH', `/api/people/${id}`, { guardians: [] })).statusCode).toBe(200);
    expect(await item()).toMatchObject({ guardianName: null, guardianPhone: null });
    expect((await centre.request('PATCH', `/api/people/${id}`, { name: '列表项改', leftBehind: true, whereabouts: 'outside_city' })).statusCode).toBe(200);
    expect(await item()).toMatchObject({ name: '列表项改', leftBehind: true, whereabouts: 'outside_city' });
  });

  it('PostgreSQL masks a phone exactly as the shared maskPhone does', async () => {
    for (const phone of ['13800005678', '19912345678', '12800005678', '023-12345678', '02312345678', '0755-1234567', '023-12345678-123', '1234', '12', '']) {
      const [row] = await ctx.db.$queryRaw<{ masked: string | null }[]>`SELECT mask_phone(${phone}) AS masked`;
      expect(row!.masked, phone).toBe(maskPhone(phone));
    }
    const [none] = await ctx.db.$queryRaw<{ masked: string | null }[]>`SELECT mask_phone(NULL) AS masked`;
    expect(none!.masked).toBeNull();
  });

  it('a principal adds a student; lists never carry the ID number and mask phones; detail masks the ID', async () => {
    const created = await principal.request('POST', '/api/people', newStudent());
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({ name: '王小明', gender: 'male', birthDate: '2017-03-15', idNumber: '500118***********' + person.idNumber.slice(-1), className: '1班', grade: 3 });
    expect(person.idNumber).toMatch(/^500118\*{11}[\dX]$/);
    expect(person.category.code).toBe('normal');

    const list = await principal.request('POST', '/api/people/search', { q: '王小明' });
    const body = list.json();
    expect(body.total).toBe(1);
    expect(JSON.stringify(body)).not.toContain(idNumber('20170315', 111));
    expect(body.items[0]).not.toHaveProperty('idNumber');
    expect(body.items[0].guardianPhone).toBe('138****5678');

    const revealed = await principal.request('POST', `/api/people/${person.id}/reveal-id`);
    expect(revealed.json().idNumber).toBe(idNumber('20170315', 111));
    const audit = await ctx.db.auditLog.findFirst({ where: { action: 'person.reveal_id', entityId: person.id } });
    expect(audit).not.toBeNull();
    expect((await observer.request('POST', `/api/people/${person.id}/reveal-id`)).statusCode).toBe(403);
  });

  it('finds people by pinyin, initials and student number', async () => {
    await principal.request('POST', '/api/people', newStudent({ name: '李思远', idNumber: idNumber('20170401', 222), studentNumber: '2017888' }));
    for (const q of ['李思远', 'lisiyuan', 'lsy', '2017888']) {
      const names = (await principal.request('POST', '/api/people/search', { q })).json().items.map((item: { name: string }) => item.name);
      expect(names, q).toContain('李思远');
    }
  });

  it('counts a list up to 10,000 and then says there are more', async () => {
    const big = await createSchool(ctx.db, { code: 'R09' });
    const created = await centre.request('POST', '/api/people', newStudent({ schoolId: big.id, kind: 'staff', classId: null, idNumber: null, studentNumber: null, name: '钱多多' }));
    expect(created.statusCode, created.body).toBe(201);
    // 10,001 copies of that person, straight in the database: the cap is about counting, not about adding.
    const columns = (await ctx.db.$queryRaw<{ name: string }[]>`
      SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = 'Person' AND is_generated = 'NEVER' AND column_name <> 'id'`)
      .map(({ name }) => `"${name}"`)
      .join(', ');
    await ctx.db.$executeRawUnsafe(
      `INSERT INTO "Person" (id, ${columns}) SELECT gen_random_uuid(), ${columns} FROM "Person", generate_series(1, 10001) WHERE id = $1::uuid`,
      created.json().id,
    );
    const page = (await centre.request('POST', '/api/people/search', { schoolId: big.id })).json();
    expect(page).toMatchObject({ total: 10_000, totalCapped: true });
    expect(page.items).toHaveLength(50);
    const searched = (await centre.request('POST', '/api/people/search', { schoolId: big.id, q: 'qdd' })).json();
    expect(searched).toMatchObject({ total: 10_000, totalCapped: true });
    const small = (await centre.request('POST', '/api/people/search', { schoolId: school.id })).json();
    expect(small.totalCapped).toBe(false);
    await ctx.db.$executeRaw`DELETE FROM "Person" WHERE "schoolId" = ${big.id}::uuid`;
  });

  it('a two-character Chinese search finds the characters side by side, in that order, in the name or at the start of a student number', async () => {
    for (const [name, studentNumber] of [['张红梅', 'Z1'], ['红张梅', 'Z2'], ['张梅红', 'Z3'], ['赵六', '张红-007']]) {
      expect((await principal.request('POST', '/api/people', newStudent({ name, studentNumber, idNumber: null }))).statusCode).toBe(201);
    }
    const names = async (q: string) => (await principal.request('POST', '/api/people/search', { q, sort: 'name' })).json().items.map((item: { name: string }) => item.name);
    expect(await names('张红')).toEqual(['张红梅', '赵六']);
    expect(await names('红梅')).toEqual(['张红梅']);
    expect(await names('梅红')).toEqual(['张梅红']);
    expect(await names('张红梅')).toEqual(['张红梅']);
    expect(await names('hm')).toContain('张红梅');
  });

  it('refuses an invalid ID number with a field error in the user’s language, and a duplicate one', async () => {
    const bad = await principal.request('POST', '/api/people', newStudent({ idNumber: '500118201703151110' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.idNumber).toBe('身份证号校验位不正确,请核对');
    const duplicate = await principal.request('POST', '/api/people', newStudent({ name: '重复', idNumber: idNumber('20170315', 111) }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().fields.idNumber).toBe('该身份证号已登记在另一人名下');
    const badPhone = await principal.request('POST', '/api/people', newStudent({ idNumber: null, guardians: [{ name: '甲', relation: '母亲', phone: '12345' }] }), { 'accept-language': 'en' });
    expect(badPhone.json().fields['guardians.0.phone']).toMatch(/Phone numbers/);
  });
});

describe('people: scope', () => {
  it('a teacher sees only students of their classes and cannot add to another class', async () => {
    await principal.request('POST', '/api/people', newStudent({ name: '二班学生', classId: class32.id, idNumber: null }));
    const seen = (await teacher.request('POST', '/api/people/search', { limit: 200 })).json().items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((item: { classId: string }) => item.classId === class31.id)).toBe(true);
    const refused = await teacher.request('POST', '/api/people', newStudent({ name: '越权', classId: class32.id, idNumber: null }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().fields.classId).toBe('只能录入您所带班级的学生');
  });

  it('another school’s principal gets 404 for a person; gate staff cannot open the roster', async () => {
    const person = (await principal.request('POST', '/api/people', newStudent({ name: '范围测试', idNumber: null }))).json();
    expect((await otherPrincipal.request('GET', `/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await otherPrincipal.request('PATCH', `/api/people/${person.id}`, { name: '改' })).statusCode).toBe(404);
    expect((await otherPrincipal.request('POST', '/api/people/search', { schoolId: school.id })).json().total).toBe(0);
    expect((await gate.request('POST', '/api/people/search', {})).statusCode).toBe(403);
    expect((await gate.request('GET', `/api/people/${person.id}`)).statusCode).toBe(403);
    expect((await observer.request('PATCH', `/api/people/${person.id}`, { name: '改' })).statusCode).toBe(403);
  });
});

describe('people: move, transfer, leave, history', () => {
  it('moving class, changing category and leaving are kept in the history', async () => {
    const person = (await principal.request('POST', '/api/people', newStudent({ name: '历史', idNumber: null }))).json();
    const categories = (await principal.request('GET', '/api/census-categories')).json().items;
    const returned = categories.find((category: { code: string }) => category.code === 'returned_outside_city');
    await principal.request('PATCH', `/api/people/${person.id}`, { classId: class32.id });
    await principal.request('PATCH', `/api/people/${person.id}`, { categoryId: returned.id, whereabouts: 'outside_city' });
    const left = await principal.request('POST', `/api/people/${person.id}/leave`, { reason: 'graduated' });
    expect(left.json().status).toBe('left');
    const detail = (await principal.request('GET', `/api/people/${person.id}`)).json();
    const kinds = detail.history.map((event: { kind: string }) => event.kind);
    expect(kinds).toEqual(['left', 'category_changed', 'updated', 'moved', 'created']);
    expect(detail.history.find((event: { kind: string }) => event.kind === 'moved')).toMatchObject({ fromLabel: '三年级1班', toLabel: '三年级2班' });
    expect(detail.history.find((event: { kind: string }) => event.kind === 'category_changed')).toMatchObject({ fromLabel: '正常', toLabel: '市外返回' });
    // Left people leave the active roster but stay findable
    expect((await principal.request('POST', '/api/people/search', { q: '历史' })).json().total).toBe(0);
    expect((await principal.request('POST', '/api/people/search', { q: '历史', status: 'left' })).json().total).toBe(1);
  });

  it('only the centre transfers a person to another school', async () => {
    const person = (await principal.request('POST', '/api/people', newStudent({ name: '转学', idNumber: null }))).json();
    expect((await principal.request('POST', `/api/people/${person.id}/transfer`, { schoolId: otherSchool.id, classId: otherSchoolClass.id })).statusCode).toBe(403);
    const same = await centre.request('POST', `/api/people/${person.id}/transfer`, { schoolId: school.id, classId: class32.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().fields).toEqual({ schoolId: '已在这所学校，请选择另一所学校' });
    const moved = await centre.request('POST', `/api/people/${person.id}/transfer`, { schoolId: otherSchool.id, classId: otherSchoolClass.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().schoolId).toBe(otherSchool.id);
    expect((await principal.request('GET', `/api/people/${person.id}`)).statusCode).toBe(404);
    expect((await otherPrincipal.request('GET', `/api/people/${person.id}`)).json().history[0].kind).toBe('transferred');
  });

  it('a class with people cannot be deleted', async () => {
    const response = await centre.request('DELETE', `/api/classes/${class31.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('该班级仍有人员,不能删除;请改为停用');
  });
});

describe('summary and counts', () => {
  it('summarises a school by kind and category, and the centre sees every school side by side', async () => {
    const summary = (await principal.request('POST', '/api/people/summary', {})).json();
    expect(summary.total).toBe(summary.students + summary.staff);
    expect(summary.byCategory.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(summary.total);
    const counts = (await centre.request('GET', '/api/people/counts-by-school')).json();
    const row = counts.items.find((item: { schoolId: string }) => item.schoolId === school.id);
    expect(row.total).toBe(summary.total);
    expect((await principal.request('GET', '/api/people/counts-by-school')).statusCode).toBe(403);
  });
});

describe('a search with % or _ in it', () => {
  it('matches those characters literally in the list, the summary and the export alike', async () => {
    expect((await principal.request('POST', '/api/people', newStudent({ name: '百分号%', idNumber: null }))).statusCode).toBe(201);
    const exported = async (q: string) => {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/people/export', headers: { cookie: principal.cookie, 'content-type': 'application/json' }, payload: { q } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook.worksheets[0]!.rowCount - 1;
    };
    for (const [q, expected] of [['%', 1], ['_', 0], ['号%', 1]] as const) {
      expect((await principal.request('POST', '/api/people/search', { q })).json().total, q).toBe(expected);
      expect((await principal.request('POST', '/api/people/summary', { q })).json().total, q).toBe(expected);
      expect(await exported(q), q).toBe(expected);
    }
  });
});

async function upload(client: Client, app: App, url: string, file: { name: string; content: Buffer }, fields: Record<string, string>) {
  const boundary = '----campus' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return app.inject({ method: 'POST', url, headers: { cookie: client.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
}

describe('import', () => {
  const messy = () => ({ name: 'roster-messy.xlsx', content: fs.readFileSync(path.join(FIXTURES, 'roster-messy.xlsx')) });

  it('checks a messy file row by row: adds, rejects with reasons, normalises; nothing saved', async () => {
    const before = await ctx.db.person.count();
    const response = await upload(principal, ctx.app, '/api/people/import/check', messy(), { schoolId: school.id });
    expect(response.statusCode, response.body).toBe(200);
    const check = response.json();
    const byRow = Object.fromEntries(check.rows.map((row: { row: number }) => [row.row, row]));
    const reasons = (row: number) => byRow[row].problems.map((problem: { message: string }) => problem.message).join(' | ');
    expect(byRow[2].action).toBe('add');
    expect(reasons(3)).toBe('缺少姓名');
    expect(reasons(4)).toBe('身份证号校验位不正确,请核对');
    expect(reasons(5)).toMatch(/科学计数法/);
    expect(reasons(6)).toMatch(/末尾的 X 可能被表格丢失/);
    expect(byRow[7].action).toBe('add');
    expect(byRow[7].notes).toEqual(expect.arrayContaining(['idNumber', 'guardianPhone']));
    expect(reasons(8)).toBe('与第 2 行重复');
    expect(reasons(9)).toBe('找不到班级“七年级9班”');
    expect(reasons(10)).toMatch(/电话号码格式不正确/);
    expect(byRow[11].action).toBe('add');
    expect(reasons(12)).toBe('身份证号中的出生日期不正确');
    expect(reasons(13)).toBe('与第 2 行重复');
    expect(check.counts).toEqual({ add: 3, update: 0, unchanged: 0, reject: 9 });
    expect(await ctx.db.person.count()).toBe(before);
    expect(JSON.stringify(check)).not.toMatch(/500118\d{12}/);
  });

  it('commits the valid rows in one go; the same file again changes nothing', async () => {
    const check = (await upload(principal, ctx.app, '/api/people/import/check', messy(), { schoolId: school.id })).json();
    const committed = await upload(principal, ctx.app, '/api/people/import/commit', messy(), { schoolId: school.id, checksum: check.checksum });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toEqual({ added: 3, updated: 0, unchanged: 0, rejected: 9 });
    const wang = (await principal.request('POST', '/api/people/search', { q: '王五' })).json().items[0];
    expect(wang.guardianPhone).toBe('139****2222');
    expect(wang.leftBehind).toBe(true);
    expect(wang.deviceAccess).toBe('tv_only');
    const wu = (await principal.request('POST', '/api/people/search', { q: '吴九' })).json().items[0];
    expect(wu.className).toBe('2班');

    const count = await ctx.db.person.count();
    const again = await upload(principal, ctx.app, '/api/people/import/check', messy(), { schoolId: school.id });
    expect(again.json().counts).toEqual({ add: 0, update: 0, unchanged: 3, reject: 9 });
    const second = await upload(principal, ctx.app, '/api/people/import/commit', messy(), { schoolId: school.id });
    expect(second.json()).toEqual({ added: 0, updated: 0, unchanged: 3, rejected: 9 });
    expect(await ctx.db.person.count()).toBe(count);
    expect(await ctx.db.auditLog.count({ where: { action: 'person.import', entityId: school.id } })).toBe(2);
  });

  it('a changed value updates the matched person; a stale check is refused', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(path.join(FIXTURES, 'roster-messy.xlsx')) as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getCell('H2').value = '13912345678'; // 刘一's guardian phone
    const changed = { name: 'changed.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) };
    const staleChecksum = (await upload(principal, ctx.app, '/api/people/import/check', messy(), { schoolId: school.id })).json().checksum;
    const stale = await upload(principal, ctx.app, '/api/people/import/commit', changed, { schoolId: school.id, checksum: staleChecksum });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('名册在检查后已有变化,请重新检查');
    const checkResponse = await upload(principal, ctx.app, '/api/people/import/check', changed, { schoolId: school.id });
    expect(checkResponse.statusCode, checkResponse.body).toBe(200);
    const check = checkResponse.json();
    expect(check.rows.find((row: { row: number }) => row.row === 2)).toMatchObject({ action: 'update', matchedBy: 'id_number', changes: ['guardian'] });
    const result = (await upload(principal, ctx.app, '/api/people/import/commit', changed, { schoolId: school.id, checksum: check.checksum })).json();
    expect(result.updated).toBe(1);
  });

  it('reads a GBK-encoded CSV as Excel on Chinese Windows saves it', async () => {
    const csv = { name: 'roster-messy-gbk.csv', content: fs.readFileSync(path.join(FIXTURES, 'roster-messy-gbk.csv')) };
    const check = (await upload(principal, ctx.app, '/api/people/import/check', csv, { schoolId: school.id })).json();
    expect(check.headers[0]).toBe('姓名');
    expect(check.rows.find((row: { row: number }) => row.row === 5).problems[0].message).toMatch(/科学计数法/);
  });

  it('maps differing headers when the user says which column is which', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['学生名', '所在班', '证件']);
    sheet.addRow(['映射生', '三年级2班', idNumber('20170606', 333)]);
    const file = { name: 'odd.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) };
    const unmapped = (await upload(principal, ctx.app, '/api/people/import/check', file, { schoolId: school.id })).json();
    expect(unmapped.missingRequired).toEqual(['name']);
    const mapped = (await upload(principal, ctx.app, '/api/people/import/check', file, { schoolId: school.id, mapping: JSON.stringify({ name: '学生名', className: '所在班', idNumber: '证件' }) })).json();
    expect(mapped.missingRequired).toEqual([]);
    expect(mapped.rows[0]).toMatchObject({ action: 'add', name: '映射生' });
  });

  it('a teacher cannot import into another class; another school cannot be targeted', async () => {
    const check = (await upload(teacher, ctx.app, '/api/people/import/check', { name: 's.xlsx', content: fs.readFileSync(path.join(FIXTURES, 'roster-sample.xlsx')) }, { schoolId: school.id })).json();
    const classTwoRows = check.rows.filter((row: { className: string }) => row.className === '三年级2班');
    expect(classTwoRows.length).toBe(15);
    expect(classTwoRows.every((row: { action: string; problems: { message: string }[] }) => row.action === 'reject' && row.problems[0]!.message === '只能录入您所带班级的学生')).toBe(true);
    const other = await upload(principal, ctx.app, '/api/people/import/check', messy(), { schoolId: otherSchool.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields.schoolId).toBeDefined();
  });

  it('rejects a file that is not a spreadsheet', async () => {
    const response = await upload(principal, ctx.app, '/api/people/import/check', { name: 'photo.jpg', content: Buffer.from('not a sheet') }, { schoolId: school.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('无法读取该文件,请上传 .xlsx 或 .csv 文件');
  });
});

describe('export', () => {
  async function readBack(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(rowTexts(row)));
    return rows;
  }

  it('exports the filtered roster with Chinese headers and masked ID numbers; audited', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/people/export', headers: { cookie: principal.cookie, 'content-type': 'application/json' }, payload: { classId: class32.id } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await readBack(response.rawPayload);
    expect(rows[0]!.slice(0, 6)).toEqual(['学校', '班级', '姓名', '性别', '人员类别', '身份证号']);
    const expected = await ctx.db.person.count({ where: { classId: class32.id, status: 'active' } });
    expect(rows.length - 1).toBe(expected);
    const idCells = rows.slice(1).map((row) => row[5]!).filter(Boolean);
    expect(idCells.length).toBeGreaterThan(0);
    expect(idCells.every((cell) => /^500118\*{11}[\dX]$/.test(cell))).toBe(true);
    expect(await ctx.db.auditLog.count({ where: { action: 'person.export' } })).toBeGreaterThan(0);
  });

  it('an export longer than one batch (1,000) has every person once, in class order', async () => {
    const big = await createSchool(ctx.db, { name: '批量导出小学', code: 'R31' });
    const classes = [await createSchoolClass(ctx.db, { schoolId: big.id, grade: 1, name: '1班' }), await createSchoolClass(ctx.db, { schoolId: big.id, grade: 2, name: '1班' })];
    await ctx.db.person.createMany({
      data: Array.from({ length: 1205 }, (_, i) => ({
        schoolId: big.id,
        classId: classes[i % 2]!.id,
        kind: 'student' as const,
        name: `批量${i}`,
        searchText: `批量${i}`,
        sortName: `pl${String(i).padStart(4, '0')}`,
        // Many people share a sort key, so the batches page on (sortClass, id).
        sortClass: `${i % 2}-${String(i % 7).padStart(2, '0')}`,
        sortNumber: '',
      })),
    });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/people/export', headers: { cookie: centre.cookie, 'content-type': 'application/json' }, payload: { schoolId: big.id } });
    expect(response.statusCode).toBe(200);
    const names = (await readBack(response.rawPayload)).slice(1).map((row) => row[2]);
    const expected = await ctx.db.person.findMany({ where: { schoolId: big.id }, orderBy: [{ sortClass: 'asc' }, { id: 'asc' }], select: { name: true } });
    expect(names).toHaveLength(1205);
    expect(names).toEqual(expected.map((person) => person.name));
  });

  it('full ID numbers only for the centre, audited as such', async () => {
    const refused = await principal.request('POST', '/api/people/export', { fullIdNumbers: true });
    expect(refused.statusCode).toBe(403);
    const response = await ctx.app.inject({ method: 'POST', url: '/api/people/export', headers: { cookie: centre.cookie, 'content-type': 'application/json' }, payload: { schoolId: school.id, fullIdNumbers: true } });
    const rows = await readBack(response.rawPayload);
    expect(rows.slice(1).some((row) => /^500118\d{11}[\dX]$/.test(row[5]!))).toBe(true);
    expect(await ctx.db.auditLog.count({ where: { action: 'person.export_full_id' } })).toBe(1);
  });

  it('names the export file by the centre’s day, not the server’s UTC date', async () => {
    // A zone whose day differs from UTC's right now (UTC+14 from 10:00 UTC, UTC−12 before noon UTC).
    const now = new Date();
    const timeZone = now.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Etc/GMT+12';
    const centreDay = dayInTimeZone(now, timeZone);
    expect(centreDay).not.toBe(now.toISOString().slice(0, 10));
    const settings = await centre.request('PUT', '/api/settings', { timeZone });
    expect(settings.statusCode, settings.body).toBe(200);
    try {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/people/export', headers: { cookie: principal.cookie, 'content-type': 'application/json' }, payload: { classId: class32.id } });
      expect(response.headers['content-disposition']).toBe(`attachment; filename="roster-${centreDay}.xlsx"; filename*=UTF-8''${encodeURIComponent(`名册-${centreDay}.xlsx`)}`);
    } finally {
      await centre.request('PUT', '/api/settings', { timeZone: 'Asia/Shanghai' });
    }
  });

  it('serves an import template whose headers the import recognises', async () => {
    const response = await principal.request('GET', '/api/people/import-template');
    const rows = await readBack(response.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['姓名', '身份证号', '班级', '学号', '监护人', '联系电话', '家庭住址']));
    const check = (await upload(principal, ctx.app, '/api/people/import/check', { name: 't.xlsx', content: response.rawPayload }, { schoolId: school.id })).json();
    expect(check.missingRequired).toEqual([]);
    expect(check.rows[0].action).toBe('add');
  });
});

describe('keyset paging', () => {
  it('pages through the whole roster without repeats or gaps in every sort order', async () => {
    for (const sort of ['class', 'name', 'studentNumber', 'updated']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let total = 0;
      do {
        const page = (await centre.request('POST', '/api/people/search', { sort, limit: 4, ...(cursor ? { cursor } : {}) })).json();
        total = page.total ?? total; // counted on the first page only
        seen.push(...page.items.map((item: { id: string }) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(seen.length, sort).toBe(total);
      expect(total, sort).toBe(await ctx.db.person.count({ where: { status: 'active' } }));
    }
  });
});
