/**
 * The centre's shortfall matrix (schools × items) and what is built from it:
 * the filtered, sorted, paged view with column totals, a school's own stock
 * view with formulas, and the alert list. The figures come from figures.ts.
 */
import {
  compareStatus,
  isAlert,
  supplyFormula,
  useWindow,
  ALERT_DAYS,
  type HolderStock,
  type Language,
  type ShortfallMatrix,
  type SupplyAlert,
  type SupplyFigure,
} from '@campus/shared';
import { z } from 'zod';
import type { HolderStockQuery, MatrixQuery } from '@campus/shared';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { FieldError } from '../../lib/errors.js';
import { reusable } from '../../lib/serializer.js';
import { scope, type Actor } from '../scope.js';
import { centreToday, ITEM_ORDER, resolveHolder, toSupplyItem, type ItemRow } from './common.js';
import { readCentreBalances, schoolMatrix, townshipMatrix, type ComputedMatrix } from './figures.js';

export type { ComputedMatrix };

/**
 * Every cell of the matrix in scope, with its figures: one school (its own
 * staff, or a filter) read on the spot, the whole township from the shared copy.
 */
export async function computeMatrix(db: Db, actor: Actor, filter: { schoolId?: string; itemId?: string }): Promise<ComputedMatrix> {
  const rule = scope.supplies(actor);
  const { today, timeZone } = await centreToday(db);
  if (rule.schoolId && filter.schoolId && filter.schoolId !== rule.schoolId) return { today, window: useWindow(today), items: [], rows: [], centreOnHand: [] };
  const schoolId = rule.schoolId ?? filter.schoolId;
  const all = schoolId ? await schoolMatrix(db, schoolId, today, timeZone) : await townshipMatrix(db, today, timeZone);
  return filter.itemId ? derived(all, `item:${filter.itemId}`, () => onlyItem(all, filter.itemId!)) : all;
}

/** Views of a matrix (one item's column, a sorted and filtered row list with its totals), made once per shared matrix. */
const views = new WeakMap<ComputedMatrix, Map<string, unknown>>();
function derived<T>(matrix: ComputedMatrix, key: string, make: () => T): T {
  let cache = views.get(matrix);
  if (!cache) views.set(matrix, (cache = new Map<string, unknown>()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

function onlyItem(all: ComputedMatrix, itemId: string): ComputedMatrix {
  const index = all.items.findIndex((item) => item.id === itemId);
  if (index < 0) return { ...all, items: [], rows: all.rows.map((row) => ({ ...row, worstStatus: 'adequate', cells: [] })), centreOnHand: [] };
  return {
    ...all,
    items: [all.items[index]!],
    rows: all.rows.map((row) => ({ ...row, worstStatus: row.cells[index]!.status, cells: [row.cells[index]!] })),
    centreOnHand: all.centreOnHand.filter((line) => line.itemId === itemId),
  };
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
  const { rows, totals } = derived(computed, `rows:${query.status}:${query.sort}:${sortItemId}:${query.order}`, () => {
    const sorted = filterAndSort(computed, query, sortItemId);
    return { rows: sorted, totals: columnTotals(computed.items, sorted) };
  });
  const centreVisible = actor.role === 'centre_admin' || actor.role === 'observer';
  // The same page of the same shared matrix is one object, so its JSON is written once (lib/serializer.ts).
  return derived(computed, `page:${query.status}:${query.sort}:${sortItemId}:${query.order}:${query.offset}:${query.limit}:${centreVisible}`, () =>
    reusable({
      today: computed.today,
      useWindow: computed.window,
      alertDays: ALERT_DAYS,
      items: computed.items.map((item) => {
        const wire = toSupplyItem(item);
        return { id: wire.id, code: wire.code, name: wire.name, nameEn: wire.nameEn, unit: wire.unit, kind: wire.kind, decimals: wire.decimals, defaultTarget: wire.defaultTarget };
      }),
      rows: rows.slice(query.offset, query.offset + query.limit),
      totals,
      totalRows: rows.length,
      centreOnHand: centreVisible ? computed.centreOnHand : null,
    }),
  );
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
  return items.map((item, index) => {
    const total = { itemId: item.id, onHand: 0, inTransit: 0, target: 0, shortfall: 0, schoolsOut: 0, schoolsShort: 0, schoolsUnknown: 0 };
    for (const row of rows) {
      const cell = row.cells[index]!;
      total.onHand += cents(cell.onHand);
      total.inTransit += cents(cell.inTransit);
      total.target += cents(cell.target ?? 0);
      total.shortfall += cents(cell.shortfall ?? 0);
      if (cell.status === 'stock_out') total.schoolsOut += 1;
      else if (cell.status === 'short') total.schoolsShort += 1;
      else if (cell.status === 'unknown') total.schoolsUnknown += 1;
    }
    return { ...total, onHand: total.onHand / 100, inTransit: total.inTransit / 100, target: total.target / 100, shortfall: total.shortfall / 100 };
  });
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

/** An item's total in transit or asked for (float8; checked in tests: db/sql.ts). */
const ItemQuantityRow = z.object({ itemId: z.string(), quantity: z.number() });

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
    const heads = row?.heads ?? { everyone: 0, staff: 0 };
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
    readCentreBalances(db),
    sqlRows(
      db,
      Prisma.sql`SELECT l."itemId", sum(l."issuedQuantity")::float8 AS quantity FROM "Transfer" t JOIN "TransferLine" l ON l."transferId" = t.id WHERE t.status = 'in_transit' GROUP BY 1`,
      { row: ItemQuantityRow },
    ),
    sqlRows(
      db,
      Prisma.sql`SELECT l."itemId", sum(l."requestedQuantity")::float8 AS quantity FROM "SupplyRequest" r JOIN "SupplyRequestLine" l ON l."requestId" = r.id WHERE r.status = 'pending' GROUP BY 1`,
      { row: ItemQuantityRow },
    ),
  ]);
  const of = (rows: { itemId: string; quantity: number }[], itemId: string) => rows.find((row) => row.itemId === itemId)?.quantity ?? 0;
  return {
    schoolId: null,
    holderName: holder.name,
    today,
    heads: null,
    items: items.map((item) => ({
      item: toSupplyItem(item),
      onHand: balances.get(item.id) ?? 0,
      inTransit: of(transit, item.id),
      pendingRequested: of(pending, item.id),
      cell: null,
      formulas: null,
    })),
  };
}
