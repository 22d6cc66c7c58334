import { expect, test } from '@playwright/test';
import { demoData, expectNoHorizontalScroll, signIn } from './support/app';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('the main pages fit a 360 px phone without sideways scrolling, with a drawer menu', async ({ page, baseURL }) => {
  const { school, classesOf } = await demoData(baseURL!);
  const s01 = school('S01');
  const [firstClass] = await classesOf(s01.id);

  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: '校园防控通' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await signIn(page, 'centre');
  // The menu is a drawer behind a 44 px button.
  const menuButton = page.getByRole('button', { name: '打开菜单' });
  const box = await menuButton.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await menuButton.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('menuitem', { name: '学校', exact: true })).toBeVisible();
  await drawer.getByRole('menuitem', { name: '学校', exact: true }).click();
  await expect(page).toHaveURL('/schools');
  await expect(drawer).toBeHidden();
  // Lists are cards here, not a wide table.
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('list', { name: '学校' }).getByRole('link', { name: '义和镇中心小学' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  for (const path of ['/', `/schools/${s01.id}`, '/classes', `/classes/${firstClass!.id}`, '/accounts', '/settings', '/audit', '/change-password', '/no-such-page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalScroll(page);
  }

  // A dialog fits too.
  await page.goto('/accounts');
  await page.getByRole('button', { name: '新增账号' }).click();
  await expect(page.getByRole('dialog', { name: '新增账号' })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('a class teacher on a phone sees their classes as cards', async ({ page }) => {
  await signIn(page, 'teacher01');
  await expectNoHorizontalScroll(page);
  await page.goto('/classes');
  await expect(page.getByRole('heading', { level: 1, name: '我的班级' })).toBeVisible();
  await expect(page.getByRole('list', { name: '班级' }).getByRole('link').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});
