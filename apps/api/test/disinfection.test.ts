/**
 * Disinfection (消毒, issue 15, ADR 0023): a school's plan; a log entry uses up disinfectant on the school's ledger in
 * the same transaction and its reversal gives it back; today's plan vs done (done, due, overdue); compliance for the
 * principal and the centre from one computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, type ComplianceHistory, type DisinfectionArea, type DisinfectionDay, type DisinfectionGrid, type DisinfectionLog, type Picture } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createTownship, receiveStock } from './helpers/factories.js';
import { signIn, signInTownship, type Client, type TownRole } from './helpers/http.js';
import { samplePhoto, uploadPictures } from './helpers/pictures.js';

let ctx: TestContext;
let town: Awaited<ReturnType<typeof createTownship>>;
let as: Record<TownRole, Client>;
let gateB: Client;
let disinfectant: string;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  as = await signInTownship(ctx.app, town);
  gateB = await signIn(ctx.app, town.b.gate.username);
  disinfectant = (await ctx.db.supplyItem.findUniqueOrThrow({ where: { code: 'disinfectant' } })).id;
  await receiveStock(ctx.db, { schoolId: town.a.school.id, itemCode: 'disinfectant', quantity: 10, recordedById: town.centre.id });
});

async function balance(schoolId = town.a.school.id) {
  const last = await ctx.db.stockMovement.findFirst({ where: { schoolId, itemId: disinfectant }, orderBy: { seq: 'desc' } });
  return Number(last?.balanceAfter ?? 0);
}

const area = (overrides: Record<string, unknown> = {}) => ({
  schoolId: town.a.school.id,
  name: '一楼教室',
  kind: '教室',
  dueTimes: ['10:00', '16:00'],
  weekdays: [],
  agent: '84消毒液',
  concentration: 500,
  itemId: disinfectant,
  ...overrides,
});

const entry = (areaId: string, overrides: Record<string, unknown> = {}) => ({
  schoolId: town.a.school.id,
  areaId,
  agent: '84消毒液',
  concentration: 500,
  amount: 1.5,
  contactMinutes: 30,
  doneBy: '李阿姨',
  pictureIds: [],
  ...overrides,
});

async function addArea(overrides: Record<string, unknown> = {}) {
  const response = await as.principal.request('POST', '/api/disinfection/areas', area(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<DisinfectionArea>();
}

async function day(client = as.gate) {
  const response = await client.request('GET', `/api/disinfection/day?schoolId=${town.a.school.id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DisinfectionDay>();
}

describe('the plan', () => {
  it('the principal names the school’s areas by the centre’s kinds; a wrong kind, a repeated name or a non-consumable is a clear error', async () => {
    const created = await addArea();
    expect(created).toMatchObject({ name: '一楼教室', kind: '教室', dueTimes: ['10:00', '16:00'], item: { id: disinfectant, unit: '升' } });

    const wrongKind = await as.principal.request('POST', '/api/disinfection/areas', area({ name: '实验室', kind: '实验室' }));
    expect(wrongKind.json<{ fields: Record<string, string> }>().fields.kind).toBe('请从教管中心的区域类别中选择');
    const again = await as.principal.request('POST', '/api/disinfection/areas', area());
    expect(again.json<{ fields: Record<string, string> }>().fields.name).toBe('本校已有同名的消毒区域');
    const thermometer = (await ctx.db.supplyItem.findUniqueOrThrow({ where: { code: 'infrared_thermometer' } })).id;
    expect((await as.principal.request('POST', '/api/disinfection/areas', area({ name: '门岗', itemId: thermometer }))).json<{ fields: Record<string, string> }>().fields.itemId).toBe('请选择一种在用的消耗类物资');
    expect((await as.principal.request('POST', '/api/disinfection/areas', area({ name: '门岗', dueTimes: [] }))).statusCode).toBe(400);
    expect((await as.principal.request('POST', '/api/disinfection/areas', area({ name: '门岗', dueTimes: ['25:00'] }))).statusCode).toBe(400);

    // gate staff read the plan but do not change it; the other school's principal does not see it
    expect((await as.gate.request('GET', `/api/disinfection/plan?schoolId=${town.a.school.id}`)).json<{ areas: unknown[] }>().areas).toHaveLength(1);
    expect((await as.gate.request('POST', '/api/disinfection/areas', area({ name: '门卫室' }))).statusCode).toBe(403);
    expect((await gateB.request('GET', `/api/disinfection/plan?schoolId=${town.a.school.id}`)).statusCode).toBe(404);
  });
});

describe('the log and the ledger', () => {
  let areaId: string;
  beforeAll(async () => {
    areaId = (await addArea({ name: '厕所', kind: '厕所', dueTimes: ['00:00'] })).id;
  });

  it('an entry lowers the disinfectant stock in the same transaction, with its photo; its reversal restores it', async () => {
    const before = await balance();
    const upload = await uploadPictures(as.gate, town.a.school.id, [{ name: '消毒.jpg', content: await samplePhoto({ width: 600, height: 400 }) }], 'disinfection');
    expect(upload.statusCode, upload.body).toBe(201);
    const picture = upload.json<{ items: Picture[] }>().items[0]!;

    const logged = await as.gate.request('POST', '/api/disinfection/logs', entry(areaId, { pictureIds: [picture.id] }));
    expect(logged.statusCode, logged.body).toBe(201);
    const log = logged.json<DisinfectionLog>();
    expect(log).toMatchObject({ areaName: '厕所', amount: 1.5, reversed: false, balanceAfter: before - 1.5 });
    expect(await balance()).toBe(before - 1.5);
    const movement = await ctx.db.stockMovement.findFirstOrThrow({ where: { schoolId: town.a.school.id, itemId: disinfectant }, orderBy: { seq: 'desc' } });
    expect(movement).toMatchObject({ type: 'consumption', note: '消毒：厕所' });
    expect(Number(movement.quantity)).toBe(-1.5);
    // the photo: the principal sees it, the other school does not
    expect((await as.principal.request('GET', picture.thumbUrl)).statusCode).toBe(200);
    expect((await gateB.request('GET', picture.url)).statusCode).toBe(404);

    // the supplies ledger sends the reversal back to the entry
    const direct = await as.principal.request('POST', `/api/supplies/movements/${movement.id}/reverse`, { reason: '误录' });
    expect(direct.statusCode, direct.body).toBe(409);
    expect(direct.json<{ message: string }>().message).toContain('请在“消毒”中撤销该记录');

    const [first, second] = await Promise.all([
      as.gate.request('POST', `/api/disinfection/logs/${log.id}/reverse`, { reason: '登记错区域' }),
      as.principal.request('POST', `/api/disinfection/logs/${log.id}/reverse`, { reason: '登记错区域' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect(await balance()).toBe(before);
    const reversed = (first.statusCode === 200 ? first : second).json<DisinfectionLog>();
    expect(reversed).toMatchObject({ reversed: true, reversalReason: '登记错区域', balanceAfter: before });
    expect(await ctx.db.stockMovement.count({ where: { schoolId: town.a.school.id, itemId: disinfectant, type: 'reversal' } })).toBe(1);
  });

  it('an entry beyond the stock is refused with the current balance, and nothing is saved', async () => {
    const stock = await balance();
    const logs = await ctx.db.disinfectionLog.count();
    const response = await as.gate.request('POST', '/api/disinfection/logs', entry(areaId, { amount: stock + 1 }));
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json<{ message: string }>().message).toContain(`当前结存 ${stock} 升`);
    expect(await ctx.db.disinfectionLog.count()).toBe(logs);
    expect(await balance()).toBe(stock);
  });

  it('bad input: an area not in the plan, a future time, a time before yesterday, a wrong amount', async () => {
    const otherSchoolArea = await ctx.db.disinfectionArea.create({ data: { schoolId: town.b.school.id, name: '教室', kind: '教室', dueMinutes: [600], weekdays: [], agent: '84', concentration: 500, itemId: disinfectant } });
    for (const [body, field, message] of [
      [entry(otherSchoolArea.id), 'areaId', '该区域不在本校的消毒计划中'],
      [entry(areaId, { doneAt: new Date(Date.now() + 3_600_000).toISOString() }), 'doneAt', '消毒时间不能晚于现在'],
      [entry(areaId, { doneAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }), 'doneAt', '只能补录昨天和今天的消毒记录'],
      [entry(areaId, { amount: 0 }), 'amount', '数量必须大于 0'],
      [entry(areaId, { amount: 0.123 }), 'amount', '数量最多保留两位小数'],
    ] as const) {
      const response = await as.gate.request('POST', '/api/disinfection/logs', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ fields: Record<string, string> }>().fields[field]).toBe(message);
    }
    // a teacher may not log; another school's gate does not find the school
    expect((await as.teacher.request('POST', '/api/disinfection/logs', entry(areaId))).statusCode).toBe(403);
    expect((await gateB.request('POST', '/api/disinfection/logs', entry(areaId))).statusCode).toBe(404);
  });
});

describe('plan vs done and compliance', () => {
  it('today each area is done, due or overdue; the principal’s history and the centre’s grid count the same rounds', async () => {
    await addArea({ name: '校门口', kind: '校门周边', dueTimes: ['00:00'] });
    await addArea({ name: '操场', kind: '操场', dueTimes: ['23:59'] });
    const once = await addArea({ name: '办公室', kind: '办公室', dueTimes: ['00:00'] });
    expect((await as.gate.request('POST', '/api/disinfection/logs', entry(once.id, { amount: 0.5 }))).statusCode).toBe(201);

    const view = await day();
    const status = (name: string) => view.areas.find((row) => row.area.name === name)!;
    expect(status('校门口')).toMatchObject({ status: 'overdue', planned: 1, done: 0, nextDue: '00:00' });
    expect(status('办公室')).toMatchObject({ status: 'done', done: 1 });
    // 23:59 is due, unless the test runs in the last minute of the day
    expect(['due', 'overdue']).toContain(status('操场').status);
    expect(status('厕所').status).toBe('overdue'); // its only entry was reversed

    const history = (await as.principal.request('GET', `/api/disinfection/compliance?schoolId=${town.a.school.id}&days=3`)).json<ComplianceHistory>();
    expect(history.days.at(-1)).toEqual({ day: today(), ...view.compliance });
    const grid = (await as.centre.request('GET', '/api/disinfection/grid?days=3')).json<DisinfectionGrid>();
    const cell = grid.schools.find((school) => school.schoolId === town.a.school.id)!.cells.at(-1)!;
    expect(cell).toEqual({ day: today(), ...view.compliance });
    expect(view.compliance.done).toBe(1);
    const flagged = grid.overdueToday.find((school) => school.schoolId === town.a.school.id)!;
    expect(flagged.areas).toEqual(expect.arrayContaining(['厕所', '校门口']));
    expect(flagged.areas).not.toContain('办公室');
    expect((await as.observer.request('GET', '/api/disinfection/grid')).statusCode).toBe(200);
    expect((await as.observer.request('GET', `/api/disinfection/day?schoolId=${town.a.school.id}`)).statusCode).toBe(403);
  });

  it('a past day left short is missed; an area added today does not count on earlier days; a retired area is not planned', async () => {
    const yesterday = addDays(today(), -1);
    const view = (await as.principal.request('GET', `/api/disinfection/day?schoolId=${town.a.school.id}&day=${yesterday}`)).json<DisinfectionDay>();
    expect(view.areas).toEqual([]);
    const area = await ctx.db.disinfectionArea.create({
      data: { schoolId: town.a.school.id, name: '食堂', kind: '食堂', dueMinutes: [600], weekdays: [], agent: '84', concentration: 500, itemId: disinfectant, createdAt: new Date(Date.now() - 5 * 86_400_000) },
    });
    const past = (await as.principal.request('GET', `/api/disinfection/day?schoolId=${town.a.school.id}&day=${yesterday}`)).json<DisinfectionDay>();
    expect(past.areas.map((row) => [row.area.name, row.status])).toEqual([['食堂', 'missed']]);
    const retired = await as.principal.request('PATCH', `/api/disinfection/areas/${area.id}`, { active: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await as.principal.request('GET', `/api/disinfection/day?schoolId=${town.a.school.id}&day=${yesterday}`)).json<DisinfectionDay>().areas).toEqual([]);
    // a retired area takes no entries
    expect((await as.gate.request('POST', '/api/disinfection/logs', entry(area.id))).json<{ fields: Record<string, string> }>().fields.areaId).toBe('该区域不在本校的消毒计划中');
  });
});
