/**
 * The centre's shortfall matrix (schools × items) and what is built from it:
 * a school's own stock view and the alert list. The ledger is read in one SQL
 * statement (current balance, the use window, transit, school targets per
 * cell); the figures are then made by the shared rules (supplyCell), so the
 * browser shows the same numbers and formulas.
 */
import {
  compareStatus,
  dayInTimeZone,
  instantOfDay,
  isAlert,
  supplyCell,
  supplyFormula,
  useWindow,
  worstStatus,
  ALERT_DAYS,
  type Heads,
  type HolderStock,
  type Language,
  type MatrixCell,
  type MatrixRow,
  type ShortfallMatrix,
  type StockStatus,
  type SupplyAlert,
  type SupplyFigure,
} from '@campus/shared';
import type { z } from 'zod';
import type { HolderStockQuery, MatrixQuery } from '@campus/shared';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { FieldError } from '../../lib/errors.js';
import { scope, type Actor } from '../scope.js';
import { centreToday, ITEM_ORDER, itemRule, resolveHolder, ruleOf, toSupplyItem, type ItemRow } from './common.js';

interface CellRow {
  schoolId: string;
  itemId: string;
  onHand: number;
  inTransit: number;
  used: number;
  firstUse: Date | null;
  mode: string | null;
  quantity: number | null;
  basis: string | null;
  perDay: number | null;
  days: number | null;
}

interface SchoolInfo {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export interface ComputedMatrix {
  today: string;
  window: { from: string; to: string };
  items: ItemRow[];
  rows: (Omit<MatrixRow, 'cells'> & { cells: MatrixCell[] })[];
}

/**
 * One statement over the ledger: for every active school × item in scope,
 * the balance after the last movement (an index-only probe per cell), the
 * use in the window (net of reversals), what is in transit, and the school's
 * own target if it has one.
 */
async function cellRows(db: Db, filter: { schoolId?: string; itemId?: string }, from: Date, to: Date): Promise<CellRow[]> {
  const school = filter.schoolId ? Prisma.sql`AND s.id = ${filter.schoolId}::uuid` : Prisma.empty;
  const item = filter.itemId ? Prisma.sql`AND i.id = ${filter.itemId}::uuid` : Prisma.empty;
  const movementSchool = filter.schoolId ? Prisma.sql`AND m."schoolId" = ${filter.schoolId}::uuid` : Prisma.sql`AND m."schoolId" IS NOT NULL`;
  const movementItem = filter.itemId ? Prisma.sql`AND m."itemId" = ${filter.itemId}::uuid` : Prisma.empty;
  const transferSchool = filter.schoolId ? Prisma.sql`AND t."schoolId" = ${filter.schoolId}::uuid` : Prisma.empty;
  return db.$queryRaw<CellRow[]>`
    WITH s AS (SELECT s.id FROM "School" s WHERE s.active ${school}),
         i AS (SELECT i.id FROM "SupplyItem" i WHERE i.active ${item}),
         used AS (
           SELECT m."schoolId", m."itemId", -sum(m.quantity) AS used, min(m."occurredAt") AS "firstUse"
           FROM "StockMovement" m
           WHERE (m.type = 'consumption' OR m."reversedType" = 'consumption')
             AND m."occurredAt" >= ${from} AND m."occurredAt" < ${to} ${movementSchool} ${movementItem}
           GROUP BY 1, 2),
         transit AS (
           SELECT t."schoolId", l."itemId", sum(l."issuedQuantity") AS quantity
           FROM "Transfer" t JOIN "TransferLine" l ON l."transferId" = t.id
           WHERE t.status = 'in_transit' ${transferSchool}
           GROUP BY 1, 2)
    SELECT s.id AS "schoolId", i.id AS "itemId",
           coalesce((SELECT m."balanceAfter" FROM "StockMovement" m WHERE m."schoolId" = s.id AND m."itemId" = i.id ORDER BY m.seq DESC LIMIT 1), 0)::float8 AS "onHand",
           coalesce(tr.quantity, 0)::float8 AS "inTransit",
           coalesce(u.used, 0)::float8 AS used,
           u."firstUse",
           st.mode::text AS mode, st.quantity::float8 AS quantity, st.basis::text AS basis, st."perDay"::float8 AS "perDay", st.days
    FROM s CROSS JOIN i
    LEFT JOIN used u ON u."schoolId" = s.id AND u."itemId" = i.id
    LEFT JOIN transit tr ON tr."schoolId" = s.id AND tr."itemId" = i.id
    LEFT JOIN "SchoolTarget" st ON st."schoolId" = s.id AND st."itemId" = i.id`;
}

/** Heads on the roster per school: everyone (students + staff) and staff, active only. */
export async function headsBySchool(db: Db, schoolId?: string): Promise<Map<string, Heads>> {
  const rows = await db.$queryRaw<{ schoolId: string; everyone: number; staff: number }[]>`
    SELECT p."schoolId", count(*)::int AS everyone, (count(*) FILTER (WHERE p.kind = 'staff'))::int AS staff
    FROM "Person" p WHERE p.status = 'active' ${schoolId ? Prisma.sql`AND p."schoolId" = ${schoolId}::uuid` : Prisma.empty}
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.schoolId, { everyone: row.everyone, staff: row.staff }]));
}

const NO_HEADS: Heads = { everyone: 0, staff: 0 };

/** Every cell of the matrix in scope, with its figures. */
export async function computeMatrix(db: Db, actor: Actor, filter: { schoolId?: string; itemId?: string }): Promise<ComputedMatrix> {
  const rule = scope.supplies(actor);
  const schoolId = rule.schoolId ?? filter.schoolId;
  if (rule.schoolId && filter.schoolId && filter.schoolId !== rule.schoolId) return { ...(await centreWindow(db)), items: [], rows: [] };
  const { today, timeZone } = await centreToday(db);
  const window = useWindow(today);
  const from = instantOfDay(window.from, timeZone);
  const to = instantOfDay(today, timeZone);
  const [items, schools, heads, cells] = await Promise.all([
    db.supplyItem.findMany({ where: { active: true, ...(filter.itemId ? { id: filter.itemId } : {}) }, orderBy: [...ITEM_ORDER] }),
    db.school.findMany({ where: { active: true, ...(schoolId ? { id: schoolId } : {}) }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, kind: true } }),
    headsBySchool(db, schoolId),
    cellRows(db, { schoolId, itemId: filter.itemId }, from, to),
  ]);
  const cellOf = new Map(cells.map((cell) => [`${cell.schoolId}:${cell.itemId}`, cell]));
  const defaults = new Map(items.map((item) => [item.id, itemRule(item)]));
  const rows = schools.map((school: SchoolInfo) => {
    const schoolHeads = heads.get(school.id) ?? NO_HEADS;
    const rowCells = items.map((item) => {
      const row = cellOf.get(`${school.id}:${item.id}`);
      return supplyCell({
        itemId: item.id,
        unit: item.unit,
        kind: item.kind,
        onHand: row?.onHand ?? 0,
        inTransit: row?.inTransit ?? 0,
        schoolRule: row ? ruleOf(row) : null,
        defaultRule: defaults.get(item.id) ?? null,
        heads: schoolHeads,
        usedInWindow: row?.used ?? 0,
        firstUseDay: row?.firstUse ? dayInTimeZone(row.firstUse, timeZone) : null,
        today,
      });
    });
    return { schoolId: school.id, code: school.code, name: school.name, kind: school.kind, heads: schoolHeads, worstStatus: worstStatus(rowCells.map((cell) => cell.status)), cells: rowCells };
  });
  return { today, window, items, rows };
}

async function centreWindow(db: Db) {
  const { today } = await centreToday(db);
  return { today, window: useWindow(today) };
}

type Row = ComputedMatrix['rows'][number];

/** The figure a row is sorted by: one item's cell, or (unit-free figures only) the row's worst. */
function sortKey(row: Row, sort: z.output<typeof MatrixQuery>['sort'], itemId: string | undefined): number | string | null {
  const cell = itemId ? row.cells.find((candidate) => candidate.itemId === itemId) : undefined;
  switch (sort) {
    case 'school':
      return row.code;
    case 'status':
      return compareStatus(cell?.status ?? row.worstStatus, 'stock_out');
    case 'days_left': {
      if (cell) return cell.daysLeft;
      const days = row.cells.map((candidate) => candidate.daysLeft).filter((value): value is number => value !== null);
      return days.length ? Math.min(...days) : null;
    }
    case 'shortfall':
      return cell?.shortfall ?? null;
    case 'on_hand':
      return cell?.onHand ?? null;
  }
}

/**
 * The matrix as the centre reads it: filtered (item, school, status), sorted
 * (by school, or by a column's status / days left / shortfall / stock),
 * paged, with column totals over every matching school (the township's gap
 * per item). Units are never mixed: shortfall and stock sort by one item.
 */
export async function shortfallMatrix(db: Db, actor: Actor, query: z.output<typeof MatrixQuery>): Promise<ShortfallMatrix> {
  const sortItemId = query.sortItemId ?? query.itemId;
  if ((query.sort === 'shortfall' || query.sort === 'on_hand') && !sortItemId) throw new FieldError({ sortItemId: 'field.sort_item_required' });
  const computed = await computeMatrix(db, actor, { schoolId: query.schoolId, itemId: query.itemId });
  const rows = filterAndSort(computed, query, sortItemId);
  const centreOnHand = actor.role === 'centre_admin' || actor.role === 'observer' ? await centreBalances(db, computed.items) : null;
  return {
    today: computed.today,
    useWindow: computed.window,
    alertDays: ALERT_DAYS,
    items: computed.items.map((item) => {
      const wire = toSupplyItem(item);
      return { id: wire.id, code: wire.code, name: wire.name, nameEn: wire.nameEn, unit: wire.unit, kind: wire.kind, decimals: wire.decimals, defaultTarget: wire.defaultTarget };
    }),
    rows: rows.slice(query.offset, query.offset + query.limit),
    totals: columnTotals(computed.items, rows),
    totalRows: rows.length,
    centreOnHand,
  };
}

export function filterAndSort(computed: ComputedMatrix, query: Pick<z.output<typeof MatrixQuery>, 'status' | 'sort' | 'order' | 'itemId'>, sortItemId: string | undefined): Row[] {
  const matches = (row: Row) => !query.status || row.cells.some((cell) => (!query.itemId || cell.itemId === query.itemId) && cell.status === query.status);
  const direction = query.order === 'desc' ? -1 : 1;
  return computed.rows
    .filter(matches)
    .map((row) => ({ row, key: sortKey(row, query.sort, sortItemId) }))
    .sort((a, b) => {
      // Rows without the figure (no target, no use) go last either way.
      if (a.key === null && b.key !== null) return 1;
      if (b.key === null && a.key !== null) return -1;
      if (a.key !== null && b.key !== null && a.key !== b.key) return (a.key < b.key ? -1 : 1) * direction;
      return a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0;
    })
    .map(({ row }) => row);
}

const cents = (value: number) => Math.round(value * 100);

export function columnTotals(items: ItemRow[], rows: Row[]) {
  return items.map((item) => {
    const cells = rows.map((row) => row.cells.find((cell) => cell.itemId === item.id)!);
    const sum = (pick: (cell: MatrixCell) => number | null) => cells.reduce((total, cell) => total + cents(pick(cell) ?? 0), 0) / 100;
    const count = (status: StockStatus) => cells.filter((cell) => cell.status === status).length;
    return {
      itemId: item.id,
      onHand: sum((cell) => cell.onHand),
      inTransit: sum((cell) => cell.inTransit),
      target: sum((cell) => cell.target),
      shortfall: sum((cell) => cell.shortfall),
      schoolsOut: count('stock_out'),
      schoolsShort: count('short'),
      schoolsUnknown: count('unknown'),
    };
  });
}

/** The centre store's balance of each item (one index probe each). */
async function centreBalances(db: Db, items: ItemRow[]) {
  if (!items.length) return [];
  const rows = await db.$queryRaw<{ itemId: string; onHand: number }[]>`
    SELECT i.id AS "itemId",
           coalesce((SELECT m."balanceAfter" FROM "StockMovement" m WHERE m."schoolId" IS NULL AND m."itemId" = i.id ORDER BY m.seq DESC LIMIT 1), 0)::float8 AS "onHand"
    FROM "SupplyItem" i WHERE i.id IN (${Prisma.join(items.map((item) => Prisma.sql`${item.id}::uuid`))})`;
  const byId = new Map(rows.map((row) => [row.itemId, row.onHand]));
  return items.map((item) => ({ itemId: item.id, onHand: byId.get(item.id) ?? 0 }));
}

/** Schools out of stock or under ALERT_DAYS of cover: stock-outs first, then the fewest days. */
export async function supplyAlerts(db: Db, actor: Actor): Promise<{ today: string; alertDays: number; items: SupplyAlert[] }> {
  const computed = await computeMatrix(db, actor, {});
  const itemOf = new Map(computed.items.map((item) => [item.id, item]));
  const alerts = computed.rows.flatMap((row) =>
    row.cells.filter(isAlert).map((cell) => {
      const item = itemOf.get(cell.itemId)!;
      return {
        schoolId: row.schoolId,
        schoolCode: row.code,
        schoolName: row.name,
        itemId: item.id,
        itemName: item.name,
        unit: item.unit,
        status: cell.status,
        onHand: cell.onHand,
        inTransit: cell.inTransit,
        daysLeft: cell.daysLeft,
        shortfall: cell.shortfall,
        sortOrder: item.sortOrder,
      };
    }),
  );
  alerts.sort(
    (a, b) =>
      (a.status === 'stock_out' ? 0 : 1) - (b.status === 'stock_out' ? 0 : 1) ||
      (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
      a.schoolCode.localeCompare(b.schoolCode) ||
      a.sortOrder - b.sortOrder,
  );
  return { today: computed.today, alertDays: ALERT_DAYS, items: alerts.map(({ sortOrder: _sortOrder, ...alert }) => alert) };
}

const FIGURES: SupplyFigure[] = ['on_hand', 'target', 'shortfall', 'days_left', 'status'];

/**
 * One holder's stock, item by item. A school: its figures (the matrix row)
 * with the formula behind each. The centre's store: what is on hand, what
 * it has sent that is not yet received, and what pending requests ask for.
 */
export async function holderStock(db: Db, actor: Actor, query: z.output<typeof HolderStockQuery>, language: Language): Promise<HolderStock> {
  const holder = await resolveHolder(db, actor, query.holder);
  const { today } = await centreToday(db);
  if (holder.schoolId) {
    const computed = await computeMatrix(db, actor, { schoolId: holder.schoolId });
    const row = computed.rows[0];
    const heads = row?.heads ?? NO_HEADS;
    return {
      schoolId: holder.schoolId,
      holderName: holder.name,
      today,
      heads,
      items: computed.items.map((item, index) => {
        const cell = row?.cells[index] ?? null;
        return {
          item: toSupplyItem(item),
          onHand: cell?.onHand ?? 0,
          inTransit: cell?.inTransit ?? 0,
          pendingRequested: null,
          cell,
          formulas: cell ? Object.fromEntries(FIGURES.map((figure) => [figure, supplyFormula(figure, cell, { unit: item.unit, heads, language })])) : null,
        };
      }),
    };
  }
  const items = await db.supplyItem.findMany({ where: { active: true }, orderBy: [...ITEM_ORDER] });
  const [balances, transit, pending] = await Promise.all([
    centreBalances(db, items),
    db.$queryRaw<{ itemId: string; quantity: number }[]>`
      SELECT l."itemId", sum(l."issuedQuantity")::float8 AS quantity FROM "Transfer" t JOIN "TransferLine" l ON l."transferId" = t.id WHERE t.status = 'in_transit' GROUP BY 1`,
    db.$queryRaw<{ itemId: string; quantity: number }[]>`
      SELECT l."itemId", sum(l."requestedQuantity")::float8 AS quantity FROM "SupplyRequest" r JOIN "SupplyRequestLine" l ON l."requestId" = r.id WHERE r.status = 'pending' GROUP BY 1`,
  ]);
  const of = (rows: { itemId: string; quantity: number }[], itemId: string) => rows.find((row) => row.itemId === itemId)?.quantity ?? 0;
  return {
    schoolId: null,
    holderName: holder.name,
    today,
    heads: null,
    items: items.map((item) => ({
      item: toSupplyItem(item),
      onHand: balances.find((balance) => balance.itemId === item.id)?.onHand ?? 0,
      inTransit: of(transit, item.id),
      pendingRequested: of(pending, item.id),
      cell: null,
      formulas: null,
    })),
  };
}
