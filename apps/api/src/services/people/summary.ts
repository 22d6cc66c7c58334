import { CategoryRef, type PersonFilters, type RosterSummary, type SchoolRosterCounts } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { scopeRuleSql } from '../../db/day-sql.js';
import { assertCan, scope, type Actor } from '../scope.js';
import { filtersSql } from './people.js';

/** The summary statement's row: int4 counts, the per-category counts and the categories as JSON (checked in tests: db/sql.ts). */
const SummaryRow = z.object({
  students: z.number().int(),
  staff: z.number().int(),
  leftBehind: z.number().int(),
  noDevice: z.number().int(),
  outsideCity: z.number().int(),
  byCategory: z.array(z.object({ categoryId: z.string().nullable(), count: z.number().int() })),
  categories: z.array(CategoryRef),
});

/** The per-school statement's row (checked in tests: db/sql.ts). */
const BySchoolRow = z.object({
  schools: z.array(z.object({ schoolId: z.string(), code: z.string(), name: z.string(), kind: z.string() })),
  counts: z.array(z.object({ schoolId: z.string(), kind: z.string(), categoryId: z.string().nullable(), count: z.number().int() })),
  categories: z.array(CategoryRef),
});

const categoriesJson = Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object('id', cat.id, 'code', cat.code, 'label', cat.label, 'labelEn', cat."labelEn") ORDER BY cat."sortOrder", cat.code), '[]')
  FROM "CensusCategory" cat)`;

/**
 * The counts the report uses (摸排人数): people registered, by kind, by
 * category. One query: the matching people are read once and counted every
 * way, with the category list alongside.
 */
export async function rosterSummary(db: Db, actor: Actor, filters: PersonFilters): Promise<RosterSummary> {
  const where = filtersSql(actor, { ...filters, status: filters.status ?? 'active' });
  // Planned for its filters each time (a search pattern's best plan depends on it), as $queryRaw did.
  const [row] = await sqlRows(
    db,
    Prisma.sql`
    WITH m AS (SELECT p.kind, p."categoryId", p."leftBehind", p."deviceAccess", p.whereabouts FROM "Person" p WHERE ${where})
    SELECT count(*) FILTER (WHERE m.kind = 'student')::int AS students,
           count(*) FILTER (WHERE m.kind = 'staff')::int AS staff,
           count(*) FILTER (WHERE m."leftBehind")::int AS "leftBehind",
           count(*) FILTER (WHERE m."deviceAccess" IN ('none', 'tv_only'))::int AS "noDevice",
           count(*) FILTER (WHERE m.whereabouts = 'outside_city')::int AS "outsideCity",
           (SELECT coalesce(json_agg(json_build_object('categoryId', x."categoryId", 'count', x.count)), '[]')
            FROM (SELECT m."categoryId", count(*) FROM m GROUP BY m."categoryId") x) AS "byCategory",
           ${categoriesJson} AS categories
    FROM m`,
    { planEachTime: true, row: SummaryRow },
  );
  const { students, staff, leftBehind, noDevice, outsideCity, byCategory, categories } = row!;
  const countOf = new Map(byCategory.map((entry) => [entry.categoryId, entry.count]));
  return {
    total: students + staff,
    students,
    staff,
    leftBehind,
    noDevice,
    outsideCity,
    byCategory: [
      ...categories.map((category) => ({ category, count: countOf.get(category.id) ?? 0 })),
      ...(countOf.get(null) ? [{ category: null, count: countOf.get(null)! }] : []),
    ],
  };
}

/** Every school's counts side by side (centre, observer), in one query. */
export async function countsBySchool(db: Db, actor: Actor): Promise<SchoolRosterCounts> {
  assertCan(actor, 'people.overview');
  const [row] = await sqlRows(
    db,
    Prisma.sql`
    SELECT (SELECT coalesce(json_agg(json_build_object('schoolId', s.id, 'code', s.code, 'name', s.name, 'kind', s.kind) ORDER BY s.code), '[]')
            FROM "School" s WHERE ${scopeRuleSql('s', scope.schools(actor))} AND s.active) AS schools,
           (SELECT coalesce(json_agg(json_build_object('schoolId', x."schoolId", 'kind', x.kind, 'categoryId', x."categoryId", 'count', x.count)), '[]')
            FROM (SELECT p."schoolId", p.kind, p."categoryId", count(*) FROM "Person" p WHERE p.status = 'active' GROUP BY 1, 2, 3) x) AS counts,
           ${categoriesJson} AS categories`,
    { row: BySchoolRow },
  );
  const { schools, counts, categories } = row!;
  const bySchool = new Map<string, typeof counts>();
  for (const entry of counts) bySchool.set(entry.schoolId, [...(bySchool.get(entry.schoolId) ?? []), entry]);
  return {
    categories,
    items: schools.map((school) => {
      const rows = bySchool.get(school.schoolId) ?? [];
      const byCategory: Record<string, number> = {};
      for (const entry of rows) if (entry.categoryId) byCategory[entry.categoryId] = (byCategory[entry.categoryId] ?? 0) + entry.count;
      const sum = (kind?: string) => rows.filter((entry) => !kind || entry.kind === kind).reduce((total, entry) => total + entry.count, 0);
      return { ...school, total: sum(), students: sum('student'), staff: sum('staff'), byCategory };
    }),
  };
}
