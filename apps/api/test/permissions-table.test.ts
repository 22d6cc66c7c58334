/**
 * The permissions table (packages/shared/src/capabilities.ts, ADR 0020) against the API: for every action in the
 * table, every role asks for it on a record of school A (their own school; the teacher's class). A role the table
 * grants the action to is not refused (no 403 or 404); any other role is. The probes are keyed by the table's
 * actions, so an action added to the table without a probe does not compile, and one without a check fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, CAPABILITIES, dayInTimeZone, reachOf, type Capability, type Role } from '@campus/shared';
import { createPerson, createTownship, receiveStock } from './helpers/factories.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { signInTownship, type Client, type TownRole } from './helpers/http.js';
import { samplePhoto, uploadPictures, uploadedPictureId } from './helpers/pictures.js';

type Town = Awaited<ReturnType<typeof createTownship>>;
const TOWN_ROLE: Record<Role, TownRole> = { centre_admin: 'centre', observer: 'observer', principal: 'principal', class_teacher: 'teacher', gate_duty: 'gate' };
const ROLES = Object.keys(TOWN_ROLE) as Role[];

let ctx: TestContext;
let town: Town;
const clients = {} as Record<Role, Client>;
const ids = { mask: '', area: '', disinfectant: '', feverFollowUp: '', caseWithTeacher: '', toOpenCaseFor: '', toTransfer: '', staff: '' };
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
let n = 0;
const fresh = () => (n += 1);
const well = { method: 'phone', reached: true, temperature: 36.6, symptoms: [], whereabouts: 'home_township', studiedOnline: 'yes' };

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  const signedIn = await signInTownship(ctx.app, town);
  for (const role of ROLES) clients[role] = signedIn[TOWN_ROLE[role]];
  for (const schoolId of [null, town.a.school.id]) await receiveStock(ctx.db, { schoolId, itemCode: 'mask', quantity: 1000, recordedById: town.centre.id });
  ids.mask = (await ctx.db.supplyItem.findUniqueOrThrow({ where: { code: 'mask' } })).id;
  ids.disinfectant = (await ctx.db.supplyItem.findUniqueOrThrow({ where: { code: 'disinfectant' } })).id;
  await receiveStock(ctx.db, { schoolId: town.a.school.id, itemCode: 'disinfectant', quantity: 100, recordedById: town.centre.id });
  ids.area = (
    await ctx.db.disinfectionArea.create({ data: { schoolId: town.a.school.id, name: '教室', kind: '教室', dueMinutes: [600], weekdays: [], agent: '84消毒液', concentration: 500, itemId: ids.disinfectant } })
  ).id;
  const feverish = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id });
  const fever = await clients.principal.request('PUT', `/api/follow-ups/${feverish.id}/${today()}`, { ...well, temperature: 38.2, symptoms: ['fever'] });
  expect(fever.statusCode, fever.body).toBe(200);
  ids.feverFollowUp = fever.json<{ id: string }>().id;
  ids.toOpenCaseFor = (await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id })).id;
  ids.staff = (await createPerson(ctx.db, { schoolId: town.a.school.id, classId: null, kind: 'staff' })).id;
  ids.toTransfer = (await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id })).id;
  ids.caseWithTeacher = (
    await ctx.db.quarantineCase.create({
      data: {
        personId: town.a.student.id, schoolId: town.a.school.id, reason: 'close_contact', place: 'home', plan: '居家隔离', openedById: town.centre.id, openedByName: '中心',
        startDay: new Date(`${addDays(today(), -40)}T00:00:00Z`), plannedEndDay: new Date(`${addDays(today(), 5)}T00:00:00Z`),
        team: { create: [{ userId: town.a.principal.id, lead: true }, { userId: town.a.teacher.id, lead: false }] },
      },
    })
  ).id;
});

type Probe = (client: Client, town: Town) => ReturnType<Client['request']>;

/** Actions the server leaves open on purpose; the table only decides what the web offers. */
const UI_ONLY: Partial<Record<Capability, string>> = {
  'apiDocs.read': 'the OpenAPI reference is public (it describes the API, no data); only the centre gets a link to it',
};

const PROBES: Record<Capability, Probe> = {
  'schools.write': (c, t) => c.request('PATCH', `/api/schools/${t.a.school.id}`, { name: `改名${fresh()}` }),
  'schools.readAll': (c, t) => c.request('GET', `/api/schools/${t.b.school.id}`),
  'classes.write': (c, t) => c.request('PATCH', `/api/classes/${t.a.schoolClass.id}`, { name: `${fresh()}班` }),
  'census.write': (c) => c.request('POST', '/api/census-categories', { code: `probe_${fresh()}`, label: `类别${n}`, labelEn: `Category ${n}` }),
  'settings.write': (c) => c.request('PUT', '/api/settings', { feverThreshold: 37.3 }),
  'retention.manage': (c) => c.request('GET', '/api/retention/preview'),
  'audit.read': (c) => c.request('GET', '/api/audit'),
  'apiDocs.read': (c) => c.request('GET', '/api/openapi.json'),
  'idConflicts.manage': (c) => c.request('GET', '/api/id-conflicts'),
  'people.read': (c, t) => c.request('GET', `/api/people/${t.a.student.id}`),
  'people.write': (c, t) => c.request('PATCH', `/api/people/${t.a.student.id}`, { notes: `备注${fresh()}` }),
  'people.addStaff': (c, t) => c.request('POST', '/api/people', { schoolId: t.a.school.id, classId: null, kind: 'staff', name: `教工${fresh()}` }),
  'people.transfer': (c, t) => c.request('POST', `/api/people/${ids.toTransfer}/transfer`, { schoolId: t.b.school.id, classId: t.b.schoolClass.id }),
  'people.revealIdNumber': (c, t) => c.request('POST', `/api/people/${t.a.student.id}/reveal-id`),
  'people.exportFullIdNumbers': (c) => c.request('POST', '/api/people/export', { fullIdNumbers: true }),
  'people.overview': (c) => c.request('GET', '/api/people/counts-by-school'),
  'followUp.record': (c, t) => c.request('PUT', `/api/follow-ups/${t.a.student.id}/${today()}`, well),
  'followUp.handling': (c) => c.request('PUT', `/api/follow-ups/by-id/${ids.feverFollowUp}/handling`, { handlingNote: `已通知家长${fresh()}` }),
  'dailyReport.schoolDay': (c, t) => c.request('GET', `/api/daily-reports/school-day?schoolId=${t.a.school.id}`),
  'dailyReport.fileClass': (c, t) => c.request('POST', '/api/daily-reports/class', { classId: t.a.schoolClass.id, day: today() }),
  'dailyReport.fileSchool': (c, t) => c.request('POST', '/api/daily-reports/school', { schoolId: t.a.school.id, day: today() }),
  'dailyReport.grid': (c) => c.request('GET', '/api/daily-reports/grid'),
  'case.open': (c, t) =>
    c.request('POST', '/api/quarantine/cases', { personId: ids.toOpenCaseFor, reason: 'fever', startDay: today(), place: 'home', team: { leadId: t.a.principal.id }, plan: '居家观察' }),
  'case.school': (c, t) => c.request('GET', `/api/quarantine/school?schoolId=${t.a.school.id}`),
  'case.overview': (c) => c.request('GET', '/api/quarantine/overview'),
  'case.checkIn': (c) =>
    c.request('POST', `/api/quarantine/cases/${ids.caseWithTeacher}/check-ins`, { day: addDays(today(), -fresh()), method: 'phone', living: { foodOk: true, suppliesOk: true }, study: {}, mood: 'calm' }),
  'supplies.read': (c) => c.request('GET', '/api/supplies/matrix'),
  'supplies.township': (c) => c.request('GET', '/api/supplies/stock?holder=centre'),
  'supplies.manage': (c, t) => c.request('PUT', `/api/supplies/targets/${t.a.school.id}/${ids.mask}`, { rule: { mode: 'fixed', quantity: 100 } }),
  'supplies.writeSchoolStock': (c, t) => c.request('POST', '/api/supplies/consumption', { holder: t.a.school.id, lines: [{ itemId: ids.mask, quantity: 1 }] }),
  'supplies.request': (c) => c.request('POST', '/api/supplies/requests', { reason: '缺口罩', lines: [{ itemId: ids.mask, quantity: 5 }] }),
  'uploads.create': async (c, t) => uploadPictures(c, t.a.school.id, [{ name: 'probe.jpg', content: await samplePhoto({ width: 64, height: 48 }) }]),
  'duty.read': (c, t) => c.request('GET', `/api/duty/day?schoolId=${t.a.school.id}`),
  'duty.file': async (c, t) => {
    // the report's picture is uploaded by the same account; a role that may not upload sends an id it never had
    const pictureId = await uploadedPictureId(c, t.a.school.id).catch(() => crypto.randomUUID());
    return c.request('POST', '/api/duty/reports', { schoolId: t.a.school.id, day: today(), start: '08:00', end: '18:00', checks: [], nothingToReport: true, incidents: null, pictureIds: [pictureId] });
  },
  'duty.roster': (c, t) =>
    c.request('PUT', '/api/duty/roster', { schoolId: t.a.school.id, entries: [{ day: addDays(today(), fresh()), dutyPersonId: ids.staff, leaderPersonId: ids.staff }] }),
  'duty.grid': (c) => c.request('GET', '/api/duty/grid'),
  'gate.today': (c, t) => c.request('GET', `/api/gate/today?schoolId=${t.a.school.id}`),
  'gate.register': (c, t) =>
    c.request('POST', '/api/gate/visitors', { schoolId: t.a.school.id, name: `访客${fresh()}`, phone: '13800138000', reason: '送货', temperature: 36.5, answers: [false, false, false] }),
  'gate.book': (c, t) => c.request('GET', `/api/gate/register?schoolId=${t.a.school.id}&day=${today()}`),
  'gate.export': (c, t) => c.request('GET', `/api/gate/register/export?schoolId=${t.a.school.id}&day=${today()}`),
  'gate.approve': (c, t) => c.request('POST', '/api/gate/approvals', { schoolId: t.a.school.id, day: today(), name: `预约${fresh()}`, reason: '维修' }),
  'gate.alerts': (c) => c.request('GET', '/api/gate/alerts'),
  'gate.counts': (c) => c.request('GET', '/api/gate/counts'),
  'disinfection.read': (c, t) => c.request('GET', `/api/disinfection/day?schoolId=${t.a.school.id}`),
  'disinfection.plan': (c, t) =>
    c.request('POST', '/api/disinfection/areas', { schoolId: t.a.school.id, name: `区域${fresh()}`, kind: '厕所', dueTimes: ['10:00'], weekdays: [], agent: '84消毒液', concentration: 500, itemId: ids.disinfectant }),
  'disinfection.log': (c, t) =>
    c.request('POST', '/api/disinfection/logs', { schoolId: t.a.school.id, areaId: ids.area, agent: '84消毒液', concentration: 500, amount: 0.5, contactMinutes: 30, doneBy: '张三', pictureIds: [] }),
  'disinfection.grid': (c) => c.request('GET', '/api/disinfection/grid'),
  'learning.class': (c, t) => c.request('GET', `/api/learning/class?classId=${t.a.schoolClass.id}`),
  'learning.school': (c, t) => c.request('GET', `/api/learning/school?schoolId=${t.a.school.id}`),
  'learning.township': (c) => c.request('GET', '/api/learning/township'),
};

describe('the permissions table is what the API enforces', () => {
  for (const action of Object.keys(CAPABILITIES) as Capability[]) {
    for (const role of ROLES) {
      const granted = reachOf(role, action) !== undefined;
      const why = UI_ONLY[action];
      it(`${action} as ${role}: ${why ? 'open (UI only)' : granted ? 'allowed' : 'refused'}`, async () => {
        const response = await PROBES[action](clients[role], town);
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (why || granted) expect([401, 403, 404], `${action} as ${role}: ${response.body}`).not.toContain(response.statusCode);
        else expect([403, 404], `${action} as ${role}: ${response.body}`).toContain(response.statusCode);
      });
    }
  }
});
