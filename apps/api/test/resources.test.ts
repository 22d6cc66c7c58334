import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createSchool, createSchoolClass, createUser, TEST_PASSWORD } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

let ctx: TestContext;
let centre: Client;
let centreId: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  const user = await createUser(ctx.db, { role: 'centre_admin' });
  centreId = user.id;
  centre = await signIn(ctx.app, user.username);
});

describe('schools', () => {
  it('centre adds, renames, deactivates and reactivates a school; each write is audited', async () => {
    const created = await centre.request('POST', '/api/schools', { code: 'S90', name: '新建小学', kind: 'primary' });
    expect(created.statusCode).toBe(201);
    const school = created.json();
    expect(school).toMatchObject({ code: 'S90', name: '新建小学', kind: 'primary', active: true, classCount: 0, accountCount: 0 });

    const renamed = await centre.request('PATCH', `/api/schools/${school.id}`, { name: '新建中心小学' });
    expect(renamed.json().name).toBe('新建中心小学');
    expect((await centre.request('PATCH', `/api/schools/${school.id}`, { active: false })).json().active).toBe(false);

    const activeList = (await centre.request('GET', '/api/schools')).json().items.map((s: { id: string }) => s.id);
    expect(activeList).not.toContain(school.id);
    const allList = (await centre.request('GET', '/api/schools?includeInactive=true')).json().items.map((s: { id: string }) => s.id);
    expect(allList).toContain(school.id);
    expect((await centre.request('PATCH', `/api/schools/${school.id}`, { active: true })).json().active).toBe(true);

    const actions = (await ctx.db.auditLog.findMany({ where: { entityId: school.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
    expect(actions).toEqual(['school.create', 'school.update', 'school.deactivate', 'school.reactivate']);
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { entityId: school.id } });
    expect(row).toMatchObject({ userId: centreId, role: 'centre_admin', entity: 'School' });
  });

  it('refuses a duplicate code or name with a field error', async () => {
    await createSchool(ctx.db, { code: 'D01', name: '重名小学' });
    const response = await centre.request('POST', '/api/schools', { code: 'D01', name: '重名小学', kind: 'primary' });
    expect(response.statusCode).toBe(409);
    expect(response.json().fields).toEqual({ code: '学校代码已被使用', name: '学校名称已被使用' });
  });

  it('deletes an empty school, and refuses one with classes or accounts (deactivate instead)', async () => {
    const empty = await createSchool(ctx.db);
    expect((await centre.request('DELETE', `/api/schools/${empty.id}`)).statusCode).toBe(200);
    expect(await ctx.db.school.findUnique({ where: { id: empty.id } })).toBeNull();

    const busy = await createSchool(ctx.db);
    await createSchoolClass(ctx.db, { schoolId: busy.id });
    const refused = await centre.request('DELETE', `/api/schools/${busy.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('该学校仍有 1 个班级、0 个账号,不能删除;请改为停用');
    expect(await ctx.db.school.findUnique({ where: { id: busy.id } })).not.toBeNull();
  });
});

describe('classes', () => {
  it('principal adds a class with a head teacher of their school, renames and deactivates it', async () => {
    const school = await createSchool(ctx.db);
    const principal = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
    const teacher = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id, displayName: '李老师' });
    const client = await signIn(ctx.app, principal.username);
    const created = await client.request('POST', '/api/classes', { schoolId: school.id, grade: 3, name: '2班', headTeacherId: teacher.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ grade: 3, name: '2班', headTeacherName: '李老师', schoolName: school.name });
    const id = created.json().id;
    expect((await client.request('PATCH', `/api/classes/${id}`, { name: '3班' })).json().name).toBe('3班');
    expect((await client.request('PATCH', `/api/classes/${id}`, { active: false })).json().active).toBe(false);

    // the teacher now sees the class they head (until it was deactivated)
    const teacherClient = await signIn(ctx.app, teacher.username);
    expect((await teacherClient.request('GET', '/api/classes')).json().items).toEqual([]);
    expect((await teacherClient.request('GET', '/api/auth/me')).json().classes).toEqual([]);
  });

  it('refuses a head teacher from another school and a duplicate class name', async () => {
    const school = await createSchool(ctx.db);
    const other = await createSchool(ctx.db);
    const stranger = await createUser(ctx.db, { role: 'class_teacher', schoolId: other.id });
    const wrongTeacher = await centre.request('POST', '/api/classes', { schoolId: school.id, grade: 1, name: '1班', headTeacherId: stranger.id });
    expect(wrongTeacher.statusCode).toBe(400);
    expect(wrongTeacher.json().fields.headTeacherId).toBe('班主任必须是本校的班主任或校园长账号');
    expect((await centre.request('POST', '/api/classes', { schoolId: school.id, grade: 1, name: '1班' })).statusCode).toBe(201);
    const duplicate = await centre.request('POST', '/api/classes', { schoolId: school.id, grade: 1, name: '1班' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().fields.name).toBe('该年级已有同名班级');
  });

  it('refuses a class in a deactivated school', async () => {
    const school = await createSchool(ctx.db, { active: false });
    const response = await centre.request('POST', '/api/classes', { schoolId: school.id, grade: 1, name: '1班' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.schoolId).toBe('该学校已停用');
  });
});

describe('accounts', () => {
  it('centre creates a principal: the one-time password works once and must be changed', async () => {
    const school = await createSchool(ctx.db);
    const created = await centre.request('POST', '/api/accounts', { username: 'newprincipal', displayName: '王校长', role: 'principal', schoolId: school.id });
    expect(created.statusCode).toBe(201);
    const { account, oneTimePassword } = created.json();
    expect(account).toMatchObject({ username: 'newprincipal', role: 'principal', schoolId: school.id, mustChangePassword: true, disabled: false });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(JSON.stringify(await ctx.db.auditLog.findMany({ where: { entityId: account.id }, select: { action: true, entity: true, entityId: true, username: true } }))).not.toContain(oneTimePassword);

    const client = await signIn(ctx.app, 'newprincipal', oneTimePassword);
    expect((await client.request('GET', '/api/schools')).json().code).toBe('password_change_required');
  });

  it('requires a school for school roles and forbids one for township roles', async () => {
    const school = await createSchool(ctx.db);
    const noSchool = await centre.request('POST', '/api/accounts', { username: 'noschool1', displayName: '甲', role: 'class_teacher' });
    expect(noSchool.json().fields.schoolId).toBe('该角色必须属于一所学校');
    const withSchool = await centre.request('POST', '/api/accounts', { username: 'obs2', displayName: '乙', role: 'observer', schoolId: school.id });
    expect(withSchool.json().fields.schoolId).toBe('该角色不属于任何学校');
    const badName = await centre.request('POST', '/api/accounts', { username: 'a b', displayName: '丙', role: 'observer' });
    expect(badName.json().fields.username).toBe('用户名为 3–32 位字母、数字、点、下划线或短横线');
  });

  it('refuses a user name that is taken', async () => {
    const existing = await createUser(ctx.db, { role: 'observer' });
    const response = await centre.request('POST', '/api/accounts', { username: existing.username, displayName: '重名', role: 'observer' });
    expect(response.statusCode).toBe(409);
    expect(response.json().fields.username).toBe('用户名已被使用');
  });

  it('reset password gives a new one-time password, ends sessions and forces a change', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const client = await signIn(ctx.app, user.username);
    const reset = await centre.request('POST', `/api/accounts/${user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await signIn(ctx.app, user.username, reset.json().oneTimePassword);
    expect((await again.request('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
    await expect(signIn(ctx.app, user.username, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('a principal manages teacher and gate accounts of their school only', async () => {
    const school = await createSchool(ctx.db);
    const principal = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
    const client = await signIn(ctx.app, principal.username);
    const created = await client.request('POST', '/api/accounts', { username: 'gate-new', displayName: '门卫', role: 'gate_duty', schoolId: school.id });
    expect(created.statusCode).toBe(201);
    const disabled = await client.request('PATCH', `/api/accounts/${created.json().account.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    const observer = await client.request('POST', '/api/accounts', { username: 'obs-new', displayName: '观察', role: 'observer' });
    expect(observer.statusCode).toBe(403);
    expect(observer.json().fields.role).toBe('您不能创建或修改该角色的账号');
  });

  it('nobody can disable their own account', async () => {
    const response = await centre.request('PATCH', `/api/accounts/${centreId}`, { disabled: true });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('不能停用自己的账号');
  });
});

describe('settings', () => {
  it('centre changes time zone, fever threshold, report deadline, quarantine days; bad values get field errors', async () => {
    const response = await centre.request('PUT', '/api/settings', { timeZone: 'Asia/Urumqi', feverThreshold: 37.5, reportDeadline: '09:30', defaultQuarantineDays: 21 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ timeZone: 'Asia/Urumqi', feverThreshold: 37.5, reportDeadline: '09:30', defaultQuarantineDays: 21 });
    expect((await centre.request('GET', '/api/settings')).json().reportDeadline).toBe('09:30');

    const bad = await centre.request('PUT', '/api/settings', { timeZone: 'Mars/Olympus', reportDeadline: '25:00', feverThreshold: 45 }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ timeZone: 'Unknown time zone', reportDeadline: 'Enter a time between 00:00 and 23:59', feverThreshold: 'Must be at most 39' });
    expect((await centre.request('GET', '/api/settings')).json().timeZone).toBe('Asia/Urumqi');
    await centre.request('PUT', '/api/settings', { timeZone: 'Asia/Shanghai', feverThreshold: 37.3, reportDeadline: '10:00', defaultQuarantineDays: 14 });
  });

  it('the idle timeout follows the centre setting', async () => {
    await centre.request('PUT', '/api/settings', { sessionIdleMinutes: 240 });
    const user = await createUser(ctx.db, { role: 'observer' });
    const client = await signIn(ctx.app, user.username);
    await ctx.db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 60 * 60_000) } });
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await centre.request('PUT', '/api/settings', { sessionIdleMinutes: 30 });
  });
});

describe('audit log', () => {
  it('records logins, failed logins and denied access, and pages newest first', async () => {
    const school = await createSchool(ctx.db);
    const other = await createSchool(ctx.db);
    const principal = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
    await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: principal.username, password: 'nope-1234' } });
    const client = await signIn(ctx.app, principal.username);
    expect((await client.request('GET', `/api/schools/${other.id}`)).statusCode).toBe(404);

    const page = await centre.request('GET', `/api/audit?username=${principal.username}&limit=2`);
    expect(page.statusCode).toBe(200);
    const first = page.json();
    expect(first.items.map((item: { action: string }) => item.action)).toEqual(['access.denied', 'auth.login']);
    expect(first.items[0]).toMatchObject({ entity: 'School', entityId: other.id, role: 'principal', schoolId: school.id, schoolName: school.name });
    const second = (await centre.request('GET', `/api/audit?username=${principal.username}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((item: { action: string }) => item.action)).toEqual(['auth.login_failed']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by action group or exact action, and by day in the centre time zone', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const response = (await centre.request('GET', `/api/audit?action=school.&from=${today}&to=${today}`)).json();
    expect(response.items.length).toBeGreaterThan(0);
    expect(response.items.every((item: { action: string }) => item.action.startsWith('school.'))).toBe(true);
    // An action without the trailing dot is that action only: "auth.login" is not "auth.login_failed".
    await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'wrong-1234' } });
    const logins = (await centre.request('GET', '/api/audit?action=auth.login&limit=100')).json().items as { action: string }[];
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((item) => item.action === 'auth.login')).toBe(true);
    const all = (await centre.request('GET', '/api/audit?action=auth.&limit=100')).json().items as { action: string }[];
    expect(all.some((item) => item.action === 'auth.login_failed')).toBe(true);
    expect((await centre.request('GET', '/api/audit?from=2020-01-01&to=2020-01-02')).json().items).toEqual([]);
  });
});

describe('bad input never gives a 500 nor half-writes', () => {
  it.each([
    ['unknown field', 'POST', '/api/schools', { code: 'Z1', name: '甲', kind: 'primary', extra: 1 }, 400, 'validation_failed'],
    ['wrong type', 'POST', '/api/schools', { code: 5, name: [], kind: 'castle' }, 400, 'validation_failed'],
    ['over-long string', 'POST', '/api/schools', { code: 'Z2', name: '长'.repeat(61), kind: 'primary' }, 400, 'validation_failed'],
    ['unknown id', 'GET', '/api/schools/00000000-0000-4000-8000-000000000000', undefined, 404, 'not_found'],
    ['malformed id', 'GET', '/api/classes/not-a-uuid', undefined, 400, 'validation_failed'],
    ['unknown route', 'GET', '/api/nowhere', undefined, 404, 'not_found'],
    ['bad query', 'GET', '/api/audit?limit=100000', undefined, 400, 'validation_failed'],
  ] as const)('%s → %i', async (_name, method, url, body, status, code) => {
    const response = await centre.request(method, url, body);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ statusCode: status, code });
  });

  it('malformed JSON and a huge body get 400 and 413 in the error shape', async () => {
    const malformed = await ctx.app.inject({ method: 'POST', url: '/api/schools', headers: { cookie: centre.cookie, 'content-type': 'application/json' }, payload: '{"code":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('bad_request');
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/schools',
      headers: { cookie: centre.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'H1', name: 'x'.repeat(300_000), kind: 'primary' }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
    expect(await ctx.db.school.count({ where: { code: { in: ['Z1', 'Z2', 'H1'] } } })).toBe(0);
  });

  it('field errors name each field in the chosen language', async () => {
    const response = await centre.request('POST', '/api/schools', { code: 'bad code', name: '', kind: 'castle' }, { 'accept-language': 'en' });
    expect(response.json().fields).toEqual({ code: 'School codes are 1–16 capital letters or digits, e.g. S01', name: 'Required', kind: 'Choose a valid option' });
  });
});
