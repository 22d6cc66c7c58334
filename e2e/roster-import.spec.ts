import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/app';
import { FIXTURES } from './support/roster';

const MESSY = path.join(FIXTURES, 'roster-messy.xlsx');

async function checkFile(page: Page, file: string) {
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByText(`已选择：${path.basename(file)}`)).toBeVisible();
  await page.getByRole('button', { name: /^(检查|重新检查)$/ }).click();
  return page.getByRole('region', { name: '检查' });
}

test('a principal imports a messy roster: row-by-row check, confirm, and a second import changes nothing', async ({ page }) => {
  await signIn(page, 'principal01');
  await page.goto('/people');
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page).toHaveURL('/people/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入花名册' })).toBeVisible();
  await expect(page.getByRole('link', { name: /下载导入模板/ })).toHaveAttribute('href', '/api/people/import-template');

  const check = await checkFile(page, MESSY);
  await expect(check.getByText('以下只是检查结果，尚未保存任何数据。')).toBeVisible();
  const counts = check.getByRole('list', { name: '检查结果统计' });
  await expect(counts).toContainText('将新增 3');
  await expect(counts).toContainText('将更新 0');
  await expect(counts).toContainText('不能导入 9');

  // Rejected rows are shown first, each with its reasons.
  const table = check.getByRole('table');
  const row = (number: number) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: String(number), exact: true }) });
  await expect(table.getByRole('row')).toHaveCount(1 + 9);
  const reasons: [number, string | RegExp][] = [
    [3, '缺少姓名'],
    [4, '身份证号校验位不正确'],
    [5, '科学计数法'],
    [6, '末尾的 X 可能被表格丢失'],
    [8, '与第 2 行重复'],
    [9, '找不到班级“七年级9班”'],
    [10, '电话号码格式不正确'],
    [12, '身份证号中的出生日期不正确'],
    [13, '与第 2 行重复'],
  ];
  for (const [number, reason] of reasons) {
    await expect(row(number)).toContainText('不能导入');
    await expect(row(number)).toContainText(reason);
  }

  // The three valid new students, the second with normalised values.
  await check.locator('.ant-segmented-item').filter({ hasText: /^新增 3$/ }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 3);
  for (const name of ['刘一', '王五', '吴九']) await expect(table).toContainText(name);
  await expect(row(7)).toContainText('已自动规范');

  // Confirm: the dialog says what will happen; the result says what did.
  await check.getByRole('button', { name: '确认导入 3 行' }).click();
  const confirm = page.getByRole('dialog', { name: '确认导入 3 行?' });
  await expect(confirm).toContainText('将新增 3 人，更新 0 人；不能导入的 9 行会被跳过');
  await confirm.getByRole('button', { name: '确认导入 3 行' }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  await expect(page.getByText('新增 3 人，更新 0 人，无变化 0 人，跳过 9 行。')).toBeVisible();
  await expect(page.getByRole('link', { name: '返回花名册' })).toHaveAttribute('href', '/people');

  // The same file again: nothing to add, the three are unchanged, nothing to commit.
  await page.getByRole('button', { name: '再导入一个文件' }).click();
  const again = await checkFile(page, MESSY);
  const againCounts = again.getByRole('list', { name: '检查结果统计' });
  await expect(againCounts).toContainText('将新增 0');
  await expect(againCounts).toContainText('无变化 3');
  await expect(againCounts).toContainText('不能导入 9');
  await expect(again.getByRole('button', { name: '确认导入 0 行' })).toBeDisabled();
  await expect(again.getByText('没有需要保存的变化')).toBeVisible();

  // The imported students are on the roster.
  await page.getByRole('link', { name: '花名册' }).first().click();
  await page.getByRole('searchbox', { name: '搜索' }).fill('王五');
  await expect(page.getByRole('table').getByRole('link', { name: '王五' })).toBeVisible();
});
