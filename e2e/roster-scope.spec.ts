import { expect, test } from '@playwright/test';
import { menuLabels, signIn } from './support/app';
import { apiAs, optionsOf } from './support/roster';

const GRADES = ['', '一', '二', '三', '四', '五', '六'];

test('a class teacher sees only the students of the classes they head, and cannot pick another class', async ({ page, baseURL }) => {
  const teacherApi = await apiAs(baseURL!, 'teacher01');
  const me = (await (await teacherApi.get('/api/auth/me')).json()) as { classes: { id: string; grade: number; name: string }[] };
  const own = me.classes.map((schoolClass) => `${GRADES[schoolClass.grade]}年级 ${schoolClass.name}`);
  expect(own.length).toBeGreaterThan(0);
  const principalApi = await apiAs(baseURL!, 'principal01');
  const others = (await (await principalApi.post('/api/people/search', { data: { kind: 'student', limit: 200 } })).json()) as {
    items: { id: string; name: string; classId: string }[];
  };
  const outsider = others.items.find((person) => !me.classes.some((schoolClass) => schoolClass.id === person.classId))!;

  await signIn(page, 'teacher01');
  // The teacher's phone home links to the roster (no menu on the phone shell).
  await page.getByRole('navigation', { name: '常用入口' }).getByRole('link', { name: '花名册' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '花名册' })).toBeVisible();

  // Every listed student is in one of the teacher's classes.
  const table = page.getByRole('table');
  await expect(table.getByRole('link').first()).toBeVisible();
  const classCells = await table.getByRole('row').locator('td:nth-child(2)').allInnerTexts();
  expect(classCells.length).toBeGreaterThan(0);
  expect(classCells.every((cell) => own.includes(cell.trim()))).toBe(true);
  await expect(table.getByRole('link', { name: outsider.name, exact: true })).toHaveCount(0);
  // No kind filter: a teacher's roster is students.
  await expect(page.getByRole('combobox', { name: '人员类别' })).toHaveCount(0);

  // Class filter and the add form offer only the teacher's classes.
  expect((await optionsOf(page, page, '班级')).sort()).toEqual(['全部班级', ...own].sort());
  await page.getByRole('button', { name: '新增人员' }).click();
  const form = page.getByRole('dialog', { name: '新增人员' });
  expect((await optionsOf(page, form, '班级')).sort()).toEqual([...own].sort());
  await expect(form.getByRole('radio', { name: '教职工' })).toHaveCount(0);
  await form.getByRole('button', { name: '取消' }).click();

  // Another class's student by address: not found.
  await page.goto(`/people/${outsider.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible();
  await expect(page.getByText(outsider.name)).toHaveCount(0);
});

test('gate duty has no roster: no menu entry, and the page says so without data', async ({ page }) => {
  await signIn(page, 'gate01');
  expect(await menuLabels(page)).not.toContain('花名册');
  await page.goto('/people');
  await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '名册概况' })).toHaveCount(0);
});
