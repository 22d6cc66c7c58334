/**
 * A month of supplies for the demo township, as the report has it: "学校虽多方
 * 筹措防控物资,区教委和镇党委、政府也给予相应的配备,但消毒液及口罩仍存在较大的
 * 缺口". Four arrivals at the centre (district education commission, township
 * government, a donation, a purchase), three rounds of distribution to every
 * school (a few received short, with a note), a school's own donation, daily
 * use, a physical count, a mistaken entry reversed, a delivery still in
 * transit, and requests in every state. Against the default targets (2 masks
 * and 0.02 L of disinfectant per person per day for 14 days of reopening),
 * most schools are short of masks and disinfectant; a few have run out.
 */
import crypto from 'node:crypto';
import { addDays, dayInTimeZone, instantOfDay, transferNumber } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import { seededRandom } from './names.js';

export const SUPPLY_HISTORY_DAYS = 30;

type Code = 'mask' | 'disinfectant' | 'infrared_thermometer' | 'handheld_thermometer' | 'hand_sanitiser' | 'gloves';
type Tx = Prisma.TransactionClient;

export interface Movement {
  schoolId: string | null;
  code: Code;
  type: 'receipt' | 'transfer_out' | 'transfer_in' | 'consumption' | 'count_adjustment' | 'reversal';
  quantity: number;
  at: Date;
  by: { id: string; name: string };
  source?: string;
  documentNumber?: string;
  transferId?: string;
  reversesId?: string;
  reversedType?: string;
  note?: string;
  id?: string;
}

interface PlannedTransfer {
  schoolId: string;
  offset: number;
  lines: Partial<Record<Code, number>>;
  receivedOffset: number | null;
  shortBy?: { code: Code; quantity: number; note: string };
  requestId?: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * `uses`: other features' consumption to book with the rest, in time order (the disinfection log's rounds);
 * the days from `usesFrom` on take their disinfectant use from it instead of the daily figure. Answers what was
 * booked for each id (a use beyond the stock is cut to what was left, and one of nothing is not booked).
 */
export async function seedDemoSupplies(tx: Tx, timeZone: string, options: { now?: Date; uses?: Movement[]; usesFrom?: number } = {}): Promise<Map<string, number>> {
  const now = options.now ?? new Date();
  const random = seededRandom(6);
  const today = dayInTimeZone(now, timeZone);
  const at = (offset: number, hour: number, minute = 0) => instantOfDay(addDays(today, offset), timeZone, hour * 60 + minute);
  const items = Object.fromEntries((await tx.supplyItem.findMany()).map((item) => [item.code, item])) as unknown as Record<Code, { id: string; name: string }>;
  const schools = await tx.school.findMany({ orderBy: { code: 'asc' }, include: { users: { where: { role: { in: ['principal', 'gate_duty'] } } } } });
  const centreUser = await tx.user.findUniqueOrThrow({ where: { username: 'centre' } });
  const centre = { id: centreUser.id, name: centreUser.displayName };
  const heads = new Map<string, { everyone: number; staff: number }>();
  for (const row of await tx.person.groupBy({ by: ['schoolId', 'kind'], where: { status: 'active' }, _count: { _all: true } })) {
    const entry = heads.get(row.schoolId) ?? { everyone: 0, staff: 0 };
    entry.everyone += row._count._all;
    if (row.kind === 'staff') entry.staff += row._count._all;
    heads.set(row.schoolId, entry);
  }
  const movements: Movement[] = [];
  const transfers: Prisma.TransferCreateManyInput[] = [];
  const transferLines: Prisma.TransferLineCreateManyInput[] = [];

  // Arrivals at the centre.
  const arrivals: [number, string, string, Partial<Record<Code, number>>][] = [
    [-30, 'district_commission', '区教委〔2020〕3号', { mask: 8000, disinfectant: 300, infrared_thermometer: 30, handheld_thermometer: 150, hand_sanitiser: 150, gloves: 2000 }],
    [-20, 'township_government', '义和府发〔2020〕7号', { mask: 5000, disinfectant: 200, infrared_thermometer: 10 }],
    [-12, 'donation', '爱心企业捐赠 JZ-0212', { mask: 3000, hand_sanitiser: 100 }],
    [-5, 'purchase', '采购合同 CG2020-015', { mask: 2000, disinfectant: 100, gloves: 1000 }],
  ];
  for (const [offset, source, documentNumber, lines] of arrivals) {
    for (const [code, quantity] of Object.entries(lines) as [Code, number][]) {
      movements.push({ schoolId: null, code, type: 'receipt', quantity, at: at(offset, 9, 30), by: centre, source, documentNumber });
    }
  }

  // Three rounds of distribution, in proportion to each school's roster; received the next morning.
  const total = [...heads.values()].reduce((sum, entry) => sum + entry.everyone, 0);
  const rounds: [number, Partial<Record<Code, number>>][] = [
    [-28, { mask: 6000, disinfectant: 220, infrared_thermometer: 22, handheld_thermometer: 110, hand_sanitiser: 110, gloves: 1500 }],
    [-18, { mask: 4500, disinfectant: 160, infrared_thermometer: 8, gloves: 400 }],
    [-10, { mask: 2500, hand_sanitiser: 80, disinfectant: 60 }],
  ];
  const planned: PlannedTransfer[] = [];
  /** Transfers are numbered in the order they were issued (the database assigns the numbers). */
  const issueAll = () => {
    planned.sort((a, b) => a.offset - b.offset);
    for (const plan of planned) {
      const id = crypto.randomUUID();
      const received = plan.receivedOffset !== null;
      const receiver = principalOf(plan.schoolId);
      transfers.push({
        id,
        schoolId: plan.schoolId,
        requestId: plan.requestId ?? null,
        status: received ? 'received' : 'in_transit',
        issuedAt: at(plan.offset, 14),
        issuedById: centre.id,
        issuedByName: centre.name,
        note: plan.requestId ? null : '按师生人数配发',
        ...(received ? { receivedAt: at(plan.receivedOffset!, 9), receivedById: receiver.id, receivedByName: receiver.name, discrepancyNote: plan.shortBy?.note ?? null } : {}),
      });
      for (const [code, quantity] of Object.entries(plan.lines) as [Code, number][]) {
        if (quantity <= 0) continue;
        const got = plan.shortBy?.code === code ? quantity - plan.shortBy.quantity : quantity;
        transferLines.push({ transferId: id, itemId: items[code].id, issuedQuantity: quantity, receivedQuantity: received ? got : null });
        movements.push({ schoolId: null, code, type: 'transfer_out', quantity: -quantity, at: at(plan.offset, 14), by: centre, transferId: id });
        if (received) movements.push({ schoolId: plan.schoolId, code, type: 'transfer_in', quantity: got, at: at(plan.receivedOffset!, 9), by: receiver, transferId: id, note: plan.shortBy?.code === code ? plan.shortBy.note : undefined });
      }
    }
  };
  const principalOf = (schoolId: string) => {
    const user = schools.find((school) => school.id === schoolId)!.users.find((candidate) => candidate.role === 'principal')!;
    return { id: user.id, name: user.displayName };
  };
  const gateOf = (schoolId: string) => {
    const user = schools.find((school) => school.id === schoolId)!.users.find((candidate) => candidate.role === 'gate_duty')!;
    return { id: user.id, name: user.displayName };
  };
  for (const [roundIndex, [offset, lines]] of rounds.entries()) {
    for (const [schoolIndex, school] of schools.entries()) {
      const share = (heads.get(school.id)?.everyone ?? 0) / total;
      const portion = Object.fromEntries(
        (Object.entries(lines) as [Code, number][]).map(([code, quantity]) => {
          if (code === 'infrared_thermometer') return [code, roundIndex === 0 ? 1 : schoolIndex < 8 ? 1 : 0];
          if (code === 'handheld_thermometer') return [code, Math.max(3, Math.round(quantity * share))];
          if (code === 'disinfectant') return [code, round2(Math.max(2, quantity * share))];
          if (code === 'mask') return [code, Math.max(20, Math.round(quantity * share))];
          return [code, Math.max(1, Math.round(quantity * share))];
        }),
      ) as Partial<Record<Code, number>>;
      // Round one: one box of masks to 石门村小学 arrived damp and was discarded.
      const shortBy = roundIndex === 0 && school.code === 'S07' ? { code: 'mask' as const, quantity: 50, note: '一箱口罩受潮,50 个不能使用,已拍照留存' } : undefined;
      planned.push({ schoolId: school.id, offset, lines: portion, receivedOffset: offset + 1, shortBy });
    }
  }

  // Requests: approved in full, in part, declined, and two still pending.
  const requests: Prisma.SupplyRequestCreateManyInput[] = [];
  const requestLines: Prisma.SupplyRequestLineCreateManyInput[] = [];
  const request = (code: string, offset: number, reason: string, lines: Partial<Record<Code, [number, number | null]>>, decision?: { status: 'approved' | 'partly_approved' | 'declined'; note: string | null; offset: number }) => {
    const school = schools.find((candidate) => candidate.code === code)!;
    const id = crypto.randomUUID();
    requests.push({
      id,
      schoolId: school.id,
      reason,
      status: decision?.status ?? 'pending',
      requestedAt: at(offset, 10),
      requestedById: principalOf(school.id).id,
      requestedByName: principalOf(school.id).name,
      ...(decision ? { decidedAt: at(decision.offset, 11), decidedById: centre.id, decidedByName: centre.name, decisionNote: decision.note } : {}),
    });
    for (const [itemCode, [asked, approved]] of Object.entries(lines) as [Code, [number, number | null]][]) {
      requestLines.push({ requestId: id, itemId: items[itemCode].id, requestedQuantity: asked, approvedQuantity: approved });
    }
    if (decision && decision.status !== 'declined') {
      const approvedLines = Object.fromEntries((Object.entries(lines) as [Code, [number, number | null]][]).map(([itemCode, [, approved]]) => [itemCode, approved ?? 0]));
      planned.push({ schoolId: school.id, offset: decision.offset, lines: approvedLines, receivedOffset: decision.offset + 1, requestId: id });
    }
  };
  request('S01', -16, '中心小学开设隔离观察室,需增配测温仪与口罩', { mask: [600, 600], infrared_thermometer: [1, 1] }, { status: 'approved', note: null, offset: -15 });
  request('S02', -9, '初三年级准备返校复课,口罩和消毒液缺口较大', { mask: [1500, 800], disinfectant: [30, 15] }, { status: 'partly_approved', note: '中心库存有限,先配发一半,其余待区教委下一批物资', offset: -8 });
  request('S09', -7, '值班教师手套用完', { gloves: [300, 0] }, { status: 'declined', note: '手套已按人数全部配发,请先调剂使用,可自行采购', offset: -6 });
  request('S05', -2, '村小复学准备,口罩仅够一周', { mask: [400, null], disinfectant: [10, null] });
  request('S12', -1, '红外测温仪损坏一台,需补充', { infrared_thermometer: [1, null] });

  // A school's own arrival: 义和镇初级中学's parents' committee donated masks.
  const middle = schools.find((school) => school.code === 'S02')!;
  movements.push({ schoolId: middle.id, code: 'mask', type: 'receipt', quantity: 500, at: at(-14, 16), by: principalOf(middle.id), source: 'donation', documentNumber: '家委会捐赠', note: '初三家长委员会捐赠' });

  // Yesterday's delivery to two village schools is still on the road.
  for (const code of ['S10', 'S11']) planned.push({ schoolId: schools.find((school) => school.code === code)!.id, offset: -1, lines: { mask: 200, disinfectant: 8 }, receivedOffset: null });
  issueAll();

  // Daily use, every school, from the day after the first delivery until yesterday: masks for staff on
  // duty and for families who need them, disinfectant for the buildings. A few schools use far more
  // (新桥村小学 hands masks to quarantined families, 白果村小学's duty staff wear out their gloves,
  // 青杠村小学 disinfects the village clinic's waiting room too): they are the ones about to run out.
  const heavier: Record<string, Partial<Record<Code, number>>> = { S05: { mask: 4 }, S09: { gloves: 4 }, S12: { disinfectant: 3 } };
  const dailyUse = (school: { id: string; code: string }, code: Code): number => {
    const entry = heads.get(school.id) ?? { everyone: 0, staff: 0 };
    const students = entry.everyone - entry.staff;
    const factor = (heavier[school.code]?.[code] ?? 1) * (0.8 + random() * 0.4);
    switch (code) {
      case 'mask':
        return Math.round((entry.staff * 0.5 + students * 0.02) * factor);
      case 'disinfectant':
        return round2((0.2 + entry.everyone * 0.002) * factor);
      case 'gloves':
        return Math.round(entry.staff * 0.12 * factor);
      case 'hand_sanitiser':
        return random() < 0.1 ? 1 : 0;
      default:
        return 0;
    }
  };
  for (let offset = -27; offset <= -1; offset += 1) {
    for (const school of schools) {
      for (const code of ['mask', 'disinfectant', 'gloves', 'hand_sanitiser'] as Code[]) {
        const quantity = dailyUse(school, code);
        // (drawn anyway, so the other figures stay what they were)
        if (code === 'disinfectant' && options.usesFrom !== undefined && offset >= options.usesFrom) continue;
        if (quantity > 0) movements.push({ schoolId: school.id, code, type: 'consumption', quantity: -quantity, at: at(offset, 17, Math.floor(random() * 60)), by: random() < 0.5 ? gateOf(school.id) : principalOf(school.id), note: code === 'mask' ? '值班及发放' : undefined });
      }
    }
  }

  // Last week's count at three schools (the difference from the ledger); a mistaken entry at
  // 义和镇中心幼儿园 (5 L for 0.5 L) reversed and entered again.
  for (const [code, difference] of [['S01', -12], ['S04', -5], ['S13', 8]] as const) {
    const school = schools.find((candidate) => candidate.code === code)!;
    movements.push({ schoolId: school.id, code: 'mask', type: 'count_adjustment', quantity: difference, at: at(-6, 16), by: principalOf(school.id), note: '周盘点' });
  }
  const kindergarten = schools.find((school) => school.code === 'S03')!;
  const mistakenId = crypto.randomUUID();
  movements.push(
    { id: mistakenId, schoolId: kindergarten.id, code: 'disinfectant', type: 'consumption', quantity: -5, at: at(-3, 17, 40), by: gateOf(kindergarten.id), note: '误录:应为 0.5 升' },
    { schoolId: kindergarten.id, code: 'disinfectant', type: 'reversal', quantity: 0, at: at(-3, 17, 40), by: principalOf(kindergarten.id), reversesId: mistakenId, reversedType: 'consumption', note: '录入错误,冲销' },
    { schoolId: kindergarten.id, code: 'disinfectant', type: 'consumption', quantity: -0.5, at: at(-3, 17, 42), by: principalOf(kindergarten.id), note: '更正' },
  );

  movements.push(...(options.uses ?? []));

  // Book everything in time order, as the API would: use and counts beyond the stock are cut to what
  // is left (the school ran out); anything else going below zero is a mistake in this file.
  movements.sort((a, b) => a.at.getTime() - b.at.getTime());
  const balances = new Map<string, number>();
  const booked = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  for (const movement of movements) {
    const key = `${movement.schoolId}:${movement.code}`;
    const before = balances.get(key) ?? 0;
    let quantity = movement.quantity;
    if (movement.reversesId) {
      const original = booked.get(movement.reversesId);
      if (original === undefined) continue;
      quantity = -original;
    }
    if (movement.type === 'consumption' || movement.type === 'count_adjustment') quantity = Math.max(quantity, -before);
    quantity = round2(quantity);
    if (quantity === 0 && movement.type === 'consumption') continue;
    const after = round2(before + quantity);
    if (after < 0) throw new Error(`demo supplies: ${movement.type} of ${movement.code} would go below zero`);
    balances.set(key, after);
    const id = movement.id ?? crypto.randomUUID();
    booked.set(id, quantity);
    rows.push({
      id,
      ord: rows.length,
      schoolId: movement.schoolId,
      itemId: items[movement.code].id,
      type: movement.type,
      quantity,
      balanceAfter: after,
      occurredAt: movement.at.toISOString(),
      recordedAt: new Date(movement.at.getTime() + 5 * 60_000).toISOString(),
      recordedById: movement.by.id,
      recordedByName: movement.by.name,
      source: movement.source ?? null,
      documentNumber: movement.documentNumber ?? null,
      transferId: movement.transferId ?? null,
      reversesId: movement.reversesId ?? null,
      reversedType: movement.reversedType ?? null,
      note: movement.note ?? null,
    });
  }

  // A school of its own: 义和镇中心小学 keeps 4 infrared thermometers (two gates).
  await tx.schoolTarget.create({ data: { schoolId: schools[0]!.id, itemId: items.infrared_thermometer.id, mode: 'fixed', quantity: 4, updatedById: centre.id } });
  await tx.supplyRequest.createMany({ data: requests });
  await tx.supplyRequestLine.createMany({ data: requestLines });
  await tx.transfer.createMany({ data: transfers });
  await tx.transferLine.createMany({ data: transferLines });
  const numbers = new Map((await tx.transfer.findMany({ select: { id: true, number: true } })).map((row) => [row.id, transferNumber(row.number)]));
  for (const row of rows) if (row.transferId) row.documentNumber = numbers.get(row.transferId as string) ?? null;
  // One JSON parameter per chunk, inserted in ledger order so `seq` follows it.
  for (let index = 0; index < rows.length; index += 5000) {
    const chunk = JSON.stringify(rows.slice(index, index + 5000));
    await tx.$executeRaw`
      INSERT INTO "StockMovement" (id, "schoolId", "itemId", type, quantity, "balanceAfter", "occurredAt", "recordedAt", "recordedById", "recordedByName",
                                   source, "documentNumber", "transferId", "reversesId", "reversedType", note)
      SELECT id, "schoolId", "itemId", type::"MovementType", quantity, "balanceAfter", "occurredAt", "recordedAt", "recordedById", "recordedByName",
             source::"ReceiptSource", "documentNumber", "transferId", "reversesId", "reversedType"::"MovementType", note
      FROM jsonb_to_recordset(${chunk}::jsonb) AS x(id uuid, ord int, "schoolId" uuid, "itemId" uuid, type text, quantity numeric, "balanceAfter" numeric,
        "occurredAt" timestamptz, "recordedAt" timestamptz, "recordedById" uuid, "recordedByName" text, source text, "documentNumber" text,
        "transferId" uuid, "reversesId" uuid, "reversedType" text, note text)
      ORDER BY ord`;
  }
  return booked;
}
