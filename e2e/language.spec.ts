import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, mainMenu } from './support/app';

test('switching to English and back is remembered across reloads, and nothing else is stored', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campus Guard' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Campus Guard' })).toBeVisible();

  // Server messages come back in English too.
  await page.getByLabel('User name', { exact: true }).fill('centre');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong user name or password');

  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  const menu = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(menu.getByRole('menuitem', { name: 'Schools', exact: true })).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Audit log' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Signed in');
  // Dates as 2026-02-26 in English.
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(storage).toEqual({ local: { 'campus.lang': 'en' }, session: {} });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(mainMenu(page).getByRole('menuitem', { name: '学校', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
});
