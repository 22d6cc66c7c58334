/**
 * The figures of every school × item cell. The ledger is read in SQL (the
 * balance after each pair's last movement, the use in the window); transit,
 * targets and heads beside it; the numbers are then made by the shared rules
 * (supplyCell), so the browser shows the same numbers and formulas.
 *
 * One school is read on the spot. The whole township is read once and shared
 * by every reader, then brought up to date in place: SupplyVersion, bumped by
 * the database in the same commit as any change to the ledger, transfers,
 * targets or catalogue, tells a reader whether its copy is current, and
 * SupplyLedgerChange lists the cells each version touched. See
 * docs/decisions/0008-supplies-ledger.md.
 */
import { instantOfDay, supplyCell, useWindow, worstStatus, type Heads, type MatrixCell, type MatrixRow, type TargetRule } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { ITEM_ORDER, itemRule, ruleOf, type ItemRow } from './common.js';

export interface ComputedMatrix {
  today: string;
  window: { from: string; to: string };
  items: ItemRow[];
  rows: (Omit<MatrixRow, 'cells'> & { cells: MatrixCell[] })[];
  /** the centre store's balance of each item */
  centreOnHand: { itemId: string; onHand: number }[];
}

interface SchoolInfo {
  id: string;
  code: string;
  name: string;
  kind: string;
}

interface Use {
  used: number;
  /** the first day in the window with use, in the centre's time zone */
  firstUseDay: string | null;
}

/** What the cells are made of; maps are keyed "schoolId:itemId". */
interface Inputs {
  items: ItemRow[];
  schools: SchoolInfo[];
  heads: Map<string, Heads>;
  balances: Map<string, number>;
  used: Map<string, Use>;
  transit: Map<string, number>;
  rules: Map<string, TargetRule | null>;
  centre: Map<string, number>;
}

interface Window {
  today: string;
  timeZone: string;
  from: Date;
  to: Date;
}

const NO_HEADS: Heads = { everyone: 0, staff: 0 };
const pair = (schoolId: string, itemId: string) => `${schoolId}:${itemId}`;

function windowOf(today: string, timeZone: string): Window {
  return { today, timeZone, from: instantOfDay(useWindow(today).from, timeZone), to: instantOfDay(today, timeZone) };
}

// ------------------------------------------------------------ reading

// The reading statements' rows (float8 and int4 are numbers, uuids text, days to_char text; checked in tests: db/sql.ts).
const PairRow = z.object({ schoolId: z.string(), itemId: z.string() });
const BalanceRow = PairRow.extend({ onHand: z.number().nullable() });
const UseRow = PairRow.extend({ used: z.number(), firstUseDay: z.string().nullable() });
const TransitRow = PairRow.extend({ quantity: z.number() });
const RuleRow = PairRow.extend({ mode: z.string(), quantity: z.number().nullable(), basis: z.string().nullable(), perDay: z.number().nullable(), days: z.number().int().nullable() });
const HeadsRow = z.object({ schoolId: z.string(), everyone: z.number().int(), staff: z.number().int() });
const CentreBalanceRow = z.object({ itemId: z.string(), onHand: z.number() });
/** The stamp: the version (bigint, text on the pool) and the small tables' fingerprints (text). */
const StampRow = z.object({ version: z.string().regex(/^\d+$/), schools: z.string(), items: z.string(), transfers: z.string(), targets: z.string() });

/** Current balances: the balance after each pair's last movement (one index-only probe per cell). */
async function readBalances(db: Db, where: { schoolId?: string } | { pairs: { schoolId: string; itemId: string }[] }): Promise<{ schoolId: string; itemId: string; onHand: number | null }[]> {
  if ('pairs' in where) {
    if (!where.pairs.length) return [];
    return sqlRows(
      db,
      Prisma.sql`
      SELECT p."schoolId"::text AS "schoolId", p."itemId"::text AS "itemId",
             (SELECT m."balanceAfter" FROM "StockMovement" m WHERE m."schoolId" = p."schoolId" AND m."itemId" = p."itemId" ORDER BY m.seq DESC LIMIT 1)::float8 AS "onHand"
      FROM unnest(${where.pairs.map((entry) => entry.schoolId)}::uuid[], ${where.pairs.map((entry) => entry.itemId)}::uuid[]) AS p("schoolId", "itemId")`,
      { row: BalanceRow },
    );
  }
  return sqlRows(
    db,
    Prisma.sql`
    SELECT s.id AS "schoolId", i.id AS "itemId",
           (SELECT m."balanceAfter" FROM "StockMovement" m WHERE m."schoolId" = s.id AND m."itemId" = i.id ORDER BY m.seq DESC LIMIT 1)::float8 AS "onHand"
    FROM "School" s CROSS JOIN "SupplyItem" i
    WHERE s.active AND i.active ${where.schoolId ? Prisma.sql`AND s.id = ${where.schoolId}::uuid` : Prisma.empty}`,
    { row: BalanceRow },
  );
}

/** Use in the window, net of reversals (a reversal carries the reversed movement's date and type). */
async function readUse(db: Db, window: Window, where: { schoolId?: string } | { pairs: { schoolId: string; itemId: string }[] }) {
  const firstUseDay = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${window.timeZone}, 'YYYY-MM-DD')`;
  if ('pairs' in where) {
    if (!where.pairs.length) return [];
    // A few changed cells: each pair's own movements (its index), not the whole window's.
    return sqlRows(
      db,
      Prisma.sql`
      SELECT p."schoolId"::text AS "schoolId", p."itemId"::text AS "itemId", coalesce(u.used, 0) AS used, ${firstUseDay(Prisma.sql`u.first`)} AS "firstUseDay"
      FROM unnest(${where.pairs.map((entry) => entry.schoolId)}::uuid[], ${where.pairs.map((entry) => entry.itemId)}::uuid[]) AS p("schoolId", "itemId")
      CROSS JOIN LATERAL (
        SELECT -sum(m.quantity)::float8 AS used, min(m."occurredAt") AS first
        FROM "StockMovement" m
        WHERE m."schoolId" = p."schoolId" AND m."itemId" = p."itemId"
          AND (m.type = 'consumption' OR m."reversedType" = 'consumption')
          AND m."occurredAt" >= ${window.from} AND m."occurredAt" < ${window.to}) u`,
      { row: UseRow },
    );
  }
  const school = where.schoolId ? Prisma.sql`AND m."schoolId" = ${where.schoolId}::uuid` : Prisma.sql`AND m."schoolId" IS NOT NULL`;
  return sqlRows(
    db,
    Prisma.sql`
    SELECT m."schoolId", m."itemId", -sum(m.quantity)::float8 AS used, ${firstUseDay(Prisma.sql`min(m."occurredAt")`)} AS "firstUseDay"
    FROM "StockMovement" m
    WHERE (m.type = 'consumption' OR m."reversedType" = 'consumption')
      AND m."occurredAt" >= ${window.from} AND m."occurredAt" < ${window.to} ${school}
    GROUP BY 1, 2`,
    { row: UseRow },
  );
}

async function readTransit(db: Db, schoolId?: string): Promise<Map<string, number>> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT t."schoolId", l."itemId", sum(l."issuedQuantity")::float8 AS quantity
    FROM "Transfer" t JOIN "TransferLine" l ON l."transferId" = t.id
    WHERE t.status = 'in_transit' ${schoolId ? Prisma.sql`AND t."schoolId" = ${schoolId}::uuid` : Prisma.empty}
    GROUP BY 1, 2`,
    { row: TransitRow },
  );
  return new Map(rows.map((row) => [pair(row.schoolId, row.itemId), row.quantity]));
}

/** Schools' own targets (instead of the item's default). */
async function readRules(db: Db, schoolId?: string): Promise<Map<string, TargetRule | null>> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT "schoolId", "itemId", mode::text AS mode, quantity::float8 AS quantity, basis::text AS basis, "perDay"::float8 AS "perDay", days
    FROM "SchoolTarget" ${schoolId ? Prisma.sql`WHERE "schoolId" = ${schoolId}::uuid` : Prisma.empty}`,
    { row: RuleRow },
  );
  return new Map(rows.map((row) => [pair(row.schoolId, row.itemId), ruleOf(row)]));
}

/** Heads on the roster per school: everyone (students + staff) and staff, active only. */
export async function headsBySchool(db: Db, schoolId?: string): Promise<Map<string, Heads>> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT p."schoolId", count(*)::int AS everyone, (count(*) FILTER (WHERE p.kind = 'staff'))::int AS staff
    FROM "Person" p WHERE p.status = 'active' ${schoolId ? Prisma.sql`AND p."schoolId" = ${schoolId}::uuid` : Prisma.empty}
    GROUP BY 1`,
    { row: HeadsRow },
  );
  return new Map(rows.map((row) => [row.schoolId, { everyone: row.everyone, staff: row.staff }]));
}

/** The centre store's balance of each item (one index probe each). */
export async function readCentreBalances(db: Db): Promise<Map<string, number>> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT i.id AS "itemId",
           coalesce((SELECT m."balanceAfter" FROM "StockMovement" m WHERE m."schoolId" IS NULL AND m."itemId" = i.id ORDER BY m.seq DESC LIMIT 1), 0)::float8 AS "onHand"
    FROM "SupplyItem" i WHERE i.active`,
    { row: CentreBalanceRow },
  );
  return new Map(rows.map((row) => [row.itemId, row.onHand]));
}

const readItems = (db: Db) => db.supplyItem.findMany({ where: { active: true }, orderBy: [...ITEM_ORDER] });
const readSchools = (db: Db, schoolId?: string) =>
  db.school.findMany({ where: { active: true, ...(schoolId ? { id: schoolId } : {}) }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, kind: true } });

function balanceMap(rows: { schoolId: string; itemId: string; onHand: number | null }[], into = new Map<string, number>()) {
  for (const row of rows) {
    if (row.onHand === null) into.delete(pair(row.schoolId, row.itemId));
    else into.set(pair(row.schoolId, row.itemId), row.onHand);
  }
  return into;
}

function useMap(rows: ({ schoolId: string; itemId: string } & Use)[], into = new Map<string, Use>()) {
  for (const row of rows) into.set(pair(row.schoolId, row.itemId), { used: row.used, firstUseDay: row.firstUseDay });
  return into;
}

async function readAll(db: Db, window: Window, schoolId?: string): Promise<Inputs> {
  const [items, schools, heads, balances, used, transit, rules, centre] = await Promise.all([
    readItems(db),
    readSchools(db, schoolId),
    headsBySchool(db, schoolId),
    readBalances(db, { schoolId }),
    readUse(db, window, { schoolId }),
    readTransit(db, schoolId),
    readRules(db, schoolId),
    readCentreBalances(db),
  ]);
  return { items, schools, heads, balances: balanceMap(balances), used: useMap(used), transit, rules, centre };
}

// ------------------------------------------------------------ making the cells

/**
 * Makes the cells. Given the previous matrix and the schools whose inputs
 * changed, only those rows are made again; the others are the same objects.
 */
function assemble(inputs: Inputs, window: Window, previous?: { matrix: ComputedMatrix; changedSchools: Set<string> }): ComputedMatrix {
  const defaults = inputs.items.map((item) => itemRule(item));
  const rowOf = (school: SchoolInfo) => {
    const heads = inputs.heads.get(school.id) ?? NO_HEADS;
    const cells = inputs.items.map((item, index) => {
      const key = pair(school.id, item.id);
      const use = inputs.used.get(key);
      return supplyCell({
        itemId: item.id,
        unit: item.unit,
        kind: item.kind,
        onHand: inputs.balances.get(key) ?? 0,
        inTransit: inputs.transit.get(key) ?? 0,
        schoolRule: inputs.rules.get(key) ?? null,
        defaultRule: defaults[index]!,
        heads,
        usedInWindow: use?.used ?? 0,
        firstUseDay: use?.firstUseDay ?? null,
        today: window.today,
      });
    });
    return { schoolId: school.id, code: school.code, name: school.name, kind: school.kind, heads, worstStatus: worstStatus(cells.map((cell) => cell.status)), cells };
  };
  const rows = previous
    ? previous.matrix.rows.map((row, index) => (previous.changedSchools.has(row.schoolId) ? rowOf(inputs.schools[index]!) : row))
    : inputs.schools.map(rowOf);
  return {
    today: window.today,
    window: useWindow(window.today),
    items: inputs.items,
    rows,
    centreOnHand: inputs.items.map((item) => ({ itemId: item.id, onHand: inputs.centre.get(item.id) ?? 0 })),
  };
}

/** Keys whose value differs between two maps. */
function changedKeys<T>(before: Map<string, T>, after: Map<string, T>): string[] {
  const keys: string[] = [];
  for (const [key, value] of after) if (JSON.stringify(before.get(key)) !== JSON.stringify(value)) keys.push(key);
  for (const key of before.keys()) if (!after.has(key)) keys.push(key);
  return keys;
}

/**
 * One school's row: taken from the shared township matrix when there is a
 * current one (brought up to date if need be), else read on the spot (a
 * school's staff never set off a read of the whole township).
 */
export async function schoolMatrix(db: Db, schoolId: string, today: string, timeZone: string): Promise<ComputedMatrix> {
  const township = await sharedMatrix(db, today, timeZone, false);
  if (township) {
    const row = rowIndex(township).get(schoolId);
    return { ...township, rows: row ? [row] : [] };
  }
  return readSchoolMatrix(db, schoolId, today, timeZone);
}

/** One school's row read from the ledger now, whatever is shared. */
export async function readSchoolMatrix(db: Db, schoolId: string, today: string, timeZone: string): Promise<ComputedMatrix> {
  const window = windowOf(today, timeZone);
  return assemble(await readAll(db, window, schoolId), window);
}

const rowIndexes = new WeakMap<ComputedMatrix, Map<string, ComputedMatrix['rows'][number]>>();
function rowIndex(matrix: ComputedMatrix) {
  let index = rowIndexes.get(matrix);
  if (!index) rowIndexes.set(matrix, (index = new Map(matrix.rows.map((row) => [row.schoolId, row]))));
  return index;
}

// ------------------------------------------------------------ the shared township matrix

/**
 * Heads on the roster change the per-head targets; the roster has no version
 * of its own, so an update re-reads them when they are older than this.
 */
const HEADS_REFRESH_MS = 60_000;
/** A full read now and then, whatever the fingerprints say. */
const FULL_READ_MS = 10 * 60_000;
/** More changed cells than this since the shared copy: read everything instead. */
const MAX_CHANGED_CELLS = 2_000;

interface SharedState {
  version: bigint;
  /** the school list, the catalogue, the day and the time zone: a change means a full read */
  key: string;
  /** what transit and the schools' own targets were read at: re-read only when these change */
  transfers: string;
  targets: string;
  fullAt: number;
  headsAt: number;
  inputs: Inputs;
  matrix: ComputedMatrix;
}
interface Stamp {
  version: bigint;
  key: string;
  transfers: string;
  targets: string;
}
const shared = new WeakMap<Db, { latest?: SharedState; reading?: { version: bigint; key: string; state: Promise<SharedState> } }>();

/**
 * Where the shared copy stands: the version, and cheap fingerprints of the
 * small tables, so an update re-reads only what changed.
 */
async function readStamp(db: Db, today: string, timeZone: string): Promise<Stamp> {
  // Read on every matrix request, so straight on the pool (db/sql.ts); the version arrives as text.
  const [row] = await sqlRows(db, Prisma.sql`
    SELECT v.version,
           (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "School") AS schools,
           (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "SupplyItem") AS items,
           (SELECT count(*) || ':' || coalesce(max(number), 0) FROM "Transfer" WHERE status = 'in_transit') AS transfers,
           (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "SchoolTarget") AS targets
    FROM "SupplyVersion" v WHERE v.id = 1`, { row: StampRow });
  return { version: BigInt(row?.version ?? 0), key: `${row?.schools}|${row?.items}|${today}|${timeZone}`, transfers: row?.transfers ?? '', targets: row?.targets ?? '' };
}

/**
 * The whole township's matrix, current as of the SupplyVersion the request
 * reads first: a reader whose own write has committed never gets figures from
 * before it. Readers of the same version share one read; a newer version
 * re-reads only the cells it changed (plus transit, targets, the centre).
 */
export async function townshipMatrix(db: Db, today: string, timeZone: string): Promise<ComputedMatrix> {
  return (await sharedMatrix(db, today, timeZone, true))!;
}

/** The shared matrix at the current version; null when there is no recent copy to update and `mayReadAll` is false. */
async function sharedMatrix(db: Db, today: string, timeZone: string, mayReadAll: boolean): Promise<ComputedMatrix | null> {
  const stamp = await readStamp(db, today, timeZone);
  const { version, key } = stamp;
  let slot = shared.get(db);
  if (!slot) shared.set(db, (slot = {}));
  const usable = (state: SharedState | undefined) => state && state.key === key && Date.now() - state.fullAt < FULL_READ_MS;
  if (usable(slot.latest) && slot.latest!.version >= version && Date.now() - slot.latest!.headsAt < HEADS_REFRESH_MS) return slot.latest!.matrix;
  if (slot.reading && slot.reading.key === key && slot.reading.version >= version) return (await slot.reading.state).matrix;

  const base = usable(slot.latest) ? slot.latest : undefined;
  if (!base && !mayReadAll) return null;
  const window = windowOf(today, timeZone);
  const state = base ? update(db, base, stamp, window) : readShared(db, stamp, window);
  slot.reading = { version, key, state };
  try {
    const read = await state;
    if (!slot.latest || read.key !== slot.latest.key || read.version >= slot.latest.version) slot.latest = read;
    return read.matrix;
  } finally {
    if (slot.reading?.state === state) slot.reading = undefined;
  }
}

async function readShared(db: Db, stamp: Stamp, window: Window): Promise<SharedState> {
  const inputs = await readAll(db, window);
  return { ...stamp, fullAt: Date.now(), headsAt: Date.now(), inputs, matrix: assemble(inputs, window) };
}

/**
 * The shared copy brought to the stamp's version: the cells the ledger
 * changed re-read, transit and targets re-read if they changed, the centre's
 * store re-read (ten probes).
 */
async function update(db: Db, base: SharedState, stamp: Stamp, window: Window): Promise<SharedState> {
  const changed = await db.$queryRaw<{ schoolId: string; itemId: string }[]>`
    SELECT DISTINCT "schoolId"::text AS "schoolId", "itemId"::text AS "itemId" FROM "SupplyLedgerChange" WHERE version > ${base.version} AND version <= ${stamp.version}`;
  if (changed.length > MAX_CHANGED_CELLS) return readShared(db, stamp, window);
  const headsDue = Date.now() - base.headsAt >= HEADS_REFRESH_MS;
  const [balances, used, transit, rules, centre, heads] = await Promise.all([
    readBalances(db, { pairs: changed }),
    readUse(db, window, { pairs: changed }),
    stamp.transfers === base.transfers ? base.inputs.transit : readTransit(db),
    stamp.targets === base.targets ? base.inputs.rules : readRules(db),
    readCentreBalances(db),
    headsDue ? headsBySchool(db) : base.inputs.heads,
  ]);
  const usedMap = new Map(base.inputs.used);
  for (const entry of changed) usedMap.delete(pair(entry.schoolId, entry.itemId));
  const inputs: Inputs = { ...base.inputs, balances: balanceMap(balances, new Map(base.inputs.balances)), used: useMap(used, usedMap), transit, rules, centre, heads };
  const changedSchools = new Set(changed.map((entry) => entry.schoolId));
  for (const key of [...(transit === base.inputs.transit ? [] : changedKeys(base.inputs.transit, transit)), ...(rules === base.inputs.rules ? [] : changedKeys(base.inputs.rules, rules))]) {
    changedSchools.add(key.slice(0, key.indexOf(':')));
  }
  if (heads !== base.inputs.heads) for (const schoolId of changedKeys(base.inputs.heads, heads)) changedSchools.add(schoolId);
  return { ...stamp, fullAt: base.fullAt, headsAt: headsDue ? Date.now() : base.headsAt, inputs, matrix: assemble(inputs, window, { matrix: base.matrix, changedSchools }) };
}
