import { IsoDay, maskName, SchoolKind, type AuditRecord } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';
import { sqlRows } from '../db/sql.js';
import type { Db } from '../db/client.js';

/** What an audit row names: its entity and id, and the action (an export names the school or class it exported). */
export interface AuditRowRef {
  action: string;
  entity: string | null;
  entityId: string | null;
}

type Lookup = 'person' | 'followUp' | 'dailyReport' | 'case' | 'checkIn' | 'school' | 'class' | 'account' | 'category' | 'item' | 'request' | 'transfer' | 'movement' | 'target';

const LOOKUP_OF_ENTITY: Record<string, Lookup> = {
  Person: 'person',
  FollowUp: 'followUp',
  DailyReport: 'dailyReport',
  QuarantineCase: 'case',
  CaseCheckIn: 'checkIn',
  School: 'school',
  SchoolClass: 'class',
  User: 'account',
  CensusCategory: 'category',
  SupplyItem: 'item',
  SupplyRequest: 'request',
  Transfer: 'transfer',
  StockMovement: 'movement',
  SchoolTarget: 'target',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ClassParts {
  schoolKind: SchoolKind;
  grade: number;
  name: string;
}

/** The lookups a row needs; a roster export names a school or a class by its id (entity "Person"). */
function lookupsOf(row: AuditRowRef): { lookup: Lookup; id: string }[] {
  if (!row.entity || !row.entityId) return [];
  if (row.entity === 'SchoolTarget' && row.entityId.includes(':')) {
    // A cleared target is named by its school and item ("<schoolId>:<itemId>"): the target row itself is gone.
    const [schoolId = '', itemId = ''] = row.entityId.split(':');
    return UUID.test(schoolId) && UUID.test(itemId) ? [{ lookup: 'school', id: schoolId }, { lookup: 'item', id: itemId }] : [];
  }
  if (!UUID.test(row.entityId)) return [];
  if (row.entity === 'Person' && row.action.startsWith('person.export')) {
    return [{ lookup: 'school', id: row.entityId }, { lookup: 'class', id: row.entityId }];
  }
  const lookup = LOOKUP_OF_ENTITY[row.entity];
  return lookup ? [{ lookup, id: row.entityId }] : [];
}

/** Rows of the lookups below (db/sql.ts checks them in tests). */
const NamedRow = z.object({ id: z.string(), name: z.string() });
const NumberedRow = z.object({ id: z.string(), number: z.number().int(), schoolName: z.string() });

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/**
 * Looks up what the audit rows of one page name, with one statement per kind of
 * record on the page (never one per row), and returns a resolver for each row.
 * `extraSchoolIds` (the rows' own schools) share the schools' statement.
 */
export async function resolveAuditRecords(db: Db, rows: AuditRowRef[], extraSchoolIds: string[] = []) {
  const ids = new Map<Lookup, Set<string>>();
  const want = (lookup: Lookup, id: string) => {
    let set = ids.get(lookup);
    if (!set) ids.set(lookup, (set = new Set()));
    set.add(id);
  };
  for (const row of rows) for (const { lookup, id } of lookupsOf(row)) want(lookup, id);
  for (const id of extraSchoolIds) want('school', id);
  const list = (lookup: Lookup) => [...(ids.get(lookup) ?? [])];
  // Each kind's row as PostgreSQL sends it on the pool (ids cast to text, days as to_char text, grades and numbers int4), checked in tests.
  const query = async <T>(lookup: Lookup, row: z.ZodType<T>, statement: (values: string[]) => Prisma.Sql): Promise<T[]> => {
    const values = list(lookup);
    return values.length ? sqlRows(db, statement(values), { row }) : [];
  };

  const [people, followUps, reports, cases, checkIns, schools, classes, accounts, categories, items, requests, transfers, movements, targets] = await Promise.all([
    query('person', NamedRow, (v) => Prisma.sql`SELECT id::text, name FROM "Person" WHERE id = ANY(${v}::uuid[])`),
    query(
      'followUp',
      z.object({ id: z.string(), personId: z.string(), name: z.string(), day: IsoDay }),
      (v) => Prisma.sql`SELECT f.id::text, f."personId"::text AS "personId", p.name, to_char(f.day, 'YYYY-MM-DD') AS day
        FROM "FollowUp" f JOIN "Person" p ON p.id = f."personId" WHERE f.id = ANY(${v}::uuid[])`,
    ),
    query(
      'dailyReport',
      z.object({ id: z.string(), schoolId: z.string(), schoolName: z.string(), schoolKind: SchoolKind, day: IsoDay, grade: z.number().int().nullable(), className: z.string().nullable() }),
      (v) => Prisma.sql`SELECT r.id::text, r."schoolId"::text AS "schoolId", s.name AS "schoolName", s.kind::text AS "schoolKind",
          to_char(r.day, 'YYYY-MM-DD') AS day, c.grade, c.name AS "className"
        FROM "DailyReport" r JOIN "School" s ON s.id = r."schoolId" LEFT JOIN "SchoolClass" c ON c.id = r."classId"
        WHERE r.id = ANY(${v}::uuid[])`,
    ),
    query('case', NamedRow, (v) => Prisma.sql`SELECT q.id::text, p.name FROM "QuarantineCase" q JOIN "Person" p ON p.id = q."personId" WHERE q.id = ANY(${v}::uuid[])`),
    query(
      'checkIn',
      z.object({ id: z.string(), caseId: z.string(), name: z.string(), day: IsoDay }),
      (v) => Prisma.sql`SELECT k.id::text, k."caseId"::text AS "caseId", p.name, to_char(k.day, 'YYYY-MM-DD') AS day
        FROM "CaseCheckIn" k JOIN "QuarantineCase" q ON q.id = k."caseId" JOIN "Person" p ON p.id = q."personId"
        WHERE k.id = ANY(${v}::uuid[])`,
    ),
    query('school', NamedRow, (v) => Prisma.sql`SELECT id::text, name FROM "School" WHERE id = ANY(${v}::uuid[])`),
    query(
      'class',
      z.object({ id: z.string(), grade: z.number().int(), name: z.string(), schoolName: z.string(), schoolKind: SchoolKind }),
      (v) => Prisma.sql`SELECT c.id::text, c.grade, c.name, s.name AS "schoolName", s.kind::text AS "schoolKind"
        FROM "SchoolClass" c JOIN "School" s ON s.id = c."schoolId" WHERE c.id = ANY(${v}::uuid[])`,
    ),
    query('account', z.object({ id: z.string(), username: z.string() }), (v) => Prisma.sql`SELECT id::text, username FROM "User" WHERE id = ANY(${v}::uuid[])`),
    query('category', z.object({ id: z.string(), label: z.string(), labelEn: z.string() }), (v) => Prisma.sql`SELECT id::text, label, "labelEn" FROM "CensusCategory" WHERE id = ANY(${v}::uuid[])`),
    query('item', NamedRow, (v) => Prisma.sql`SELECT id::text, name FROM "SupplyItem" WHERE id = ANY(${v}::uuid[])`),
    query(
      'request',
      NumberedRow,
      (v) => Prisma.sql`SELECT r.id::text, r.number, s.name AS "schoolName" FROM "SupplyRequest" r JOIN "School" s ON s.id = r."schoolId" WHERE r.id = ANY(${v}::uuid[])`,
    ),
    query(
      'transfer',
      NumberedRow,
      (v) => Prisma.sql`SELECT t.id::text, t.number, s.name AS "schoolName" FROM "Transfer" t JOIN "School" s ON s.id = t."schoolId" WHERE t.id = ANY(${v}::uuid[])`,
    ),
    query(
      'movement',
      z.object({ id: z.string(), itemName: z.string(), schoolId: z.string().nullable(), schoolName: z.string().nullable() }),
      (v) => Prisma.sql`SELECT m.id::text, i.name AS "itemName", m."schoolId"::text AS "schoolId", s.name AS "schoolName"
        FROM "StockMovement" m JOIN "SupplyItem" i ON i.id = m."itemId" LEFT JOIN "School" s ON s.id = m."schoolId"
        WHERE m.id = ANY(${v}::uuid[])`,
    ),
    query(
      'target',
      z.object({ id: z.string(), schoolId: z.string(), schoolName: z.string(), itemName: z.string() }),
      (v) => Prisma.sql`SELECT t.id::text, t."schoolId"::text AS "schoolId", s.name AS "schoolName", i.name AS "itemName"
        FROM "SchoolTarget" t JOIN "School" s ON s.id = t."schoolId" JOIN "SupplyItem" i ON i.id = t."itemId"
        WHERE t.id = ANY(${v}::uuid[])`,
    ),
  ]);

  const found = {
    person: byId(people),
    followUp: byId(followUps),
    dailyReport: byId(reports),
    case: byId(cases),
    checkIn: byId(checkIns),
    school: byId(schools),
    class: byId(classes),
    account: byId(accounts),
    category: byId(categories),
    item: byId(items),
    request: byId(requests),
    transfer: byId(transfers),
    movement: byId(movements),
    target: byId(targets),
  };
  const classOf = (row: { schoolKind: SchoolKind; grade: number; name: string }): ClassParts => ({ schoolKind: row.schoolKind, grade: row.grade, name: row.name });
  const missing: AuditRecord = { kind: 'missing' };

  function recordOf(row: AuditRowRef): AuditRecord | null {
    if (row.entity === 'Centre') return { kind: 'settings' };
    if (!row.entity || !row.entityId) return null;
    const id = row.entityId;
    if (row.entity === 'SchoolTarget' && id.includes(':')) {
      const [schoolId = '', itemId = ''] = id.split(':');
      const school = found.school.get(schoolId);
      const item = found.item.get(itemId);
      return school && item ? { kind: 'supply_target', schoolId, schoolName: school.name, itemName: item.name } : missing;
    }
    if (row.entity === 'Person' && row.action.startsWith('person.export')) {
      const school = found.school.get(id);
      if (school) return { kind: 'school', schoolId: school.id, name: school.name };
      const schoolClass = found.class.get(id);
      return schoolClass ? { kind: 'class', classId: schoolClass.id, schoolName: schoolClass.schoolName, class: classOf(schoolClass) } : missing;
    }
    const lookup = LOOKUP_OF_ENTITY[row.entity];
    if (!lookup) return null;
    switch (lookup) {
      case 'person': {
        const person = found.person.get(id);
        return person ? { kind: 'person', personId: person.id, name: maskName(person.name) } : missing;
      }
      case 'followUp': {
        const followUp = found.followUp.get(id);
        return followUp ? { kind: 'follow_up', personId: followUp.personId, name: maskName(followUp.name), day: followUp.day } : missing;
      }
      case 'dailyReport': {
        const report = found.dailyReport.get(id);
        if (!report) return missing;
        const schoolClass = report.grade !== null && report.className !== null ? { schoolKind: report.schoolKind, grade: report.grade, name: report.className } : null;
        return { kind: 'daily_report', schoolId: report.schoolId, schoolName: report.schoolName, day: report.day, class: schoolClass };
      }
      case 'case': {
        const quarantineCase = found.case.get(id);
        return quarantineCase ? { kind: 'case', caseId: quarantineCase.id, name: maskName(quarantineCase.name) } : missing;
      }
      case 'checkIn': {
        const checkIn = found.checkIn.get(id);
        return checkIn ? { kind: 'check_in', caseId: checkIn.caseId, name: maskName(checkIn.name), day: checkIn.day } : missing;
      }
      case 'school': {
        const school = found.school.get(id);
        return school ? { kind: 'school', schoolId: school.id, name: school.name } : missing;
      }
      case 'class': {
        const schoolClass = found.class.get(id);
        return schoolClass ? { kind: 'class', classId: schoolClass.id, schoolName: schoolClass.schoolName, class: classOf(schoolClass) } : missing;
      }
      case 'account': {
        const account = found.account.get(id);
        return account ? { kind: 'account', username: account.username } : missing;
      }
      case 'category': {
        const category = found.category.get(id);
        return category ? { kind: 'census_category', label: category.label, labelEn: category.labelEn } : missing;
      }
      case 'item': {
        const item = found.item.get(id);
        return item ? { kind: 'supply_item', name: item.name } : missing;
      }
      case 'request': {
        const request = found.request.get(id);
        return request ? { kind: 'supply_request', number: request.number, schoolName: request.schoolName } : missing;
      }
      case 'transfer': {
        const transfer = found.transfer.get(id);
        return transfer ? { kind: 'transfer', number: transfer.number, schoolName: transfer.schoolName } : missing;
      }
      case 'movement': {
        const movement = found.movement.get(id);
        return movement ? { kind: 'stock_movement', itemName: movement.itemName, schoolId: movement.schoolId, schoolName: movement.schoolName } : missing;
      }
      case 'target': {
        const target = found.target.get(id);
        return target ? { kind: 'supply_target', schoolId: target.schoolId, schoolName: target.schoolName, itemName: target.itemName } : missing;
      }
    }
  }

  return { recordOf, schoolName: (id: string) => found.school.get(id)?.name ?? null };
}
