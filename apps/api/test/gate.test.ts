/**
 * The gate register (一问二测三登记, issue 15, ADR 0022): visitors asked, measured and registered; closed campus with
 * pre-approvals; the school's own people checked, a fever becoming the class teacher's exception; signing out; the
 * principal's book and export; the centre's counts and fever alerts; the register deleted after its retention, counts kept.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, type GateAlerts, type GateCountsGrid, type GateEntry, type GatePeople, type GateRegisterPage, type GateToday, type Worklist } from '@campus/shared';
import { purgeGateRegister } from '../src/services/gate/book.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchoolClass, createTownship } from './helpers/factories.js';
import { signIn, signInTownship, type Client, type TownRole } from './helpers/http.js';
import { rowTexts } from './helpers/sheet.js';

let ctx: TestContext;
let town: Awaited<ReturnType<typeof createTownship>>;
let as: Record<TownRole, Client>;
let gateB: Client;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  as = await signInTownship(ctx.app, town);
  gateB = await signIn(ctx.app, town.b.gate.username);
});

const visitor = (overrides: Record<string, unknown> = {}) => ({
  schoolId: town.a.school.id,
  name: '王师傅',
  phone: '13912345678',
  organisation: '县自来水公司',
  reason: '检修水管',
  visiting: '李校长',
  answers: [false, false, false],
  temperature: 36.4,
  ...overrides,
});

async function setClosed(closed: boolean, client = as.principal, schoolId = town.a.school.id) {
  const response = await client.request('PUT', '/api/gate/settings', { schoolId, closed });
  expect(response.statusCode, response.body).toBe(200);
}

async function gateToday(client = as.gate, schoolId = town.a.school.id) {
  const response = await client.request('GET', `/api/gate/today?schoolId=${schoolId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<GateToday>();
}

describe('visitors at the gate', () => {
  it('an allowed visitor on an open campus is inside, with the phone masked, and signs out', async () => {
    await setClosed(false);
    const registered = await as.gate.request('POST', '/api/gate/visitors', visitor());
    expect(registered.statusCode, registered.body).toBe(201);
    const entry = registered.json<GateEntry>();
    expect(entry.refusal).toBeNull();
    expect(entry.phone).toBe('139****5678');
    expect(entry.answers.map((answer) => answer.question)).toEqual(['近14天是否去过市外或重点地区', '是否接触过发热病人', '今天是否有发热、咳嗽、乏力等症状']);

    const day = await gateToday();
    expect(day.closed).toBe(false);
    expect(day.inside.map((item) => item.id)).toContain(entry.id);
    expect(JSON.stringify(day)).not.toContain('13912345678');

    const early = await as.gate.request('POST', `/api/gate/entries/${entry.id}/sign-out`, { at: new Date(Date.parse(entry.inAt) - 60_000).toISOString() });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ fields: Record<string, string> }>().fields.at).toBe('离校时间不能早于入校时间');

    const out = await as.gate.request('POST', `/api/gate/entries/${entry.id}/sign-out`, {});
    expect(out.statusCode, out.body).toBe(200);
    const outAt = out.json<GateEntry>().outAt;
    expect(outAt).not.toBeNull();
    // a retry answers as the first did
    const again = await as.gate.request('POST', `/api/gate/entries/${entry.id}/sign-out`, {});
    expect(again.json<GateEntry>().outAt).toBe(outAt);
    const after = await gateToday();
    expect(after.inside.map((item) => item.id)).not.toContain(entry.id);
    expect(after.left.map((item) => item.id)).toContain(entry.id);
  });

  it('a fever is refused without more typing, and raises an alert to the principal and the centre', async () => {
    const response = await as.gate.request('POST', '/api/gate/visitors', visitor({ name: '发热访客', temperature: 37.8 }));
    expect(response.statusCode, response.body).toBe(201);
    const entry = response.json<GateEntry>();
    expect(entry.refusal).toBe('fever');
    expect((await gateToday()).refused.map((item) => item.id)).toContain(entry.id);
    // a refused visitor was never inside
    expect((await as.gate.request('POST', `/api/gate/entries/${entry.id}/sign-out`, {})).statusCode).toBe(409);

    const principalAlerts = (await as.principal.request('GET', '/api/gate/alerts')).json<GateAlerts>();
    const centreAlerts = (await as.centre.request('GET', '/api/gate/alerts')).json<GateAlerts>();
    expect(principalAlerts.items.map((item) => item.id)).toContain(entry.id);
    expect(centreAlerts.items.find((item) => item.id === entry.id)?.schoolName).toBe(town.a.school.name);

    // seen by the principal: gone from the principal's list, still the centre's to see
    expect((await as.principal.request('POST', `/api/gate/alerts/${entry.id}/seen`, {})).statusCode).toBe(200);
    expect((await as.principal.request('GET', '/api/gate/alerts')).json<GateAlerts>().items.map((item) => item.id)).not.toContain(entry.id);
    expect((await as.centre.request('GET', '/api/gate/alerts')).json<GateAlerts>().items.map((item) => item.id)).toContain(entry.id);
    // the other school's principal cannot even see it exists
    expect((await (await signIn(ctx.app, town.b.principal.username)).request('POST', `/api/gate/alerts/${entry.id}/seen`, {})).statusCode).toBe(404);
  });

  it('a "yes" to a question refuses with that question; the centre is alerted only for fevers', async () => {
    const entry = (await as.gate.request('POST', '/api/gate/visitors', visitor({ name: '出行访客', answers: [true, false, false] }))).json<GateEntry>();
    expect(entry.refusal).toBe('answer');
    expect(entry.refusalDetail).toBe('近14天是否去过市外或重点地区');
    expect((await as.principal.request('GET', '/api/gate/alerts')).json<GateAlerts>().items.map((item) => item.id)).toContain(entry.id);
    expect((await as.centre.request('GET', '/api/gate/alerts')).json<GateAlerts>().items.map((item) => item.id)).not.toContain(entry.id);
  });

  it('a closed campus refuses a visitor with 封闭管理, and lets in one pre-approved for today', async () => {
    await setClosed(true);
    const refused = (await as.gate.request('POST', '/api/gate/visitors', visitor({ name: '未预约' }))).json<GateEntry>();
    expect(refused.refusal).toBe('closed');

    const approval = await as.principal.request('POST', '/api/gate/approvals', { schoolId: town.a.school.id, day: today(), name: '张工', reason: '维修监控' });
    expect(approval.statusCode, approval.body).toBe(201);
    const approvalId = approval.json<{ id: string }>().id;
    expect((await gateToday()).approvals.map((item) => item.name)).toContain('张工');
    // the gate of another school cannot use it
    const elsewhere = await gateB.request('POST', '/api/gate/visitors', visitor({ schoolId: town.b.school.id, approvalId }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json<{ fields: Record<string, string> }>().fields.approvalId).toBe('该预约不是本校今天的预约,请重新选择');

    const allowed = (await as.gate.request('POST', '/api/gate/visitors', visitor({ name: '张工', reason: '维修监控', approvalId }))).json<GateEntry>();
    expect(allowed.refusal).toBeNull();
    expect(allowed.approved).toBe(true);
    expect((await gateToday()).approvals.find((item) => item.id === approvalId)?.used).toBe(true);

    // a pre-approval for yesterday is refused with a reason
    const past = await as.principal.request('POST', '/api/gate/approvals', { schoolId: town.a.school.id, day: addDays(today(), -1), name: '过期', reason: '送货' });
    expect(past.statusCode).toBe(400);
    // days that do not exist: a clear error on the day, nothing stored
    const approvals = await ctx.db.gateApproval.count();
    for (const day of ['2026-02-30', '2026-13-01', '2026-12-3', '\u00002026-12-03']) {
      const impossible = await as.principal.request('POST', '/api/gate/approvals', { schoolId: town.a.school.id, day, name: '错日子', reason: '送货' });
      expect(impossible.statusCode, `${day}: ${impossible.body}`).toBe(400);
      expect(Object.keys(impossible.json<{ fields: Record<string, string> }>().fields)).toContain('day');
    }
    expect(await ctx.db.gateApproval.count()).toBe(approvals);
  });

  it('bad input is a clear error and nothing is stored', async () => {
    const before = await ctx.db.gateEntry.count();
    for (const [field, value] of [
      ['temperature', 33.9],
      ['temperature', 43.1],
      ['name', '王\u0000'],
      ['phone', '12345'],
      ['answers', [false]],
    ] as const) {
      const response = await as.gate.request('POST', '/api/gate/visitors', visitor({ [field]: value }));
      expect(response.statusCode, `${field}=${String(value)}: ${response.body}`).toBe(400);
      expect(Object.keys(response.json<{ fields: Record<string, string> }>().fields)).toContain(field);
    }
    expect(await ctx.db.gateEntry.count()).toBe(before);
    // another school's gate: not found; a teacher: not allowed
    expect((await gateB.request('POST', '/api/gate/visitors', visitor())).statusCode).toBe(404);
    expect((await as.teacher.request('POST', '/api/gate/visitors', visitor())).statusCode).toBe(403);
    expect((await gateB.request('GET', `/api/gate/today?schoolId=${town.a.school.id}`)).statusCode).toBe(404);
  });

  it('25 gates registering at once all get their answer', async () => {
    await setClosed(false);
    const responses = await Promise.all(Array.from({ length: 25 }, (_, index) => as.gate.request('POST', '/api/gate/visitors', visitor({ name: `并发${index}` }))));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(25).fill(201));
    const signedOut = await as.gate.request('POST', '/api/gate/sign-out-all', { schoolId: town.a.school.id });
    expect(signedOut.json<{ count: number }>().count).toBeGreaterThanOrEqual(25);
    expect((await gateToday()).inside).toEqual([]);
  });

  it('a registration sent again with its Idempotency-Key answers as the first did and registers one visitor', async () => {
    await setClosed(false);
    const key = { 'idempotency-key': 'gate-visit-0001' };
    const entries = async () => ctx.db.gateEntry.count({ where: { name: '重发访客' } });
    const admits = async () => ctx.db.auditLog.count({ where: { action: 'gate.admit' } });
    const [entriesBefore, admitsBefore] = [await entries(), await admits()];
    const first = await as.gate.request('POST', '/api/gate/visitors', visitor({ name: '重发访客' }), key);
    expect(first.statusCode, first.body).toBe(201);
    // the answer was lost: the phone sends it again, twice at once
    const again = await Promise.all([1, 2].map(() => as.gate.request('POST', '/api/gate/visitors', visitor({ name: '重发访客' }), key)));
    expect(again.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(again.map((response) => response.json<GateEntry>())).toEqual([first.json<GateEntry>(), first.json<GateEntry>()]);
    expect(await entries()).toBe(entriesBefore + 1);
    expect(await admits()).toBe(admitsBefore + 1);
    // the same key from another gate's account is that gate's own registration
    const other = await gateB.request('POST', '/api/gate/visitors', visitor({ schoolId: town.b.school.id, name: '重发访客' }), key);
    expect(other.statusCode).toBe(201);
    expect(other.json<GateEntry>().id).not.toBe(first.json<GateEntry>().id);
    // a key that is not one: a clear error, nothing stored
    const bad = await as.gate.request('POST', '/api/gate/visitors', visitor({ name: '重发访客' }), { 'idempotency-key': 'x' });
    expect(bad.statusCode).toBe(400);
    expect(await entries()).toBe(entriesBefore + 2);
  });

  it('first sends of one key at once still register one visitor', async () => {
    await setClosed(false);
    const key = { 'idempotency-key': 'gate-visit-race-0001' };
    const sends = await Promise.all(Array.from({ length: 4 }, () => as.gate.request('POST', '/api/gate/visitors', visitor({ name: '并发重发' }), key)));
    expect(sends.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(sends.map((response) => response.json<GateEntry>().id)).size).toBe(1);
    expect(await ctx.db.gateEntry.count({ where: { name: '并发重发' } })).toBe(1);
  });
});

describe('the school’s own people at the gate', () => {
  it('gate staff find a student by pinyin initials and see only the name and class', async () => {
    const student = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id, name: '欧阳娜娜' });
    const found = await as.gate.request('GET', `/api/gate/people?schoolId=${town.a.school.id}&q=oynn`);
    expect(found.statusCode, found.body).toBe(200);
    const items = found.json<GatePeople>().items;
    expect(items.map((item) => item.id)).toEqual([student.id]);
    expect(Object.keys(items[0]!).sort()).toEqual(['classLabel', 'id', 'kind', 'name']);
    expect(items[0]!.classLabel).toMatch(/^一年级/);
    // not the other school's roster
    expect((await gateB.request('GET', `/api/gate/people?schoolId=${town.a.school.id}&q=oynn`)).statusCode).toBe(404);
  });

  it('a returning student with a fever becomes an exception on the class teacher’s list today', async () => {
    const student = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id, name: '返校发热' });
    const checked = await as.gate.request('POST', '/api/gate/people', { schoolId: town.a.school.id, personId: student.id, temperature: 38.1 });
    expect(checked.statusCode, checked.body).toBe(201);
    expect(checked.json<GateEntry>()).toMatchObject({ refusal: 'fever', followUpCreated: true, kind: 'person' });

    const list = (await as.teacher.request('GET', `/api/follow-ups/worklist?classId=${town.a.schoolClass.id}`)).json<Worklist>();
    const item = list.items.find((entry) => entry.personId === student.id)!;
    expect(item.status).toBe('exception');
    expect(item.followUp?.temperature).toBe(38.1);
    expect(item.followUp?.note).toContain('校门体温检测 38.1℃');
    // gate staff still read no follow-ups
    expect((await as.gate.request('GET', `/api/follow-ups/${student.id}/${today()}`)).statusCode).toBe(403);
  });

  it('a fever after the class report was filed raises the day’s record and keeps the correction', async () => {
    const schoolClass = await createSchoolClass(ctx.db, { schoolId: town.a.school.id, grade: 3, headTeacherId: town.a.teacher.id });
    const student = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: schoolClass.id });
    const well = { method: 'phone', reached: true, temperature: 36.5, symptoms: [], whereabouts: 'home_township', studiedOnline: 'yes' };
    expect((await as.teacher.request('PUT', `/api/follow-ups/${student.id}/${today()}`, well)).statusCode).toBe(200);
    const filed = await as.teacher.request('POST', '/api/daily-reports/class', { classId: schoolClass.id, day: today() });
    expect(filed.statusCode, filed.body).toBe(201);

    await as.gate.request('POST', '/api/gate/people', { schoolId: town.a.school.id, personId: student.id, temperature: 37.6 });
    const record = await ctx.db.followUp.findUniqueOrThrow({ where: { personId_day: { personId: student.id, day: new Date(`${today()}T00:00:00Z`) } }, include: { corrections: true } });
    expect(record).toMatchObject({ isException: true, version: 2 });
    expect(Number(record.temperature)).toBe(37.6);
    expect(record.corrections).toHaveLength(1);
  });

  it('a fever check sent again with its Idempotency-Key is one entry and one version of the record', async () => {
    const student = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id, name: '重发体温' });
    const key = { 'idempotency-key': 'gate-person-0001' };
    const check = () => as.gate.request('POST', '/api/gate/people', { schoolId: town.a.school.id, personId: student.id, temperature: 38.4 }, key);
    const first = await check();
    expect(first.statusCode, first.body).toBe(201);
    const again = await Promise.all([check(), check()]);
    expect(again.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(again.map((response) => response.json<GateEntry>().id)).toEqual([first.json<GateEntry>().id, first.json<GateEntry>().id]);
    expect(await ctx.db.gateEntry.count({ where: { personId: student.id } })).toBe(1);
    const record = await ctx.db.followUp.findUniqueOrThrow({ where: { personId_day: { personId: student.id, day: new Date(`${today()}T00:00:00Z`) } } });
    expect(record.version).toBe(1);
  });

  it('a student without a fever is let in and nothing is written to their record', async () => {
    const student = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: town.a.schoolClass.id });
    const entry = (await as.gate.request('POST', '/api/gate/people', { schoolId: town.a.school.id, personId: student.id, temperature: 36.6 })).json<GateEntry>();
    expect(entry).toMatchObject({ refusal: null, followUpCreated: false });
    expect((await gateToday()).people.map((item) => item.id)).toContain(entry.id);
    expect(await ctx.db.followUp.count({ where: { personId: student.id } })).toBe(0);
    // another school's student: not found
    expect((await as.gate.request('POST', '/api/gate/people', { schoolId: town.a.school.id, personId: town.b.student.id, temperature: 36.6 })).statusCode).toBe(404);
  });
});

describe('the principal’s book, the centre’s counts, retention', () => {
  it('the principal filters the day’s register and exports it (audited, phones in full)', async () => {
    const refused = (await as.principal.request('GET', `/api/gate/register?schoolId=${town.a.school.id}&day=${today()}&state=refused&limit=2`)).json<GateRegisterPage>();
    expect(refused.total).toBeGreaterThanOrEqual(4);
    expect(refused.items).toHaveLength(2);
    expect(refused.items.every((item) => item.refusal !== null)).toBe(true);
    const next = (await as.principal.request('GET', `/api/gate/register?schoolId=${town.a.school.id}&day=${today()}&state=refused&limit=2&cursor=${refused.nextCursor}`)).json<GateRegisterPage>();
    expect(next.items.map((item) => item.id)).not.toContain(refused.items[0]!.id);
    const byName = (await as.principal.request('GET', `/api/gate/register?schoolId=${town.a.school.id}&day=${today()}&q=${encodeURIComponent('张工')}`)).json<GateRegisterPage>();
    expect(byName.items.map((item) => item.name)).toEqual(['张工']);
    expect((await as.gate.request('GET', `/api/gate/register?schoolId=${town.a.school.id}&day=${today()}`)).statusCode).toBe(403);

    const exported = await as.principal.request('GET', `/api/gate/register/export?schoolId=${town.a.school.id}&day=${today()}&kind=visitor`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getRows(4, 200)!.map(rowTexts);
    expect(rows.find((row) => row[2] === '王师傅')?.[4]).toBe('13912345678');
    expect(rows.find((row) => row[2] === '张工')?.[10]).toBe('准入（预约）');
    expect(await ctx.db.auditLog.count({ where: { action: 'gate.export' } })).toBe(1);
  });

  it('the centre sees visitors and refusals per school per day; observers too, as counts', async () => {
    const grid = (await as.centre.request('GET', '/api/gate/counts?days=3')).json<GateCountsGrid>();
    const cell = grid.schools.find((school) => school.schoolId === town.a.school.id)!.cells.at(-1)!;
    const stored = await ctx.db.gateEntry.groupBy({ by: ['refusal'], where: { schoolId: town.a.school.id, kind: 'visitor' }, _count: true });
    expect(cell.visitors).toBe(stored.reduce((sum, row) => sum + row._count, 0));
    expect(cell.fever).toBeGreaterThanOrEqual(2);
    expect(cell.closed).toBe(1);
    expect((await as.observer.request('GET', '/api/gate/counts')).statusCode).toBe(200);
    expect((await as.observer.request('GET', `/api/gate/register?schoolId=${town.a.school.id}&day=${today()}`)).statusCode).toBe(403);
  });

  it('a register past its retention is deleted by the housekeeping, audited, and its counts stay', async () => {
    const old = addDays(today(), -40);
    const oldDay = new Date(`${old}T00:00:00Z`);
    await ctx.db.gateEntry.create({ data: { schoolId: town.a.school.id, day: oldDay, kind: 'visitor', name: '旧访客', phone: '13800000000', temperature: 36.5, recordedById: town.a.gate.id, recordedByName: '门卫' } });
    await ctx.db.gateEntry.create({ data: { schoolId: town.a.school.id, day: oldDay, kind: 'visitor', name: '旧发热', temperature: 38.0, refusal: 'fever', recordedById: town.a.gate.id, recordedByName: '门卫' } });
    const kept = await ctx.db.gateEntry.count({ where: { day: { gte: new Date(`${addDays(today(), -30)}T00:00:00Z`) } } });

    expect(await purgeGateRegister(ctx.db)).toBe(2);
    expect(await ctx.db.gateEntry.count({ where: { day: oldDay } })).toBe(0);
    expect(await ctx.db.gateEntry.count()).toBe(kept);
    expect(await ctx.db.auditLog.count({ where: { action: 'gate.purge' } })).toBe(1);
    expect(await purgeGateRegister(ctx.db)).toBe(0);

    const grid = (await as.centre.request('GET', `/api/gate/counts?to=${old}&days=1`)).json<GateCountsGrid>();
    expect(grid.schools.find((school) => school.schoolId === town.a.school.id)!.cells[0]).toMatchObject({ visitors: 2, visitorsRefused: 1, fever: 1 });
    const book = (await as.principal.request('GET', `/api/gate/register?schoolId=${town.a.school.id}&day=${old}`)).json<GateRegisterPage>();
    expect(book).toMatchObject({ items: [], total: 0, purged: true });
  });
});

describe('the centre keeps the questions', () => {
  it('a new list applies to the next entry; a phone still holding the old one is told to reload, nothing stored', async () => {
    const questions = ['近14天是否去过市外或重点地区', '是否接触过发热病人', '今天是否有发热、咳嗽、乏力等症状', '家中是否有人居家隔离'];
    const saved = await as.centre.request('PUT', '/api/settings', { gateQuestions: questions, disinfectionAreaKinds: ['教室', '厕所', '实验室'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await gateToday()).questions).toEqual(questions);
    const before = await ctx.db.gateEntry.count();
    const stale = await as.gate.request('POST', '/api/gate/visitors', visitor());
    expect(stale.statusCode).toBe(400);
    expect(stale.json<{ fields: Record<string, string> }>().fields.answers).toBe('询问项已更新,请刷新页面后重新填写');
    expect(await ctx.db.gateEntry.count()).toBe(before);
    const entry = (await as.gate.request('POST', '/api/gate/visitors', visitor({ answers: [false, false, false, true] }))).json<GateEntry>();
    expect(entry).toMatchObject({ refusal: 'answer', refusalDetail: '家中是否有人居家隔离' });
    // an empty list is refused: the gate must have something to ask
    expect((await as.centre.request('PUT', '/api/settings', { gateQuestions: [] })).statusCode).toBe(400);
    expect((await as.principal.request('PUT', '/api/settings', { gateQuestions: questions })).statusCode).toBe(403);
  });
});
