/**
 * The follow-up and daily-report endpoints in the role × resource matrix:
 * out of scope reads as 404, in scope but not allowed is 403 (gate staff have
 * no health records), observers and the centre read but do not record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInTimeZone } from '@campus/shared';
import { createTownship } from './helpers/factories.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { signInTownship, type Client } from './helpers/http.js';

type Town = Awaited<ReturnType<typeof createTownship>>;
type RoleKey = 'centre' | 'observer' | 'principal' | 'teacher' | 'gate';
const ROLES: RoleKey[] = ['centre', 'observer', 'principal', 'teacher', 'gate'];

let ctx: TestContext;
let town: Town;
const clients = {} as Record<RoleKey, Client>;
const records = {} as Record<'a' | 'aOther' | 'b', string>;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const well = { method: 'phone', reached: true, temperature: 36.5, symptoms: [] };

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  Object.assign(clients, await signInTownship(ctx.app, town));
  const record = async (person: { id: string; schoolId: string; classId: string | null }) =>
    (
      await ctx.db.followUp.create({
        data: { personId: person.id, day: new Date(`${today()}T00:00:00.000Z`), schoolId: person.schoolId, classId: person.classId, method: 'phone', reached: true, temperature: 38.2, symptoms: ['fever'], isException: true, recordedById: town.centre.id, recordedByName: '测试' },
      })
    ).id;
  records.a = await record(town.a.student);
  records.aOther = await record(town.a.otherStudent);
  records.b = await record(town.b.student);
});

interface Case {
  name: string;
  run: (client: Client, town: Town) => ReturnType<Client['request']>;
  expect: Record<RoleKey, number>;
}

const cases: Case[] = [
  { name: 'worklist of class A1', run: (c, t) => c.request('GET', `/api/follow-ups/worklist?classId=${t.a.schoolClass.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 403 } },
  { name: 'worklist of class A2 (another teacher’s)', run: (c, t) => c.request('GET', `/api/follow-ups/worklist?classId=${t.a.otherClass.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 404, gate: 403 } },
  { name: 'worklist of class B1 (other school)', run: (c, t) => c.request('GET', `/api/follow-ups/worklist?classId=${t.b.schoolClass.id}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 404 } },
  { name: 'worklist of an unknown class', run: (c) => c.request('GET', '/api/follow-ups/worklist?classId=00000000-0000-4000-8000-000000000001'), expect: { centre: 404, observer: 404, principal: 404, teacher: 404, gate: 404 } },
  { name: 'staff worklist of school A', run: (c, t) => c.request('GET', `/api/follow-ups/worklist?staffOfSchoolId=${t.a.school.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 404, gate: 403 } },
  { name: 'staff worklist of school B', run: (c, t) => c.request('GET', `/api/follow-ups/worklist?staffOfSchoolId=${t.b.school.id}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 404 } },
  { name: 'worklist of nothing', run: (c) => c.request('GET', '/api/follow-ups/worklist'), expect: { centre: 400, observer: 400, principal: 400, teacher: 400, gate: 400 } },
  { name: 'record of a student in A1', run: (c, t) => c.request('GET', `/api/follow-ups/${t.a.student.id}/${today()}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 200, gate: 403 } },
  { name: 'record of a student in A2', run: (c, t) => c.request('GET', `/api/follow-ups/${t.a.otherStudent.id}/${today()}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 404, gate: 403 } },
  { name: 'record of a student in B1', run: (c, t) => c.request('GET', `/api/follow-ups/${t.b.student.id}/${today()}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 403 } },
  { name: 'record of a day without one', run: (c, t) => c.request('GET', `/api/follow-ups/${t.a.student.id}/2020-01-01`), expect: { centre: 404, observer: 404, principal: 404, teacher: 404, gate: 403 } },
  { name: 'save for a student in A1', run: (c, t) => c.request('PUT', `/api/follow-ups/${t.a.student.id}/${today()}`, well), expect: { centre: 403, observer: 403, principal: 200, teacher: 200, gate: 403 } },
  { name: 'save for a student in A2', run: (c, t) => c.request('PUT', `/api/follow-ups/${t.a.otherStudent.id}/${today()}`, well), expect: { centre: 403, observer: 403, principal: 200, teacher: 404, gate: 403 } },
  { name: 'save for a student in B1', run: (c, t) => c.request('PUT', `/api/follow-ups/${t.b.student.id}/${today()}`, well), expect: { centre: 403, observer: 403, principal: 404, teacher: 404, gate: 403 } },
  { name: 'school day of A', run: (c, t) => c.request('GET', `/api/daily-reports/school-day?schoolId=${t.a.school.id}`), expect: { centre: 200, observer: 200, principal: 200, teacher: 403, gate: 403 } },
  { name: 'school day of B', run: (c, t) => c.request('GET', `/api/daily-reports/school-day?schoolId=${t.b.school.id}`), expect: { centre: 200, observer: 200, principal: 404, teacher: 404, gate: 404 } },
  { name: 'completeness grid', run: (c) => c.request('GET', '/api/daily-reports/grid'), expect: { centre: 200, observer: 200, principal: 403, teacher: 403, gate: 403 } },
  { name: 'export of the day', run: (c) => c.request('GET', `/api/daily-reports/export?day=${today()}`), expect: { centre: 200, observer: 200, principal: 403, teacher: 403, gate: 403 } },
  { name: 'handling of an exception in A1', run: (c) => c.request('PUT', `/api/follow-ups/by-id/${records.a}/handling`, { handlingNote: '已通知家长' }), expect: { centre: 200, observer: 403, principal: 200, teacher: 403, gate: 403 } },
  { name: 'handling of an exception in B1', run: (c) => c.request('PUT', `/api/follow-ups/by-id/${records.b}/handling`, { handlingNote: '已通知家长' }), expect: { centre: 200, observer: 403, principal: 404, teacher: 404, gate: 403 } },
];

// Before the matrix: its saves turn these exceptions into well records.
describe('follow-up lists show only what is in scope', () => {
  const worklistIds = async (role: RoleKey, classId: string) => (await clients[role].request('GET', `/api/follow-ups/worklist?classId=${classId}`)).json().items.map((item: { personId: string }) => item.personId);
  const exceptionIds = async (role: RoleKey, schoolId: string) =>
    (await clients[role].request('GET', `/api/daily-reports/school-day?schoolId=${schoolId}`)).json().exceptions.map((item: { followUpId: string }) => item.followUpId);

  it('a class worklist lists the class’s students, with today’s record', async () => {
    expect(await worklistIds('teacher', town.a.schoolClass.id)).toEqual([town.a.student.id]);
    expect(await worklistIds('principal', town.a.otherClass.id)).toEqual([town.a.otherStudent.id]);
    expect(await worklistIds('centre', town.b.schoolClass.id)).toEqual([town.b.student.id]);
  });

  it('the school day lists that school’s exceptions only; the grid lists the township’s', async () => {
    expect((await exceptionIds('principal', town.a.school.id)).sort()).toEqual([records.a, records.aOther].sort());
    expect(await exceptionIds('centre', town.b.school.id)).toEqual([records.b]);
    const grid = (await clients.centre.request('GET', '/api/daily-reports/grid')).json();
    expect(grid.exceptions.map((item: { followUpId: string }) => item.followUpId)).toEqual(expect.arrayContaining([records.a, records.aOther, records.b]));
  });
});

describe('follow-up scope matrix', () => {
  for (const testCase of cases) {
    for (const role of ROLES) {
      it(`${testCase.name} as ${role} → ${testCase.expect[role]}`, async () => {
        const response = await testCase.run(clients[role], town);
        expect(response.statusCode, response.body).toBe(testCase.expect[role]);
      });
    }
  }
});
