import { expect, test } from '@playwright/test';
import { demoData, mainMenu, menuLabels, signIn } from './support/app';

test('the centre administrator sees every management page', async ({ page }) => {
  await signIn(page, 'centre');
  expect(await menuLabels(page)).toEqual(['首页', '日报汇总', '隔离专班', '校门统计', '值班报告', '消毒情况', '停课不停学', '物资', '学校', '班级', '花名册', '账号', '中心设置', '审计日志', '接口文档', '修改密码']);
  // The API reference is a plain link that leaves the app.
  await expect(mainMenu(page).getByRole('link', { name: '接口文档' })).toHaveAttribute('href', '/api/docs');

  await mainMenu(page).getByRole('menuitem', { name: '学校', exact: true }).click();
  await expect(page).toHaveURL('/schools');
  await expect(page.getByRole('button', { name: '新增学校' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: '义和镇中心小学' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: '青杠幼儿园' })).toBeVisible();
});

test('the observer reads all schools and classes but manages nothing', async ({ page, baseURL }) => {
  const { schoolCount } = await demoData(baseURL!);
  await signIn(page, 'observer');
  expect(await menuLabels(page)).toEqual(['首页', '日报汇总', '隔离专班', '校门统计', '值班报告', '消毒情况', '停课不停学', '物资', '学校', '班级', '花名册', '修改密码']);

  await page.goto('/schools');
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(schoolCount);
  await expect(page.getByRole('button', { name: '新增学校' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^编辑/ })).toHaveCount(0);

  await page.goto('/classes');
  await expect(page.getByLabel('学校', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增班级' })).toHaveCount(0);

  for (const path of ['/accounts', '/settings', '/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
  }
});

test('a principal sees their own school, its classes and accounts only', async ({ page }) => {
  await signIn(page, 'principal01');
  expect(await menuLabels(page)).toEqual(['首页', '今日随访', '学校日报', '今日询问', '隔离专班', '校门登记', '校门台账', '值班值守', '值班安排', '消毒登记', '消毒计划', '停课不停学', '本校物资', '本校', '班级', '花名册', '账号', '修改密码']);

  await mainMenu(page).getByRole('menuitem', { name: '本校', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '义和镇中心小学' })).toBeVisible();

  await mainMenu(page).getByRole('menuitem', { name: '账号' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '账号' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('cell', { name: 'teacher01', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'gate01', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'teacher02', exact: true })).toHaveCount(0);
  await expect(table.getByRole('cell', { name: 'centre', exact: true })).toHaveCount(0);

  // A principal creates only class teacher and gate duty accounts.
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新增账号' });
  await dialog.getByRole('combobox', { name: '角色' }).click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await expect(options).toHaveText(['班主任', '门卫值守']);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
});

test("a principal opening another school's records by URL gets the not-found page", async ({ page, baseURL }) => {
  const { school, classesOf } = await demoData(baseURL!);
  const otherSchool = school('S02');
  const [otherClass] = await classesOf(otherSchool.id);

  await signIn(page, 'principal01');
  await page.goto(`/schools/${otherSchool.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible();
  await expect(page.getByText(otherSchool.name)).toHaveCount(0);

  await page.goto(`/classes/${otherClass!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible();

  // Their own school still opens.
  await page.goto(`/schools/${school('S01').id}`);
  await expect(page.getByRole('heading', { level: 1, name: '义和镇中心小学' })).toBeVisible();
});

test('a class teacher sees only the classes they head', async ({ page }) => {
  await signIn(page, 'teacher01');
  // The teacher's home is the phone shell's (no menu): the same screens as links.
  const links = page.getByRole('navigation', { name: '常用入口' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  expect((await links.allInnerTexts()).map((text) => text.trim())).toEqual(['今日询问', '本校', '我的班级', '花名册', '修改密码']);
  // Home: one card per class headed, with today's calls and the report's state.
  const homeClasses = page.getByRole('region', { name: '我担任班主任的班级' }).getByRole('link');
  await expect(homeClasses.first()).toContainText(/已联系 \d+ \/ \d+/);
  const headed = (await homeClasses.locator('strong').allInnerTexts()).map((label) => label.trim());
  expect(headed.length).toBeGreaterThan(0);

  await links.filter({ hasText: '我的班级' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的班级' })).toBeVisible();
  const listed = page.getByRole('table').getByRole('link');
  await expect(listed).toHaveCount(headed.length);
  expect((await listed.allInnerTexts()).sort()).toEqual([...headed].sort());
  await expect(page.getByRole('button', { name: '新增班级' })).toHaveCount(0);

  for (const path of ['/accounts', '/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
  }
});

test('gate duty reads its school and classes, without accounts', async ({ page }) => {
  await signIn(page, 'gate01');
  expect(await menuLabels(page)).toEqual(['首页', '校门登记', '值班值守', '消毒登记', '本校物资', '本校', '班级', '修改密码']);
  await mainMenu(page).getByRole('menuitem', { name: '班级' }).click();
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '新增班级' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^编辑/ })).toHaveCount(0);
});
