import { expect, test } from '@playwright/test';
import { mainMenu, signIn } from './support/app';

test('the centre changes the settings; bad input is caught per field; the change is audited', async ({ page }) => {
  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '中心设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '中心设置' })).toBeVisible();

  const fever = page.getByLabel('发热阈值（°C）');
  const deadline = page.getByLabel('日报截止时间');
  const quarantine = page.getByLabel('默认隔离天数');
  await expect(fever).toHaveValue('37.3');
  const originalDeadline = await deadline.inputValue();

  // The same shared schema as the server: field-level messages.
  await deadline.fill('25:00');
  await quarantine.fill('90');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请输入 00:00–23:59 之间的时间')).toBeVisible();
  await expect(page.getByText('不能大于 60')).toBeVisible();

  await fever.fill('37.5');
  await deadline.fill('09:30');
  await quarantine.fill('21');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('发热阈值（°C）')).toHaveValue('37.5');
  await expect(page.getByLabel('日报截止时间')).toHaveValue('09:30');
  await expect(page.getByLabel('默认隔离天数')).toHaveValue('21');

  await page.goto('/audit');
  await expect(page.getByRole('row').filter({ hasText: '修改中心设置' }).first()).toContainText('centre');

  // Put the demo values back for the other journeys.
  await page.goto('/settings');
  await page.getByLabel('发热阈值（°C）').fill('37.3');
  await page.getByLabel('日报截止时间').fill(originalDeadline);
  await page.getByLabel('默认隔离天数').fill('14');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
});
