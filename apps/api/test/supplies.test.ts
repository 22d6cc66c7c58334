/**
 * Supplies on the real PostgreSQL: what arrives at the centre, a school's
 * request approved in part, the transfer and its receipt with a discrepancy,
 * daily use, a count, a refused movement, a reversal, and the figures the
 * centre reads in the shortfall matrix and its export. Each step builds on
 * the one before, as a week at the centre would.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, dayInTimeZone, instantOfDay, stockOnHand } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';
import { readSchoolMatrix } from '../src/services/supplies/figures.js';

let ctx: TestContext;
let centre: Client;
let observer: Client;
let principalA: Client;
let gateA: Client;
let teacherA: Client;
let principalB: Client;
let schoolA: { id: string; name: string; code: string };
let schoolB: { id: string; name: string; code: string };
const items: Record<string, string> = {};

const TZ = 'Asia/Shanghai';
const today = () => dayInTimeZone(new Date(), TZ);
/** Noon of the day `offset` days from today, in Beijing. */
const noon = (offset: number) => instantOfDay(addDays(today(), offset), TZ, 12 * 60).toISOString();

beforeAll(async () => {
  ctx = await setupTestApp();
  schoolA = await createSchool(ctx.db, { name: '义和镇测试小学' });
  schoolB = await createSchool(ctx.db, { name: '新桥村测试小学' });
  const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: schoolA.id });
  const classA = await createSchoolClass(ctx.db, { schoolId: schoolA.id, headTeacherId: teacherUser.id });
  const classB = await createSchoolClass(ctx.db, { schoolId: schoolB.id });
  // School A: 10 students + 2 staff = 12 people; school B: 5 students.
  for (let index = 0; index < 10; index += 1) await createPerson(ctx.db, { schoolId: schoolA.id, classId: classA.id });
  for (let index = 0; index < 2; index += 1) await createPerson(ctx.db, { schoolId: schoolA.id, classId: null, kind: 'staff' });
  for (let index = 0; index < 5; index += 1) await createPerson(ctx.db, { schoolId: schoolB.id, classId: classB.id });
  centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin', displayName: '徐杰' })).username);
  observer = await signIn(ctx.app, (await createUser(ctx.db, { role: 'observer' })).username);
  principalA = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: schoolA.id, displayName: '王校长' })).username);
  gateA = await signIn(ctx.app, (await createUser(ctx.db, { role: 'gate_duty', schoolId: schoolA.id })).username);
  teacherA = await signIn(ctx.app, teacherUser.username);
  principalB = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: schoolB.id })).username);
  const catalogue = await centre.request('GET', '/api/supplies/items');
  for (const item of catalogue.json().items as { id: string; code: string }[]) items[item.code] = item.id;
});

const maskCell = (matrix: { rows: { schoolId: string; cells: { itemId: string }[] }[] }, schoolId: string, code = 'mask') =>
  matrix.rows.find((row) => row.schoolId === schoolId)!.cells.find((cell) => cell.itemId === items[code]) as Record<string, unknown>;

describe('the catalogue', () => {
  it('comes with masks (pieces), disinfectant (litres), thermometers, hand sanitiser and gloves, each with a default target', async () => {
    const response = await principalA.request('GET', '/api/supplies/items');
    expect(response.statusCode).toBe(200);
    const byCode = Object.fromEntries((response.json().items as { code: string }[]).map((item) => [item.code, item]));
    expect(Object.keys(byCode)).toEqual(['mask', 'disinfectant', 'infrared_thermometer', 'handheld_thermometer', 'hand_sanitiser', 'gloves']);
    expect(byCode.mask).toMatchObject({ name: '口罩', unit: 'piece', kind: 'consumable', decimals: 0, defaultTarget: { mode: 'per_head', basis: 'everyone', perDay: 2, days: 14 } });
    expect(byCode.disinfectant).toMatchObject({ name: '消毒液', unit: 'litre', decimals: 2 });
    expect(byCode.infrared_thermometer).toMatchObject({ kind: 'equipment', defaultTarget: { mode: 'fixed', quantity: 2 } });
  });

  it('the centre adds a custom item; nobody else may; its unit is fixed once it has been used', async () => {
    const created = await centre.request('POST', '/api/supplies/items', { code: 'protective_suit', name: '防护服', nameEn: 'Protective suits', unit: 'set', kind: 'consumable', defaultTarget: { mode: 'fixed', quantity: 5 } });
    expect(created.statusCode, created.body).toBe(201);
    items.protective_suit = created.json().id;
    expect((await centre.request('POST', '/api/supplies/items', { code: 'protective_suit', name: '防护服2', nameEn: 'x', unit: 'set', kind: 'consumable' })).json().fields.code).toBe('该物资代码已存在');
    expect((await principalA.request('POST', '/api/supplies/items', { code: 'goggles', name: '护目镜', nameEn: 'Goggles', unit: 'piece', kind: 'equipment' })).statusCode).toBe(403);
    const fractionalTarget = await centre.request('PATCH', `/api/supplies/items/${items.protective_suit}`, { defaultTarget: { mode: 'fixed', quantity: 2.5 } });
    expect(fractionalTarget.json().fields['defaultTarget.quantity']).toBe('该物资按整数计量(个、双、瓶等),请输入整数');
    await centre.request('POST', '/api/supplies/receipts', { source: 'donation', lines: [{ itemId: items.protective_suit, quantity: 10 }] });
    const unitChange = await centre.request('PATCH', `/api/supplies/items/${items.protective_suit}`, { unit: 'piece' });
    expect(unitChange.statusCode).toBe(409);
    expect(unitChange.json().message).toBe('该物资已有出入库记录,不能再修改计量单位');
    // Retired, it leaves the matrix.
    expect((await centre.request('PATCH', `/api/supplies/items/${items.protective_suit}`, { active: false })).json().active).toBe(false);
  });
});

describe('a week of supplies', () => {
  let requestId: string;
  let transferId: string;

  it('records an arrival at the centre with its source and document number', async () => {
    const response = await centre.request('POST', '/api/supplies/receipts', {
      source: 'district_commission',
      documentNumber: '区教委〔2020〕12号',
      occurredAt: noon(-6),
      lines: [
        { itemId: items.mask, quantity: 1000 },
        { itemId: items.disinfectant, quantity: 50.5 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().items).toMatchObject([
      { type: 'receipt', schoolId: null, holderName: '测试镇教管中心', quantity: 1000, balanceAfter: 1000, source: 'district_commission', documentNumber: '区教委〔2020〕12号', recordedByName: '徐杰' },
      { type: 'receipt', quantity: 50.5, balanceAfter: 50.5 },
    ]);
    const store = (await centre.request('GET', '/api/supplies/stock')).json();
    expect(store.holderName).toBe('测试镇教管中心');
    expect(store.items.find((line: { item: { code: string } }) => line.item.code === 'mask').onHand).toBe(1000);
  });

  it('takes whole masks and litres to two decimals, and says so per line', async () => {
    const response = await centre.request('POST', '/api/supplies/receipts', {
      source: 'purchase',
      lines: [
        { itemId: items.mask, quantity: 10.5 },
        { itemId: items.disinfectant, quantity: 0.005 },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual({ 'lines.1.quantity': '数量最多保留两位小数' });
    const whole = await centre.request('POST', '/api/supplies/receipts', { source: 'purchase', lines: [{ itemId: items.mask, quantity: 10.5 }] });
    expect(whole.json().fields).toEqual({ 'lines.0.quantity': '该物资按整数计量(个、双、瓶等),请输入整数' });
    const future = await centre.request('POST', '/api/supplies/receipts', { source: 'purchase', occurredAt: noon(2), lines: [{ itemId: items.mask, quantity: 1 }] });
    expect(future.json().fields.occurredAt).toBe('时间不能晚于现在');
  });

  it('a school asks the centre for masks and disinfectant', async () => {
    const response = await principalA.request('POST', '/api/supplies/requests', {
      reason: '复学前需备足 14 天用量',
      lines: [
        { itemId: items.mask, quantity: 400 },
        { itemId: items.disinfectant, quantity: 20 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    requestId = response.json().id;
    expect(response.json()).toMatchObject({ status: 'pending', schoolName: '义和镇测试小学', requestedByName: '王校长', number: expect.stringMatching(/^SQ\d{6}$/), transferId: null });
    // Both sides see it; another school does not.
    expect((await centre.request('GET', '/api/supplies/requests?status=pending')).json().items.map((item: { id: string }) => item.id)).toContain(requestId);
    expect((await principalB.request('GET', `/api/supplies/requests/${requestId}`)).statusCode).toBe(404);
    expect((await principalB.request('GET', '/api/supplies/requests')).json().items).toEqual([]);
  });

  it('the centre approves part of it, with a reason; the approval goes out as one transfer', async () => {
    const lines = [
      { itemId: items.mask, approvedQuantity: 300 },
      { itemId: items.disinfectant, approvedQuantity: 20 },
    ];
    const noReason = await centre.request('POST', `/api/supplies/requests/${requestId}/approve`, { lines });
    expect(noReason.json().fields).toEqual({ note: '部分批准时请说明原因' });
    const tooMuch = await centre.request('POST', `/api/supplies/requests/${requestId}/approve`, { lines: [{ itemId: items.mask, approvedQuantity: 500 }, lines[1]] });
    expect(tooMuch.json().fields).toEqual({ 'lines.0.approvedQuantity': '批准数量不能超过申请数量' });
    expect((await principalA.request('POST', `/api/supplies/requests/${requestId}/approve`, { lines, note: 'x' })).statusCode).toBe(403);

    const approved = await centre.request('POST', `/api/supplies/requests/${requestId}/approve`, { lines, note: '中心口罩库存有限,先配发 300 个' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'partly_approved',
      decidedByName: '徐杰',
      decisionNote: '中心口罩库存有限,先配发 300 个',
      transferStatus: 'in_transit',
      lines: [
        { itemId: items.mask, requestedQuantity: 400, approvedQuantity: 300 },
        { itemId: items.disinfectant, requestedQuantity: 20, approvedQuantity: 20 },
      ],
    });
    transferId = approved.json().transferId;
    const again = await centre.request('POST', `/api/supplies/requests/${requestId}/approve`, { lines, note: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该申请已处理,不能重复审批');
  });

  it('the transfer leaves the centre at once and is in transit until the school confirms', async () => {
    const store = (await centre.request('GET', '/api/supplies/stock')).json();
    const line = (code: string) => store.items.find((entry: { item: { code: string } }) => entry.item.code === code);
    expect(line('mask')).toMatchObject({ onHand: 700, inTransit: 300 });
    expect(line('disinfectant')).toMatchObject({ onHand: 30.5, inTransit: 20 });
    const matrix = (await centre.request('GET', '/api/supplies/matrix')).json();
    expect(maskCell(matrix, schoolA.id)).toMatchObject({ onHand: 0, inTransit: 300 });
    const transfer = (await principalA.request('GET', `/api/supplies/transfers/${transferId}`)).json();
    expect(transfer).toMatchObject({ status: 'in_transit', number: expect.stringMatching(/^DB\d{6}$/), requestNumber: expect.stringMatching(/^SQ/), lines: [{ issuedQuantity: 300, receivedQuantity: null }, { issuedQuantity: 20 }] });
    expect((await principalB.request('GET', `/api/supplies/transfers/${transferId}`)).statusCode).toBe(404);
  });

  it('the school receives 10 masks fewer than sent: it must say why, and the difference stays on the transfer', async () => {
    const lines = [
      { itemId: items.mask, receivedQuantity: 290 },
      { itemId: items.disinfectant, receivedQuantity: 20 },
    ];
    const noNote = await principalA.request('POST', `/api/supplies/transfers/${transferId}/receive`, { lines, receivedAt: noon(-4) });
    expect(noNote.json().fields).toEqual({ discrepancyNote: '实收数量与发出数量不一致,请说明原因' });
    expect((await principalB.request('POST', `/api/supplies/transfers/${transferId}/receive`, { lines, discrepancyNote: 'x' })).statusCode).toBe(404);
    expect((await centre.request('POST', `/api/supplies/transfers/${transferId}/receive`, { lines, discrepancyNote: 'x' })).statusCode).toBe(403);

    const received = await gateA.request('POST', `/api/supplies/transfers/${transferId}/receive`, { lines, receivedAt: noon(-4), discrepancyNote: '一箱外包装破损,10 个口罩污染已弃用' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({
      status: 'received',
      hasDiscrepancy: true,
      discrepancyNote: '一箱外包装破损,10 个口罩污染已弃用',
      lines: [
        { issuedQuantity: 300, receivedQuantity: 290, difference: -10 },
        { issuedQuantity: 20, receivedQuantity: 20, difference: 0 },
      ],
    });
    const twice = await gateA.request('POST', `/api/supplies/transfers/${transferId}/receive`, {});
    expect(twice.json().message).toBe('该调拨单已签收或已撤销');
    const matrix = (await centre.request('GET', '/api/supplies/matrix')).json();
    expect(maskCell(matrix, schoolA.id)).toMatchObject({ onHand: 290, inTransit: 0 });
  });

  it('records three days of use', async () => {
    for (const offset of [-3, -2, -1]) {
      const response = await gateA.request('POST', '/api/supplies/consumption', {
        occurredAt: noon(offset),
        note: '晨检发放',
        lines: [
          { itemId: items.mask, quantity: 24 },
          { itemId: items.disinfectant, quantity: 1.5 },
        ],
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const matrix = (await principalA.request('GET', '/api/supplies/matrix')).json();
    // 290 − 3 × 24 = 218 masks; 24 a day → 9 days; target 12 people × 2 × 14 days = 336.
    expect(maskCell(matrix, schoolA.id)).toMatchObject({ onHand: 218, usedInWindow: 72, daysObserved: 3, dailyUse: 24, daysLeft: 9, target: 336, shortfall: 118, status: 'short' });
    // 20 − 4.5 = 15.5 L at 1.5 L a day; target 12 × 0.02 × 14 = 3.36 L.
    expect(maskCell(matrix, schoolA.id, 'disinfectant')).toMatchObject({ onHand: 15.5, dailyUse: 1.5, daysLeft: 10.3, target: 3.36, shortfall: 0, status: 'adequate' });
  });

  it('a physical count becomes an adjustment of the difference', async () => {
    const response = await principalA.request('POST', '/api/supplies/counts', { note: '周五盘点', lines: [{ itemId: items.mask, countedQuantity: 210 }] });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().items[0]).toMatchObject({ before: 218, counted: 210, adjustment: -8, movement: { type: 'count_adjustment', quantity: -8, balanceAfter: 210 } });
  });

  it('refuses use beyond the stock, saying what is left, in the user’s language', async () => {
    const refused = await gateA.request('POST', '/api/supplies/consumption', { lines: [{ itemId: items.disinfectant, quantity: 1 }, { itemId: items.mask, quantity: 500 }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', message: '口罩库存不足:当前结存 210 个,本次需出库 500 个', fields: { 'lines.1.quantity': '超出现有库存' } });
    const english = await gateA.request('POST', '/api/supplies/consumption', { lines: [{ itemId: items.mask, quantity: 500 }] }, { 'accept-language': 'en' });
    expect(english.json().message).toBe('Not enough Masks: 210 pcs in stock, 500 pcs needed');
    // Nothing of the refused request was booked, not even its first line.
    const stock = (await principalA.request('GET', '/api/supplies/stock')).json();
    expect(stock.items.find((line: { item: { code: string } }) => line.item.code === 'disinfectant').onHand).toBe(15.5);
    expect(stock.items.find((line: { item: { code: string } }) => line.item.code === 'mask').onHand).toBe(210);
  });

  it('a mistake is undone by a reversing entry, never by editing; once only', async () => {
    const card = (await principalA.request('GET', `/api/supplies/stock-card?itemId=${items.mask}`)).json();
    const lastUse = card.movements.filter((movement: { type: string }) => movement.type === 'consumption').at(-1);
    const reversed = await principalA.request('POST', `/api/supplies/movements/${lastUse.id}/reverse`, { reason: '重复录入' });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json()).toMatchObject({ type: 'reversal', quantity: 24, balanceAfter: 234, reversesId: lastUse.id, note: '重复录入', occurredAt: lastUse.occurredAt });
    const again = await principalA.request('POST', `/api/supplies/movements/${lastUse.id}/reverse`, { reason: '再次' });
    expect(again.json().message).toBe('该记录已被冲销,不能重复冲销');
    const transferLeg = card.movements.find((movement: { type: string }) => movement.type === 'transfer_in');
    expect((await principalA.request('POST', `/api/supplies/movements/${transferLeg.id}/reverse`, { reason: 'x' })).statusCode).toBe(409);
    expect((await principalB.request('POST', `/api/supplies/movements/${lastUse.id}/reverse`, { reason: 'x' })).statusCode).toBe(404);
    // The reversed day's use nets out: 48 masks over 3 days.
    const matrix = (await centre.request('GET', '/api/supplies/matrix')).json();
    expect(maskCell(matrix, schoolA.id)).toMatchObject({ onHand: 234, usedInWindow: 48, dailyUse: 16, daysLeft: 14.6, shortfall: 102 });
    // The database itself refuses to edit history.
    await expect(ctx.db.$executeRaw`UPDATE "StockMovement" SET quantity = 0 WHERE id = ${lastUse.id}::uuid`).rejects.toThrow(/append-only/);
  });

  it('the stock card lists every movement with its running balance, which sums the ledger', async () => {
    const response = await principalA.request('GET', `/api/supplies/stock-card?itemId=${items.mask}`);
    expect(response.statusCode).toBe(200);
    const card = response.json();
    expect(card).toMatchObject({ holderName: '义和镇测试小学', onHand: 234, truncated: false });
    expect(card.movements.map((movement: { type: string; quantity: number; balanceAfter: number }) => [movement.type, movement.quantity, movement.balanceAfter])).toEqual([
      ['transfer_in', 290, 290],
      ['consumption', -24, 266],
      ['consumption', -24, 242],
      ['consumption', -24, 218],
      ['count_adjustment', -8, 210],
      ['reversal', 24, 234],
    ]);
    expect(card.movements[0]).toMatchObject({ transferNumber: expect.stringMatching(/^DB/), note: '一箱外包装破损,10 个口罩污染已弃用' });
    expect(card.movements[3].reversedById).toBe(card.movements[5].id);
    expect(stockOnHand(card.movements)).toBe(card.onHand);
  });
});

describe('targets', () => {
  it('the centre gives a school its own target and takes it back; the formula says where the number comes from', async () => {
    const set = await centre.request('PUT', `/api/supplies/targets/${schoolA.id}/${items.mask}`, { rule: { mode: 'fixed', quantity: 500 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ source: 'school', target: 500, formula: '目标库存 = 固定 500 个(本校设定)' });
    expect(maskCell((await centre.request('GET', '/api/supplies/matrix')).json(), schoolA.id)).toMatchObject({ target: 500, shortfall: 266, targetSource: 'school' });
    expect((await principalA.request('PUT', `/api/supplies/targets/${schoolA.id}/${items.mask}`, { rule: { mode: 'fixed', quantity: 1 } })).statusCode).toBe(403);
    const cleared = await centre.request('DELETE', `/api/supplies/targets/${schoolA.id}/${items.mask}`);
    expect(cleared.json()).toMatchObject({ source: 'default', target: 336, formula: '目标库存 = 12 人(师生)× 2 个/人/天 × 14 天 = 336 个(默认)' });
    const gloves = (await principalA.request('GET', `/api/supplies/targets?itemId=${items.gloves}`)).json().items;
    expect(gloves).toEqual([expect.objectContaining({ schoolId: schoolA.id, target: 56, formula: '目标库存 = 2 人(教职工)× 2 双/人/天 × 14 天 = 56 双(默认)' })]);
  });
});

describe('the shortfall matrix', () => {
  it('shows each school × item with totals the centre can act on', async () => {
    const response = await centre.request('GET', '/api/supplies/matrix');
    expect(response.statusCode).toBe(200);
    const matrix = response.json();
    expect(matrix.items.map((item: { code: string }) => item.code)).toEqual(['mask', 'disinfectant', 'infrared_thermometer', 'handheld_thermometer', 'hand_sanitiser', 'gloves']);
    expect(matrix.rows.map((row: { name: string }) => row.name)).toEqual(['义和镇测试小学', '新桥村测试小学']);
    const rowB = matrix.rows.find((row: { schoolId: string }) => row.schoolId === schoolB.id);
    expect(rowB).toMatchObject({ heads: { everyone: 5, staff: 0 }, worstStatus: 'stock_out' });
    // School B has nothing: 5 × 2 × 14 = 140 masks short.
    expect(maskCell(matrix, schoolB.id)).toMatchObject({ onHand: 0, target: 140, shortfall: 140, daysLeft: null, status: 'stock_out' });
    // Staff-only gloves: B has no staff, so needs none.
    expect(maskCell(matrix, schoolB.id, 'gloves')).toMatchObject({ target: 0, shortfall: 0, status: 'adequate' });
    const maskTotal = matrix.totals.find((total: { itemId: string }) => total.itemId === items.mask);
    expect(maskTotal).toEqual({ itemId: items.mask, onHand: 234, inTransit: 0, target: 476, shortfall: 242, schoolsOut: 1, schoolsShort: 1, schoolsUnknown: 0 });
    expect(matrix.centreOnHand.find((line: { itemId: string }) => line.itemId === items.mask).onHand).toBe(700);
    expect(matrix.totalRows).toBe(2);
  });

  it('filters by item, sorts by a column, and refuses to sort mixed units', async () => {
    const masksOnly = (await centre.request('GET', `/api/supplies/matrix?itemId=${items.mask}&sort=shortfall&order=desc`)).json();
    expect(masksOnly.items).toHaveLength(1);
    expect(masksOnly.rows.map((row: { schoolId: string; cells: { shortfall: number }[] }) => [row.schoolId, row.cells[0]!.shortfall])).toEqual([
      [schoolB.id, 140],
      [schoolA.id, 102],
    ]);
    // Worst first in the mask column: B is out of masks, A only short.
    const byStatus = (await centre.request('GET', `/api/supplies/matrix?sort=status&sortItemId=${items.mask}`)).json();
    expect(byStatus.rows.map((row: { schoolId: string }) => row.schoolId)).toEqual([schoolB.id, schoolA.id]);
    const fewestDaysFirst = (await centre.request('GET', `/api/supplies/matrix?sort=days_left&sortItemId=${items.mask}`)).json();
    expect(fewestDaysFirst.rows.map((row: { schoolId: string }) => row.schoolId)).toEqual([schoolA.id, schoolB.id]);
    const mixed = await centre.request('GET', '/api/supplies/matrix?sort=shortfall');
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().fields.sortItemId).toBe('按缺口或库存排序时请选择物资');
    const outOnly = (await centre.request('GET', `/api/supplies/matrix?itemId=${items.mask}&status=stock_out`)).json();
    expect(outOnly.rows.map((row: { schoolId: string }) => row.schoolId)).toEqual([schoolB.id]);
    expect(outOnly.totals[0]).toMatchObject({ shortfall: 140 });
    const paged = (await centre.request('GET', '/api/supplies/matrix?limit=1&offset=1')).json();
    expect(paged.rows.map((row: { schoolId: string }) => row.schoolId)).toEqual([schoolB.id]);
    expect(paged.totals.find((total: { itemId: string }) => total.itemId === items.mask).shortfall).toBe(242);
  });

  it('the township view, kept up to date in place after each change, agrees cell by cell with a fresh read of the ledger', async () => {
    const township = (await centre.request('GET', '/api/supplies/matrix')).json();
    for (const school of [schoolA, schoolB]) {
      const fresh = await readSchoolMatrix(ctx.db, school.id, today(), TZ);
      expect(township.rows.find((row: { schoolId: string }) => row.schoolId === school.id)).toEqual(JSON.parse(JSON.stringify(fresh.rows[0])));
    }
  });

  it('a school sees only its own row and its figures with formulas', async () => {
    const mine = (await principalA.request('GET', '/api/supplies/matrix')).json();
    expect(mine.rows.map((row: { schoolId: string }) => row.schoolId)).toEqual([schoolA.id]);
    expect(mine.centreOnHand).toBeNull();
    expect((await principalA.request('GET', `/api/supplies/matrix?schoolId=${schoolB.id}`)).json().rows).toEqual([]);
    const stock = (await principalA.request('GET', '/api/supplies/stock')).json();
    const masks = stock.items.find((line: { item: { code: string } }) => line.item.code === 'mask');
    expect(masks.formulas).toMatchObject({
      shortfall: '缺口 = max(0, 目标 336 − 现有 234) = 102 个',
      days_left: '可用天数 = 现有 234 ÷ 日均用量 16(近 3 天共用 48)= 14.6 天',
      status: '不足:低于目标,缺口 102 个',
    });
  });

  it('alerts list stock-outs first, then schools under 3 days of cover', async () => {
    // School A uses 13 L of disinfectant in one day (a deep clean): 2.5 L left.
    await gateA.request('POST', '/api/supplies/consumption', { occurredAt: noon(-1), lines: [{ itemId: items.disinfectant, quantity: 13 }] });
    const alerts = (await centre.request('GET', '/api/supplies/alerts')).json();
    expect(alerts.alertDays).toBe(3);
    const statuses = alerts.items.map((alert: { status: string }) => alert.status);
    expect(statuses.indexOf('short')).toBeGreaterThan(statuses.lastIndexOf('stock_out'));
    // 2.5 L left, 17.5 L used over 3 days → 5.83 L a day → 0.4 days.
    expect(alerts.items.find((alert: { itemId: string; schoolId: string }) => alert.schoolId === schoolA.id && alert.itemId === items.disinfectant)).toMatchObject({ status: 'short', onHand: 2.5, daysLeft: 0.4 });
    expect(alerts.items.filter((alert: { status: string }) => alert.status === 'stock_out').map((alert: { schoolId: string; itemName: string }) => `${alert.schoolId === schoolA.id ? 'A' : 'B'} ${alert.itemName}`)).toEqual([
      'A 红外测温仪',
      'A 体温计',
      'A 免洗洗手液',
      'A 一次性手套',
      'B 口罩',
      'B 消毒液',
      'B 红外测温仪',
      'B 体温计',
      'B 免洗洗手液',
    ]);
    expect((await principalB.request('GET', '/api/supplies/alerts')).json().items.every((alert: { schoolId: string }) => alert.schoolId === schoolB.id)).toBe(true);
  });

  it('exports the matrix to .xlsx with Chinese headers and the same figures; audited', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/supplies/matrix/export`, headers: { cookie: centre.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('防控物资缺口表-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('物资缺口')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toContain('测试镇教管中心 防控物资缺口表');
    expect(rows[2]!.slice(0, 5)).toEqual(['学校代码', '学校', '师生人数', '教职工人数', '口罩(个)']);
    expect(rows[3]!.slice(4, 10)).toEqual(['现有', '在途', '目标', '缺口', '可用天数', '状态']);
    const rowA = rows.find((row) => row[1] === '义和镇测试小学')!;
    expect(rowA.slice(2, 10)).toEqual([12, 2, 234, 0, 336, 102, 14.6, '不足']);
    const total = rows.at(-1)!;
    expect(total.slice(0, 2)).toEqual(['合计', '2 所学校']);
    expect(total.slice(4, 10)).toEqual([234, 0, 476, 242, undefined, '断货 1 所,不足 1 所']);
    expect(await ctx.db.auditLog.count({ where: { action: 'supply.matrix_export' } })).toBe(1);
    expect((await teacherA.request('GET', '/api/supplies/matrix/export')).statusCode).toBe(403);
  });
});

describe('direct distribution, cancellation and declines', () => {
  it('the centre sends masks to a school without a request, then cancels the mistaken transfer', async () => {
    const sent = await centre.request('POST', '/api/supplies/transfers', { schoolId: schoolB.id, note: '紧急配发', lines: [{ itemId: items.mask, quantity: 50 }] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'in_transit', requestId: null, schoolName: '新桥村测试小学' });
    expect((await centre.request('GET', '/api/supplies/stock')).json().items[0]).toMatchObject({ onHand: 650, inTransit: 50 });
    const tooMuch = await centre.request('POST', '/api/supplies/transfers', { schoolId: schoolB.id, lines: [{ itemId: items.mask, quantity: 5000 }] });
    expect(tooMuch.json().message).toBe('口罩库存不足:当前结存 650 个,本次需出库 5000 个');
    const cancelled = await centre.request('POST', `/api/supplies/transfers/${sent.json().id}/cancel`, { reason: '学校选错' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '学校选错' });
    expect((await centre.request('GET', '/api/supplies/stock')).json().items[0]).toMatchObject({ onHand: 700, inTransit: 0 });
    expect((await principalB.request('POST', `/api/supplies/transfers/${sent.json().id}/receive`, {})).statusCode).toBe(409);
  });

  it('the centre declines a request with a reason the school sees', async () => {
    const asked = await principalB.request('POST', '/api/supplies/requests', { reason: '全校断货', lines: [{ itemId: items.infrared_thermometer, quantity: 2 }] });
    const noReason = await centre.request('POST', `/api/supplies/requests/${asked.json().id}/decline`, {});
    expect(noReason.json().fields.reason).toBe('必填');
    const nothing = await centre.request('POST', `/api/supplies/requests/${asked.json().id}/approve`, { lines: [{ itemId: items.infrared_thermometer, approvedQuantity: 0 }] });
    expect(nothing.json().fields.lines).toBe('一项都不批准时请选择“不予批准”并说明原因');
    const declined = await centre.request('POST', `/api/supplies/requests/${asked.json().id}/decline`, { reason: '中心暂无测温仪,已向区教委申请' });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionNote: '中心暂无测温仪,已向区教委申请', lines: [{ approvedQuantity: 0 }] });
    expect((await principalB.request('GET', `/api/supplies/requests/${asked.json().id}`)).json().status).toBe('declined');
  });

  it('the school that asked withdraws a pending request; then nobody can decide it, and nobody else may withdraw it', async () => {
    const pendingGloves = async () => (await centre.request('GET', '/api/supplies/stock')).json().items.find((row: { item: { id: string } }) => row.item.id === items.gloves).pendingRequested as number;
    const before = await pendingGloves();
    const asked = await principalB.request('POST', '/api/supplies/requests', { reason: '多报了', lines: [{ itemId: items.gloves, quantity: 40 }] });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    expect(await pendingGloves()).toBe(before + 40);
    expect((await centre.request('POST', `/api/supplies/requests/${id}/withdraw`)).statusCode).toBe(403);
    expect((await principalA.request('POST', `/api/supplies/requests/${id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await principalB.request('POST', `/api/supplies/requests/${id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', transferId: null });
    expect(withdrawn.json().decidedAt).not.toBeNull();
    expect(await pendingGloves()).toBe(before);
    const again = await principalB.request('POST', `/api/supplies/requests/${id}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该申请已处理或已撤回,不能撤回');
    const approve = await centre.request('POST', `/api/supplies/requests/${id}/approve`, { lines: [{ itemId: items.gloves, approvedQuantity: 40 }] });
    expect(approve.statusCode).toBe(409);
    expect((await centre.request('POST', `/api/supplies/requests/${id}/decline`, { reason: '已撤回' })).statusCode).toBe(409);
    expect((await centre.request('GET', `/api/supplies/requests?status=withdrawn`)).json().items.map((request: { id: string }) => request.id)).toContain(id);
    expect(await ctx.db.auditLog.count({ where: { action: 'supply_request.withdraw', entityId: id } })).toBe(1);
  });
});

describe('scope', () => {
  it('schools write only their own stock; other schools read as not found; observers read; class teachers have no supplies', async () => {
    const use = { holder: schoolA.id, lines: [{ itemId: items.mask, quantity: 1 }] };
    expect((await principalB.request('POST', '/api/supplies/consumption', use)).statusCode).toBe(404);
    expect((await principalB.request('GET', `/api/supplies/stock-card?holder=${schoolA.id}&itemId=${items.mask}`)).statusCode).toBe(404);
    expect((await principalB.request('GET', '/api/supplies/stock?holder=centre')).statusCode).toBe(404);
    expect((await principalA.request('POST', '/api/supplies/receipts', { holder: 'centre', source: 'donation', lines: [{ itemId: items.mask, quantity: 1 }] })).statusCode).toBe(404);
    expect((await observer.request('POST', '/api/supplies/consumption', use)).statusCode).toBe(403);
    expect((await observer.request('GET', '/api/supplies/matrix')).json().rows).toHaveLength(2);
    for (const url of ['/api/supplies/matrix', '/api/supplies/items', '/api/supplies/requests', '/api/supplies/stock', '/api/supplies/alerts']) {
      expect((await teacherA.request('GET', url)).statusCode, url).toBe(403);
    }
    expect((await teacherA.request('POST', '/api/supplies/consumption', use)).statusCode).toBe(403);
    // Another school's ledger entries are absent from a school's list.
    const listed = (await principalB.request('GET', '/api/supplies/movements')).json().items;
    expect(listed.every((movement: { schoolId: string }) => movement.schoolId === schoolB.id)).toBe(true);
  });

  it('writes at the same moment never take stock below zero, and a movement is reversed once only', async () => {
    const received = await principalB.request('POST', '/api/supplies/receipts', { source: 'donation', documentNumber: '村委会捐赠', lines: [{ itemId: items.hand_sanitiser, quantity: 10 }] });
    expect(received.statusCode, received.body).toBe(201);
    const uses = await Promise.all(Array.from({ length: 5 }, () => principalB.request('POST', '/api/supplies/consumption', { lines: [{ itemId: items.hand_sanitiser, quantity: 3 }] })));
    expect(uses.map((use) => use.statusCode).sort()).toEqual([201, 201, 201, 409, 409]);
    const card = (await principalB.request('GET', `/api/supplies/stock-card?itemId=${items.hand_sanitiser}`)).json();
    expect(card.onHand).toBe(1);
    expect(card.movements.map((movement: { balanceAfter: number }) => movement.balanceAfter)).toEqual([10, 7, 4, 1]);
    const lastUse = card.movements.at(-1).id;
    const reversals = await Promise.all([1, 2].map(() => principalB.request('POST', `/api/supplies/movements/${lastUse}/reverse`, { reason: '重复' })));
    expect(reversals.map((reversal) => reversal.statusCode).sort()).toEqual([201, 409]);
    expect((await principalB.request('GET', `/api/supplies/stock-card?itemId=${items.hand_sanitiser}`)).json().onHand).toBe(4);
  });

  it('a school with a stock ledger cannot be deleted, only deactivated', async () => {
    const empty = await createSchool(ctx.db, { name: '待撤并教学点' });
    const sent = await centre.request('POST', '/api/supplies/transfers', { schoolId: empty.id, lines: [{ itemId: items.mask, quantity: 1 }] });
    expect(sent.statusCode, sent.body).toBe(201);
    const refused = await centre.request('DELETE', `/api/schools/${empty.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('该学校已有名册或物资等记录,不能删除;请改为停用');
    expect(await ctx.db.transfer.count({ where: { schoolId: empty.id } })).toBe(1);
  });

  it('a new pupil on the roster raises the school’s per-head targets within a minute', async () => {
    const before = maskCell((await centre.request('GET', '/api/supplies/matrix')).json(), schoolB.id);
    const classB = await ctx.db.schoolClass.findFirstOrThrow({ where: { schoolId: schoolB.id } });
    await createPerson(ctx.db, { schoolId: schoolB.id, classId: classB.id });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      const after = maskCell((await centre.request('GET', '/api/supplies/matrix')).json(), schoolB.id);
      // 5 → 6 people: 6 × 2 × 14 masks.
      expect([before.target, after.target]).toEqual([140, 168]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('every supplies route is in the OpenAPI document with its request and response shapes', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths).filter((path) => path.startsWith('/api/supplies'));
    expect(paths.sort()).toEqual(
      [
        '/api/supplies/alerts',
        '/api/supplies/consumption',
        '/api/supplies/counts',
        '/api/supplies/items',
        '/api/supplies/items/{id}',
        '/api/supplies/matrix',
        '/api/supplies/matrix/export',
        '/api/supplies/movements',
        '/api/supplies/movements/{id}/reverse',
        '/api/supplies/receipts',
        '/api/supplies/requests',
        '/api/supplies/requests/{id}',
        '/api/supplies/requests/{id}/approve',
        '/api/supplies/requests/{id}/decline',
        '/api/supplies/requests/{id}/withdraw',
        '/api/supplies/stock',
        '/api/supplies/stock-card',
        '/api/supplies/targets',
        '/api/supplies/targets/{schoolId}/{itemId}',
        '/api/supplies/transfers',
        '/api/supplies/transfers/{id}',
        '/api/supplies/transfers/{id}/cancel',
        '/api/supplies/transfers/{id}/receive',
      ].sort(),
    );
    expect(doc.paths['/api/supplies/receipts'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('lines');
    expect(doc.paths['/api/supplies/matrix'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('totals');
    expect(doc.paths['/api/supplies/matrix'].get.responses['404']).toBeDefined();
  });

  it('every write left an audit row', async () => {
    const actions = (await ctx.db.auditLog.findMany({ where: { action: { startsWith: 'stock.' } }, select: { action: true } })).map((row) => row.action);
    expect(new Set(actions)).toEqual(new Set(['stock.receipt', 'stock.consumption', 'stock.count', 'stock.reversal']));
    for (const action of ['supply_request.create', 'supply_request.approve', 'supply_request.decline', 'supply_request.withdraw', 'transfer.issue', 'transfer.receive', 'transfer.cancel', 'supply_target.set', 'supply_target.clear', 'supply_item.create']) {
      expect(await ctx.db.auditLog.count({ where: { action } }), action).toBeGreaterThan(0);
    }
  });
});
