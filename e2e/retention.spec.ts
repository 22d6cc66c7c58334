import { expect, test } from '@playwright/test';
import { expectAccessible, mainMenu, signIn } from './support/app';
import { addDays, apiAs, json, longDay, pickDay, todayInCentre } from './support/days';

// The journeys share one demo database (the last two weeks of days). The end day chosen here is the
// oldest demo day with retention 0, so only that day's details go: what later journeys use stays.
test('the centre sets when the emergency ended, previews what the purge removes per school, confirms the number in a dialog; the counts on the screens stay; audited', async ({ page, baseURL }) => {
  const today = todayInCentre();
  const endDay = addDays(today, -13);
  const api = await apiAs(baseURL!, 'centre');
  const gridBefore = await json<unknown>(await api.get(`/api/daily-reports/grid?to=${today}&days=14`));

  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '中心设置' }).click();
  const section = page.getByRole('region', { name: '数据保留' });
  await expect(section).toBeVisible();
  await expect(section.getByText('尚未设置疫情结束日期，不会清除任何数据。')).toBeVisible();

  // Not due yet: the preview lists what will go, but there is nothing to press.
  await pickDay(section.getByLabel('疫情结束日期'), endDay);
  await section.getByLabel('结束后保留天数').fill('30');
  await section.getByRole('button', { name: '更新保留设置' }).click();
  // (Enter in the date picker already saved once: a message per save.)
  await expect(page.getByText('保留设置已更新').first()).toBeVisible();
  await expect(section.getByText(`保留期尚未届满：${longDay(addDays(endDay, 31))} 起才能清除。`)).toBeVisible();
  const table = section.getByRole('table');
  await expect(table.getByRole('row', { name: /全镇合计/ })).toBeVisible();
  await expect(section.getByRole('button', { name: '清除以上数据' })).toHaveCount(0);

  // Retention 0: due the day after the end day.
  await section.getByLabel('结束后保留天数').fill('0');
  await section.getByRole('button', { name: '更新保留设置' }).click();
  await expect(section.getByText('保留期已届满，可以清除下表中的数据。')).toBeVisible();
  const preview = await json<{ total: number; totals: { followUps: number } }>(await api.get('/api/retention/preview'));
  expect(preview.total).toBeGreaterThan(0);
  const totalRow = table.getByRole('row', { name: /全镇合计/ });
  await expect(totalRow.getByRole('cell').last()).toHaveText(String(preview.total));
  await expect(table.getByRole('row', { name: /义和镇中心小学/ })).toBeVisible();
  await expectAccessible(page);

  await section.getByRole('button', { name: '清除以上数据' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`确认清除 ${preview.total} 条记录？`);
  await expect(dialog).toContainText(`随访健康详情：${preview.totals.followUps} 条`);
  await page.screenshot({ path: 'test-results/retention-confirm.png' });
  await dialog.getByRole('button', { name: `确认清除 ${preview.total} 条` }).click();
  await expect(section.getByText(`已清除 ${preview.total} 条记录`)).toBeVisible();
  await expect(section.getByText('没有需要清除的数据。')).toBeVisible();
  await expect(section.getByText(`已清除 ${preview.total} 条记录`)).toBeVisible();
  await section.getByRole('heading', { name: '将被清除的数据' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/retention-done.png' });

  // The follow-up of the end day lost its details; the grid counts the same.
  expect(await json<unknown>(await api.get(`/api/daily-reports/grid?to=${today}&days=14`))).toEqual(gridBefore);
  expect((await json<{ total: number }>(await api.get('/api/retention/preview'))).total).toBe(0);

  await page.goto('/audit');
  await expect(page.getByRole('row').filter({ hasText: '清除过期数据' }).first()).toContainText('centre');

  // Leave the emergency going on for the other journeys.
  await json(await api.put('/api/settings', { data: { emergencyEndedOn: null, retentionDays: 30 } }));
});
