/**
 * The centre's schools × days grids (daily reports, duty, disinfection) page their schools the one way (db/grid-sql.ts):
 * 50 schools a page by code, and the figures that flag schools (missing reports, areas overdue today) over every page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInTimeZone, GRID_PAGE_SIZE, type CompletenessGrid, type DisinfectionGrid, type DutyGrid } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createSchool, createTownship } from './helpers/factories.js';
import { signInTownship, type Client, type TownRole } from './helpers/http.js';

let ctx: TestContext;
let as: Record<TownRole, Client>;
let lastSchool: { id: string; name: string };
const SCHOOLS = 62;

beforeAll(async () => {
  ctx = await setupTestApp();
  const town = await createTownship(ctx.db);
  as = await signInTownship(ctx.app, town);
  for (let index = 2; index < SCHOOLS; index += 1) lastSchool = await createSchool(ctx.db, { code: `Z${String(index).padStart(3, '0')}` });
  await createSchool(ctx.db, { code: 'Z999', active: false });
  // an area of the last school (on page 2) due at 00:00 and not done: overdue today
  const item = await ctx.db.supplyItem.findUniqueOrThrow({ where: { code: 'disinfectant' } });
  await ctx.db.disinfectionArea.create({
    data: { schoolId: lastSchool.id, name: '校门口', kind: '校门周边', dueMinutes: [0], weekdays: [], agent: '84', concentration: 500, itemId: item.id, createdAt: new Date(Date.now() - 2 * 86_400_000) },
  });
});

async function pages<Grid extends { schools: { code: string; schoolId: string }[]; page: number; pageSize: number; total: number }>(path: string) {
  const first = await as.centre.request('GET', `${path}&page=1`);
  const second = await as.centre.request('GET', `${path}&page=2`);
  const third = await as.centre.request('GET', `${path}&page=3`);
  for (const response of [first, second, third]) expect(response.statusCode, response.body).toBe(200);
  return [first.json<Grid>(), second.json<Grid>(), third.json<Grid>()] as const;
}

function expectPaged(grids: readonly { schools: { code: string }[]; page: number; pageSize: number; total: number }[]) {
  const [first, second, third] = grids;
  expect(first!.schools).toHaveLength(GRID_PAGE_SIZE);
  expect(second!.schools).toHaveLength(SCHOOLS - GRID_PAGE_SIZE);
  expect(third!.schools).toEqual([]);
  expect(grids.map((grid) => [grid.page, grid.pageSize, grid.total])).toEqual([1, 2, 3].map((page) => [page, GRID_PAGE_SIZE, SCHOOLS]));
  const codes = [...first!.schools, ...second!.schools].map((school) => school.code);
  expect(codes).toEqual([...codes].sort());
  expect(new Set(codes).size).toBe(SCHOOLS);
  expect(codes).not.toContain('Z999');
}

describe('a district’s grids come a page of schools at a time', () => {
  it('the duty grid pages its schools and counts the missing reports of all of them', async () => {
    const grids = await pages<DutyGrid>('/api/duty/grid?days=3');
    expectPaged(grids);
    const missingCells = grids.flatMap((grid) => grid.schools.flatMap((school) => school.cells)).filter((cell) => cell.status === 'missing').length;
    // yesterday's deadline has passed: at least every school's yesterday is missing
    expect(missingCells).toBeGreaterThanOrEqual(SCHOOLS);
    expect(grids.map((grid) => grid.missing)).toEqual([missingCells, missingCells, missingCells]);
  });

  it('the daily report grid pages the same way', async () => {
    expectPaged(await pages<CompletenessGrid>('/api/daily-reports/grid?days=3'));
  });

  it('the disinfection grid pages too, and flags a school overdue today whatever page it is on', async () => {
    const grids = await pages<DisinfectionGrid>('/api/disinfection/grid?days=3');
    expectPaged(grids);
    expect(grids[0].schools.map((school) => school.schoolId)).not.toContain(lastSchool.id);
    expect(grids[0].overdueToday).toEqual([{ schoolId: lastSchool.id, name: lastSchool.name, areas: ['校门口'] }]);
    const cell = grids[1].schools.find((school) => school.schoolId === lastSchool.id)!.cells.at(-1)!;
    expect(cell).toEqual({ day: dayInTimeZone(new Date(), 'Asia/Shanghai'), planned: 1, done: 0 });
  });

  it('a page that is not one is a clear error', async () => {
    for (const page of ['0', '-1', 'x', '1.5', '99999']) {
      const response = await as.centre.request('GET', `/api/duty/grid?page=${page}`);
      expect(response.statusCode, page).toBe(400);
      expect(Object.keys(response.json<{ fields: Record<string, string> }>().fields)).toContain('page');
    }
  });
});
