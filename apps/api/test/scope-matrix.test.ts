/**
 * The role × resource × action matrix: proves scope on lists and on single
 * records for every role. Out of scope reads as 404; in scope but not allowed
 * is 403; observers never write.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone } from '@campus/shared';
import { createTownship, receiveStock } from './helpers/factories.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { signInTownship, type Client } from './helpers/http.js';

type Town = Awaited<ReturnType<typeof createTownship>>;
type RoleKey = 'centre' | 'observer' | 'principal' | 'teacher' | 'gate';
const ROLES: RoleKey[] = ['centre', 'observer', 'principal', 'teacher', 'gate'];

let ctx: TestContext;
let town: Town;
const clients = {} as Record<RoleKey, Client>;
/** Supplies: masks in stock at the centre and both schools, and a pending request from school B. */
const supplies = { maskId: '', requestB: '' };
/** Quarantine cases: A's student (team: principal + the other teacher), A's other student (team: principal + the teacher, who heads another class), B's student. */
const quarantine = { caseA: '', caseA2: '', caseB: '' };
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
let checkInDays = 0;
let extendDays = 0;

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  Object.assign(clients, await signInTownship(ctx.app, town));
  for (const schoolId of [null, town.a.school.id, town.b.school.id]) await receiveStock(ctx.db, { schoolId, itemCode: 'mask', quantity: 1000, recordedById: town.centre.id });
  supplies.maskId = (await ctx.db.supplyItem.findUniqueOrThrow({ where: { code: 'mask' } })).id;
  supplies.requestB = (
    await ctx.db.supplyRequest.create({
      data: { schoolId: town.b.school.id, reason: '缺口罩', requestedById: town.b.principal.id, requestedByName: '校长', lines: { create: [{ itemId: supplies.maskId, requestedQuantity: 100 }] } },
    })
  ).id;
  const openCase = async (personId: string, schoolId: string, team: { userId: string; lead: boolean }[]) =>
    (
      await ctx.db.quarantineCase.create({
        data: {
          personId, schoolId, reason: 'close_contact', place: 'home', plan: '居家隔离', openedById: town.centre.id, openedByName: '中心',
          startDay: new Date(`${addDays(today(), -40)}T00:00:00Z`), plannedEndDay: new Date(`${addDays(today(), 5)}T00:00:00Z`), team: { create: team },
        },
      })
    ).id;
  quarantine.caseA = await openCase(town.a.student.id, town.a.school.id, [{ userId: town.a.principal.id, lead: true }, { userId: town.a.otherTeacher.id, lead: false }]);
  quarantine.caseA2 = await openCase(town.a.otherStudent.id, town.a.school.id, [{ userId: town.a.principal.id, lead: true }, { userId: town.a.teacher.id, lead: false }]);
  quarantine.caseB = await openCase(town.b.student.id, town.b.school.id, [{ userId: town.b.principal.id, lead: true }]);
});

interface Case {
  name: string;
  run: (client: Client, town: Town) => ReturnType<Client['request']>;
  expect: Record<RoleKey, number>;
}

let unique = 0;
const fresh = () => (unique += 1);

const cases: Case[] = [
  // schools
  { name: 'GET school A (own)', run: (c, t) => c.request('GET', `/api/schools/${t.a.school.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 200 } },
  { name: 'GET school B (other)', run: (c, t) => c.request('GET', `/api/schools/${t.b.school.id}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 404 } },
  { name: 'POST school', run: (c) => c.request('POST', '/api/schools', { code: `M${fresh()}`, name: `矩阵学校${unique}`, kind: 'primary' }), expect: { centre: 201, observer: 403, principal: 403, teacher: 403, gate: 403 } },
  { name: 'PATCH school A', run: (c, t) => c.request('PATCH', `/api/schools/${t.a.school.id}`, { name: `改名${fresh()}` }), expect: { centre: 200, observer: 403, principal: 403, teacher: 403, gate: 403 } },
  { name: 'PATCH school B', run: (c, t) => c.request('PATCH', `/api/schools/${t.b.school.id}`, { name: `改名${fresh()}` }), expect: { centre: 200, observer: 403, principal: 404, teacher: 404, gate: 404 } },
  { name: 'DELETE school B (has classes)', run: (c, t) => c.request('DELETE', `/api/schools/${t.b.school.id}`), expect: { centre: 409, observer: 403, principal: 404, teacher: 404, gate: 404 } },
  // classes
  { name: "GET teacher's own class A1", run: (c, t) => c.request('GET', `/api/classes/${t.a.schoolClass.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 200 } },
  { name: 'GET class A2 (another teacher’s)', run: (c, t) => c.request('GET', `/api/classes/${t.a.otherClass.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 404, gate: 200 } },
  { name: 'GET class B1 (other school)', run: (c, t) => c.request('GET', `/api/classes/${t.b.schoolClass.id}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 404 } },
  { name: 'POST class in A', run: (c, t) => c.request('POST', '/api/classes', { schoolId: t.a.school.id, grade: 3, name: `${fresh()}班` }), expect: { centre: 201, observer: 403, principal: 201, teacher: 403, gate: 403 } },
  { name: 'POST class in B', run: (c, t) => c.request('POST', '/api/classes', { schoolId: t.b.school.id, grade: 3, name: `${fresh()}班` }), expect: { centre: 201, observer: 403, principal: 400, teacher: 400, gate: 400 } },
  { name: 'PATCH class A1', run: (c, t) => c.request('PATCH', `/api/classes/${t.a.schoolClass.id}`, { name: `${fresh()}班` }), expect: { centre: 200, observer: 403, principal: 200, teacher: 403, gate: 403 } },
  { name: 'PATCH class B1', run: (c, t) => c.request('PATCH', `/api/classes/${t.b.schoolClass.id}`, { name: `${fresh()}班` }), expect: { centre: 200, observer: 403, principal: 404, teacher: 404, gate: 404 } },
  // accounts
  { name: 'GET account: teacher of A', run: (c, t) => c.request('GET', `/api/accounts/${t.a.otherTeacher.id}`), expect: { centre: 200, observer: 404, principal: 200, teacher: 404, gate: 404 } },
  { name: 'GET account: principal of B', run: (c, t) => c.request('GET', `/api/accounts/${t.b.principal.id}`), expect: { centre: 200, observer: 404, principal: 404, teacher: 404, gate: 404 } },
  { name: 'GET accounts list', run: (c) => c.request('GET', '/api/accounts'), expect: { centre: 200, observer: 403, principal: 200, teacher: 200, gate: 200 } },
  { name: 'POST teacher account in A', run: (c, t) => c.request('POST', '/api/accounts', { username: `new${fresh()}`, displayName: '新老师', role: 'class_teacher', schoolId: t.a.school.id }), expect: { centre: 201, observer: 403, principal: 201, teacher: 403, gate: 403 } },
  { name: 'POST teacher account in B', run: (c, t) => c.request('POST', '/api/accounts', { username: `new${fresh()}`, displayName: '新老师', role: 'class_teacher', schoolId: t.b.school.id }), expect: { centre: 201, observer: 403, principal: 400, teacher: 403, gate: 403 } },
  { name: 'POST principal account in A', run: (c, t) => c.request('POST', '/api/accounts', { username: `new${fresh()}`, displayName: '新校长', role: 'principal', schoolId: t.a.school.id }), expect: { centre: 201, observer: 403, principal: 403, teacher: 403, gate: 403 } },
  { name: 'PATCH (rename) teacher of A', run: (c, t) => c.request('PATCH', `/api/accounts/${t.a.otherTeacher.id}`, { displayName: `改${fresh()}` }), expect: { centre: 200, observer: 404, principal: 200, teacher: 404, gate: 404 } },
  { name: 'PATCH (rename) teacher of B', run: (c, t) => c.request('PATCH', `/api/accounts/${t.b.otherTeacher.id}`, { displayName: `改${fresh()}` }), expect: { centre: 200, observer: 404, principal: 404, teacher: 404, gate: 404 } },
  // roster (people): gate staff have no roster; observers read masked, never write
  { name: 'GET person in class A1', run: (c, t) => c.request('GET', `/api/people/${t.a.student.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 403 } },
  { name: 'GET person in class A2', run: (c, t) => c.request('GET', `/api/people/${t.a.otherStudent.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 404, gate: 403 } },
  { name: 'GET person in school B', run: (c, t) => c.request('GET', `/api/people/${t.b.student.id}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 403 } },
  { name: 'PATCH person in class A1', run: (c, t) => c.request('PATCH', `/api/people/${t.a.student.id}`, { notes: `备注${fresh()}` }), expect: { centre: 200, observer: 403, principal: 200, teacher: 200, gate: 403 } },
  { name: 'PATCH person in school B', run: (c, t) => c.request('PATCH', `/api/people/${t.b.student.id}`, { notes: `备注${fresh()}` }), expect: { centre: 200, observer: 403, principal: 404, teacher: 404, gate: 403 } },
  { name: 'reveal ID of person in A1', run: (c, t) => c.request('POST', `/api/people/${t.a.student.id}/reveal-id`), expect: { centre: 200, observer: 403, principal: 200, teacher: 200, gate: 403 } },
  { name: 'POST person into class A1', run: (c, t) => c.request('POST', '/api/people', { schoolId: t.a.school.id, classId: t.a.schoolClass.id, kind: 'student', name: `新生${fresh()}` }), expect: { centre: 201, observer: 403, principal: 201, teacher: 201, gate: 403 } },
  { name: 'POST person into school B', run: (c, t) => c.request('POST', '/api/people', { schoolId: t.b.school.id, classId: t.b.schoolClass.id, kind: 'student', name: `新生${fresh()}` }), expect: { centre: 201, observer: 403, principal: 400, teacher: 400, gate: 400 } },
  { name: 'search roster', run: (c) => c.request('POST', '/api/people/search', {}), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 403 } },
  // supplies: school staff (principal, gate) their own school's stock and requests; class teachers none (403)
  { name: 'GET supplies matrix', run: (c) => c.request('GET', '/api/supplies/matrix'), expect: { centre: 200, observer: 200, principal: 200, teacher: 403, gate: 200 } },
  { name: 'GET stock card of A', run: (c, t) => c.request('GET', `/api/supplies/stock-card?holder=${t.a.school.id}&itemId=${supplies.maskId}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 403, gate: 200 } },
  { name: 'GET stock card of B', run: (c, t) => c.request('GET', `/api/supplies/stock-card?holder=${t.b.school.id}&itemId=${supplies.maskId}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 403, gate: 404 } },
  { name: 'GET the centre’s store', run: (c) => c.request('GET', '/api/supplies/stock?holder=centre'), expect: { centre: 200, observer: 200, principal: 404, teacher: 403, gate: 404 } },
  { name: 'POST use in A', run: (c, t) => c.request('POST', '/api/supplies/consumption', { holder: t.a.school.id, lines: [{ itemId: supplies.maskId, quantity: 1 }] }), expect: { centre: 201, observer: 403, principal: 201, teacher: 403, gate: 201 } },
  { name: 'POST use in B', run: (c, t) => c.request('POST', '/api/supplies/consumption', { holder: t.b.school.id, lines: [{ itemId: supplies.maskId, quantity: 1 }] }), expect: { centre: 201, observer: 403, principal: 404, teacher: 403, gate: 404 } },
  { name: 'POST arrival at the centre', run: (c) => c.request('POST', '/api/supplies/receipts', { holder: 'centre', source: 'donation', lines: [{ itemId: supplies.maskId, quantity: 10 }] }), expect: { centre: 201, observer: 403, principal: 404, teacher: 403, gate: 404 } },
  { name: 'POST request for A', run: (c) => c.request('POST', '/api/supplies/requests', { reason: '缺口罩', lines: [{ itemId: supplies.maskId, quantity: 50 }] }), expect: { centre: 403, observer: 403, principal: 201, teacher: 403, gate: 201 } },
  { name: 'GET request of B', run: (c) => c.request('GET', `/api/supplies/requests/${supplies.requestB}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 403, gate: 404 } },
  { name: 'PUT target of A', run: (c, t) => c.request('PUT', `/api/supplies/targets/${t.a.school.id}/${supplies.maskId}`, { rule: { mode: 'fixed', quantity: 100 } }), expect: { centre: 200, observer: 403, principal: 403, teacher: 403, gate: 403 } },
  { name: 'POST transfer to B', run: (c, t) => c.request('POST', '/api/supplies/transfers', { schoolId: t.b.school.id, lines: [{ itemId: supplies.maskId, quantity: 1 }] }), expect: { centre: 201, observer: 403, principal: 403, teacher: 403, gate: 403 } },
  // quarantine cases: the principal and township roles; any staff account on the team, whatever their class; else 404
  { name: 'GET case of A’s student (its head teacher is not on the team)', run: (c) => c.request('GET', `/api/quarantine/cases/${quarantine.caseA}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 404, gate: 404 } },
  { name: 'GET case of A’s other student (the teacher is on its team)', run: (c) => c.request('GET', `/api/quarantine/cases/${quarantine.caseA2}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 404 } },
  { name: 'GET case of B', run: (c) => c.request('GET', `/api/quarantine/cases/${quarantine.caseB}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 404 } },
  { name: 'POST check-in, case with the teacher on its team', run: (c) => c.request('POST', `/api/quarantine/cases/${quarantine.caseA2}/check-ins`, { day: addDays(today(), -(checkInDays += 1)), method: 'phone', living: { foodOk: true, suppliesOk: true }, study: {}, mood: 'calm' }), expect: { centre: 201, observer: 403, principal: 201, teacher: 201, gate: 404 } },
  { name: 'POST check-in, case without the teacher', run: (c) => c.request('POST', `/api/quarantine/cases/${quarantine.caseA}/check-ins`, { day: addDays(today(), -(checkInDays += 1)), method: 'phone', living: { foodOk: true, suppliesOk: true }, study: {}, mood: 'calm' }), expect: { centre: 201, observer: 403, principal: 201, teacher: 404, gate: 404 } },
  { name: 'POST extend, the teacher a member but not the lead', run: (c) => c.request('POST', `/api/quarantine/cases/${quarantine.caseA2}/extend`, { plannedEndDay: addDays(today(), 10 + (extendDays += 1)), reason: '延长' }), expect: { centre: 200, observer: 403, principal: 200, teacher: 403, gate: 404 } },
  { name: 'POST open a case for B’s other student', run: (c, t) => c.request('POST', '/api/quarantine/cases', { personId: t.b.otherStudent.id, reason: 'fever', startDay: today(), place: 'home', team: { leadId: t.b.principal.id }, plan: '居家观察' }), expect: { centre: 201, observer: 403, principal: 404, teacher: 404, gate: 403 } },
  { name: 'GET quarantine overview', run: (c) => c.request('GET', '/api/quarantine/overview'), expect: { centre: 200, observer: 200, principal: 403, teacher: 403, gate: 403 } },
  { name: 'GET quarantine view of school A', run: (c, t) => c.request('GET', `/api/quarantine/school?schoolId=${t.a.school.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 403, gate: 403 } },
  { name: 'GET cases to check in today', run: (c) => c.request('GET', '/api/quarantine/check-ins/today'), expect: { centre: 200, observer: 403, principal: 200, teacher: 200, gate: 403 } },
  // remote learning (停课不停学): teachers their classes, principals their school, the centre all, observers the township's figures only
  { name: 'GET study picture of class A1', run: (c, t) => c.request('GET', `/api/learning/class?classId=${t.a.schoolClass.id}`), expect: { centre: 200, observer: 403, principal: 200, teacher: 200, gate: 403 } },
  { name: 'GET study picture of class A2 (another teacher’s)', run: (c, t) => c.request('GET', `/api/learning/class?classId=${t.a.otherClass.id}`), expect: { centre: 200, observer: 403, principal: 200, teacher: 404, gate: 403 } },
  { name: 'GET study picture of class B1 (other school)', run: (c, t) => c.request('GET', `/api/learning/class?classId=${t.b.schoolClass.id}`), expect: { centre: 200, observer: 403, principal: 404, teacher: 404, gate: 404 } },
  { name: 'GET study figures of school A', run: (c, t) => c.request('GET', `/api/learning/school?schoolId=${t.a.school.id}`), expect: { centre: 200, observer: 403, principal: 200, teacher: 403, gate: 403 } },
  { name: 'GET study figures of school B', run: (c, t) => c.request('GET', `/api/learning/school?schoolId=${t.b.school.id}`), expect: { centre: 200, observer: 403, principal: 404, teacher: 403, gate: 403 } },
  { name: 'GET township study figures', run: (c) => c.request('GET', '/api/learning/township'), expect: { centre: 200, observer: 200, principal: 403, teacher: 403, gate: 403 } },
  // settings and audit
  { name: 'GET settings', run: (c) => c.request('GET', '/api/settings'), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 200 } },
  { name: 'PUT settings', run: (c) => c.request('PUT', '/api/settings', { feverThreshold: 37.3 }), expect: { centre: 200, observer: 403, principal: 403, teacher: 403, gate: 403 } },
  { name: 'GET audit', run: (c) => c.request('GET', '/api/audit'), expect: { centre: 200, observer: 403, principal: 403, teacher: 403, gate: 403 } },
];

describe('scope matrix: single records and actions', () => {
  for (const testCase of cases) {
    for (const role of ROLES) {
      it(`${testCase.name} as ${role} → ${testCase.expect[role]}`, async () => {
        const response = await testCase.run(clients[role], town);
        expect(response.statusCode, response.body).toBe(testCase.expect[role]);
        if (response.statusCode >= 400) {
          const body = response.json();
          expect(body).toMatchObject({ statusCode: response.statusCode, code: expect.any(String), message: expect.any(String) });
        }
      });
    }
  }
});

describe('scope matrix: lists show only what is in scope', () => {
  const schoolCodes = async (role: RoleKey) => (await clients[role].request('GET', '/api/schools')).json().items.map((s: { id: string }) => s.id);
  const classIds = async (role: RoleKey) => (await clients[role].request('GET', '/api/classes')).json().items.map((c: { id: string }) => c.id);
  const accountIds = async (role: RoleKey) => (await clients[role].request('GET', '/api/accounts')).json().items.map((a: { id: string }) => a.id);

  it('schools: township roles see both schools, school roles only their own', async () => {
    for (const role of ['centre', 'observer'] as const) expect(await schoolCodes(role)).toEqual(expect.arrayContaining([town.a.school.id, town.b.school.id]));
    for (const role of ['principal', 'teacher', 'gate'] as const) expect(await schoolCodes(role)).toEqual([town.a.school.id]);
  });

  it('classes: teacher sees only the class they head; principal and gate their school; centre all', async () => {
    expect(await classIds('teacher')).toEqual([town.a.schoolClass.id]);
    for (const role of ['principal', 'gate'] as const) {
      const ids = await classIds(role);
      expect(ids).toEqual(expect.arrayContaining([town.a.schoolClass.id, town.a.otherClass.id]));
      expect(ids).not.toContain(town.b.schoolClass.id);
    }
    expect(await classIds('centre')).toEqual(expect.arrayContaining([town.a.schoolClass.id, town.b.schoolClass.id]));
  });

  it('classes: asking for another school by filter yields nothing for a principal', async () => {
    const response = await clients.principal.request('GET', `/api/classes?schoolId=${town.b.school.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([]);
  });

  it('people: teacher sees only their class, principal their school, centre and observer all', async () => {
    const ids = async (role: RoleKey) => (await clients[role].request('POST', '/api/people/search', { limit: 200 })).json().items.map((p: { id: string }) => p.id);
    const teacherSees = await ids('teacher');
    expect(teacherSees).toContain(town.a.student.id);
    expect(teacherSees).not.toContain(town.a.otherStudent.id);
    const principalSees = await ids('principal');
    expect(principalSees).toEqual(expect.arrayContaining([town.a.student.id, town.a.otherStudent.id]));
    expect(principalSees).not.toContain(town.b.student.id);
    for (const role of ['centre', 'observer'] as const) expect(await ids(role)).toEqual(expect.arrayContaining([town.a.student.id, town.b.student.id]));
  });

  it('supplies: requests and the ledger list only the school’s own for its staff; everything for the centre and observer', async () => {
    const requestSchools = async (role: RoleKey) => (await clients[role].request('GET', '/api/supplies/requests')).json().items.map((r: { schoolId: string }) => r.schoolId);
    const ledgerHolders = async (role: RoleKey) => new Set((await clients[role].request('GET', '/api/supplies/movements?limit=200')).json().items.map((m: { schoolId: string | null }) => m.schoolId));
    for (const role of ['centre', 'observer'] as const) {
      expect(await requestSchools(role)).toContain(town.b.school.id);
      expect(await ledgerHolders(role)).toEqual(new Set([null, town.a.school.id, town.b.school.id]));
    }
    for (const role of ['principal', 'gate'] as const) {
      expect(await requestSchools(role)).not.toContain(town.b.school.id);
      expect(await ledgerHolders(role)).toEqual(new Set([town.a.school.id]));
    }
    expect((await clients.teacher.request('GET', '/api/supplies/movements')).statusCode).toBe(403);
  });

  it('quarantine cases: township roles all, the principal their school’s, the teacher only their team’s, gate staff none', async () => {
    const caseIds = async (role: RoleKey) => (await clients[role].request('GET', '/api/quarantine/cases')).json().items.map((item: { id: string }) => item.id);
    for (const role of ['centre', 'observer'] as const) expect(await caseIds(role)).toEqual(expect.arrayContaining([quarantine.caseA, quarantine.caseA2, quarantine.caseB]));
    expect((await caseIds('principal')).sort()).toEqual([quarantine.caseA, quarantine.caseA2].sort());
    expect(await caseIds('teacher')).toEqual([quarantine.caseA2]);
    expect(await caseIds('gate')).toEqual([]);
  });

  it('accounts: principal sees only their school; teacher and gate only themselves', async () => {
    const principalSees = await accountIds('principal');
    expect(principalSees).toEqual(expect.arrayContaining([town.a.principal.id, town.a.teacher.id, town.a.gate.id]));
    expect(principalSees).not.toContain(town.b.principal.id);
    expect(principalSees).not.toContain(town.centre.id);
    expect(await accountIds('teacher')).toEqual([town.a.teacher.id]);
    expect(await accountIds('gate')).toEqual([town.a.gate.id]);
  });
});
