import type { RosterSummary, SchoolRosterCounts } from '@campus/shared';
import type { Db } from '../../db/client.js';
import { assertRole, scope, type Actor } from '../scope.js';
import { peopleWhere } from './people.js';
import type { PersonFilters } from '@campus/shared';

async function categories(db: Db) {
  return db.censusCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: { id: true, code: true, label: true, labelEn: true } });
}

/** The counts the report uses (摸排人数): people registered, by kind, by category. */
export async function rosterSummary(db: Db, actor: Actor, filters: PersonFilters): Promise<RosterSummary> {
  const where = peopleWhere(actor, { ...filters, status: filters.status ?? 'active' });
  const [byKind, byCategory, leftBehind, noDevice, outsideCity, allCategories] = await Promise.all([
    db.person.groupBy({ by: ['kind'], where, _count: { _all: true } }),
    db.person.groupBy({ by: ['categoryId'], where, _count: { _all: true } }),
    db.person.count({ where: { AND: [where, { leftBehind: true }] } }),
    db.person.count({ where: { AND: [where, { deviceAccess: { in: ['none', 'tv_only'] } }] } }),
    db.person.count({ where: { AND: [where, { whereabouts: 'outside_city' }] } }),
    categories(db),
  ]);
  const kindCount = (kind: string) => byKind.find((row) => row.kind === kind)?._count._all ?? 0;
  const countOf = new Map(byCategory.map((row) => [row.categoryId, row._count._all]));
  return {
    total: kindCount('student') + kindCount('staff'),
    students: kindCount('student'),
    staff: kindCount('staff'),
    leftBehind,
    noDevice,
    outsideCity,
    byCategory: [
      ...allCategories.map((category) => ({ category, count: countOf.get(category.id) ?? 0 })),
      ...(countOf.get(null) ? [{ category: null, count: countOf.get(null)! }] : []),
    ],
  };
}

/** Every school's counts side by side (centre, observer). */
export async function countsBySchool(db: Db, actor: Actor): Promise<SchoolRosterCounts> {
  assertRole(actor, ['centre_admin', 'observer']);
  const [schools, grouped, allCategories] = await Promise.all([
    db.school.findMany({ where: { AND: [scope.schools(actor), { active: true }] }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, kind: true } }),
    db.person.groupBy({ by: ['schoolId', 'kind', 'categoryId'], where: { status: 'active' }, _count: { _all: true } }),
    categories(db),
  ]);
  return {
    categories: allCategories,
    items: schools.map((school) => {
      const rows = grouped.filter((row) => row.schoolId === school.id);
      const byCategory: Record<string, number> = {};
      for (const row of rows) if (row.categoryId) byCategory[row.categoryId] = (byCategory[row.categoryId] ?? 0) + row._count._all;
      const sum = (kind?: string) => rows.filter((row) => !kind || row.kind === kind).reduce((total, row) => total + row._count._all, 0);
      return { schoolId: school.id, code: school.code, name: school.name, kind: school.kind, total: sum(), students: sum('student'), staff: sum('staff'), byCategory };
    }),
  };
}
