import { GRID_PAGE_SIZE } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';

// The centre's schools × days grids (daily reports, duty, disinfection) page their schools the one way:
// a CTE `page` of active schools by code, the page's rows as JSON, and the count of all of them.

/** The body of a grid's `page` CTE: one page of the active schools (all of them with `only`'s filter), by code. */
export function schoolPageSql(page: number, only: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`SELECT s.id, s.code, s.name FROM "School" s WHERE s.active ${only} ORDER BY s.code LIMIT ${GRID_PAGE_SIZE}::int OFFSET ${(page - 1) * GRID_PAGE_SIZE}::int`;
}

/** The page's schools as `[{ schoolId, code, name }]`, by code, and how many active schools there are in all. */
export const pageSchoolsJson = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('schoolId', p.id, 'code', p.code, 'name', p.name) ORDER BY p.code), '[]') FROM page p) AS schools,
  (SELECT count(*)::int FROM "School" s WHERE s.active) AS total`;

export const PageSchoolsRow = z.object({ schools: z.array(z.object({ schoolId: z.string(), code: z.string(), name: z.string() })), total: z.number().int() });

/** The paging fields of a grid's answer. */
export const gridPage = (page: number, total: number) => ({ page, pageSize: GRID_PAGE_SIZE, total });
