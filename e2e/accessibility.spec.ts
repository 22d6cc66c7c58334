import { expect, test } from '@playwright/test';
import { choose, demoData, expectAccessible, signIn, unique } from './support/app';

test.describe('axe finds no serious or critical problems', () => {
  test('on the login page, in both languages', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
    // With an error shown.
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByText('必填').first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Campus Guard' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: '中文' }).click();
  });

  test("on the centre's pages", async ({ page, baseURL }) => {
    const { school, classesOf } = await demoData(baseURL!);
    const s01 = school('S01');
    const [firstClass] = await classesOf(s01.id);
    await signIn(page, 'centre');
    for (const path of ['/', '/schools', `/schools/${s01.id}`, '/classes', `/classes/${firstClass!.id}`, '/accounts', '/settings', '/audit', '/change-password', '/no-such-page']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    }
    // Dialogs: a form and the one-time password.
    await page.goto('/schools');
    await page.getByRole('button', { name: '新增学校' }).click();
    await expect(page.getByRole('dialog', { name: '新增学校' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/accounts');
    await page.getByRole('button', { name: '新增账号' }).click();
    const form = page.getByRole('dialog', { name: '新增账号' });
    await form.getByLabel('用户名').fill(`axe.${unique().toLowerCase()}`);
    await form.getByLabel('姓名').fill('无障碍检查');
    await choose(page, form, '角色', '观察员（只读）');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('dialog', { name: '一次性密码' })).toBeVisible();
    await expectAccessible(page);
  });

  test('on the pages of school staff, and on a phone', async ({ browser }) => {
    for (const username of ['principal01', 'teacher01', 'gate01', 'observer']) {
      const context = await browser.newContext({ viewport: username === 'teacher01' ? { width: 360, height: 740 } : { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, username);
      for (const path of ['/', '/classes']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page);
      }
      if (username === 'teacher01') {
        await page.getByRole('button', { name: '打开菜单' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectAccessible(page);
      }
      await context.close();
    }
  });
});
