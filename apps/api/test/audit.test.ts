import crypto from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, maskName, type AuditEntry } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

let ctx: TestContext;
let centre: Client;
let teacher: Client;
let principal: Client;
const ids = { school: '', schoolClass: '', student: '', teacher: '', principal: '' };
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const well = { method: 'phone', reached: true, answeredBy: '母亲', temperature: 36.6, symptoms: [], whereabouts: 'home_township', studiedOnline: 'yes' };

beforeAll(async () => {
  ctx = await setupTestApp();
  const school = await createSchool(ctx.db, { name: '义和镇审计测试小学' });
  const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id, username: 'audit_teacher' });
  const principalUser = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
  const schoolClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 3, name: '2班', headTeacherId: teacherUser.id });
  const student = await createPerson(ctx.db, { schoolId: school.id, classId: schoolClass.id, name: '王小明' });
  Object.assign(ids, { school: school.id, schoolClass: schoolClass.id, student: student.id, teacher: teacherUser.id, principal: principalUser.id });
  centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
  teacher = await signIn(ctx.app, teacherUser.username);
  principal = await signIn(ctx.app, principalUser.username);
});

async function auditEntries(): Promise<AuditEntry[]> {
  const response = await centre.request('GET', '/api/audit?limit=100');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}
const recordOf = (entries: AuditEntry[], action: string) => entries.find((entry) => entry.action === action)?.record;

describe('the audit log names its records in words', () => {
  it('a follow-up, a class report, a case and its check-in, a person, an account and a school, looked up live', async () => {
    const day = today();
    expect((await teacher.request('PUT', `/api/follow-ups/${ids.student}/${day}`, well)).statusCode).toBe(200);
    expect((await teacher.request('POST', '/api/daily-reports/class', { classId: ids.schoolClass, day })).statusCode).toBe(201);
    const opened = await principal.request('POST', '/api/quarantine/cases', {
      personId: ids.student,
      reason: 'close_contact',
      startDay: addDays(day, -1),
      place: 'home',
      team: { leadId: ids.principal },
      plan: '居家隔离14天,每日早晚测温',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId: string = opened.json().id;
    const checkIn = await principal.request('POST', `/api/quarantine/cases/${caseId}/check-ins`, {
      day,
      method: 'phone',
      temperature: 36.5,
      symptoms: [],
      living: { foodOk: true, suppliesOk: true },
      study: { keepingUp: 'yes' },
      mood: 'calm',
    });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    expect((await centre.request('POST', `/api/accounts/${ids.teacher}/reset-password`)).statusCode).toBe(200);

    const entries = await auditEntries();
    expect(recordOf(entries, 'follow_up.save')).toEqual({ kind: 'follow_up', personId: ids.student, name: '王*明', day });
    expect(recordOf(entries, 'daily_report.file_class')).toEqual({
      kind: 'daily_report',
      schoolId: ids.school,
      schoolName: '义和镇审计测试小学',
      day,
      class: { schoolKind: 'primary', grade: 3, name: '2班' },
    });
    expect(recordOf(entries, 'quarantine.open')).toEqual({ kind: 'case', caseId, name: '王*明' });
    expect(recordOf(entries, 'quarantine.check_in')).toEqual({ kind: 'check_in', caseId, name: '王*明', day });
    expect(recordOf(entries, 'account.reset_password')).toEqual({ kind: 'account', username: 'audit_teacher' });
    // The row holds no values: a renamed person reads under the new name, and the full name is never in the log.
    await ctx.db.person.update({ where: { id: ids.student }, data: { name: '王晓明' } });
    const renamed = await centre.request('GET', '/api/audit?limit=100');
    expect(renamed.body).not.toContain('王小明');
    expect(renamed.body).not.toContain('王晓明');
    expect(recordOf(renamed.json().items, 'quarantine.open')).toMatchObject({ name: '王*明' });
  });

  it('a deleted school, or an id that names nothing, reads as a missing record; a roster export names its school', async () => {
    const created = await centre.request('POST', '/api/schools', { code: 'AUD1', name: '将删除的学校', kind: 'primary' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await centre.request('DELETE', `/api/schools/${created.json().id}`)).statusCode).toBe(200);
    expect((await principal.request('GET', `/api/schools/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await principal.request('POST', '/api/people/export', { schoolId: ids.school })).statusCode).toBe(200);

    const entries = await auditEntries();
    expect(recordOf(entries, 'school.create')).toEqual({ kind: 'missing' });
    expect(recordOf(entries, 'school.delete')).toEqual({ kind: 'missing' });
    expect(recordOf(entries, 'access.denied')).toEqual({ kind: 'missing' });
    expect(recordOf(entries, 'person.export')).toEqual({ kind: 'school', schoolId: ids.school, name: '义和镇审计测试小学' });
    expect(recordOf(entries, 'auth.login')).toEqual({ kind: 'account', username: expect.any(String) });
  });
});

describe('looking the records up', () => {
  it('costs the same statements for a page of 2 follow-ups as for a page of 8 (one per kind of record, never one per row)', async () => {
    const day = today();
    for (let index = 0; index < 8; index += 1) {
      const student = await createPerson(ctx.db, { schoolId: ids.school, classId: ids.schoolClass });
      // The principal calls (the teacher's sessions ended with the password reset above).
      expect((await principal.request('PUT', `/api/follow-ups/${student.id}/${day}`, well)).statusCode).toBe(200);
    }
    const statements = async (limit: number) => {
      const spy = vi.spyOn(pg.Pool.prototype, 'query');
      const response = await centre.request('GET', `/api/audit?action=follow_up.save&limit=${limit}`);
      const count = spy.mock.calls.length;
      spy.mockRestore();
      expect(response.json().items.filter((entry: AuditEntry) => entry.record?.kind === 'follow_up')).toHaveLength(limit);
      expect(count).toBeGreaterThan(0);
      return count;
    };
    expect(await statements(8)).toBe(await statements(2));
  });
});

describe('maskName', () => {
  it('keeps the first and last character', () => {
    expect([maskName('王小明'), maskName('欧阳小明'), maskName('王明'), maskName('王')]).toEqual(['王*明', '欧**明', '王*', '王']);
  });
});
