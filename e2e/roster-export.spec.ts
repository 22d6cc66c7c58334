import ExcelJS from 'exceljs';
import { expect, test, type Download } from '@playwright/test';
import { signIn } from './support/app';
import { chooseOption } from './support/roster';
import { rowTexts } from '../apps/api/test/helpers/sheet';

async function readWorkbook(download: Download): Promise<string[][]> {
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push(rowTexts(row)));
  return rows;
}

test('a principal exports the filtered roster: Chinese headers, masked ID numbers, one row per person', async ({ page }) => {
  await signIn(page, 'principal01');
  await page.goto('/people');
  await chooseOption(page, page, '班级', '三年级 1班');
  const count = page.getByText(/^共 \d+ 人$/);
  await expect(count).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('三年级 1班');
  const total = Number((await count.innerText()).match(/\d+/)![0]);

  // No dialog for a principal: masked numbers only.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText(/已导出 名册-/)).toBeVisible();

  const rows = await readWorkbook(download);
  const header = rows[0]!;
  expect(header.slice(0, 6)).toEqual(['学校', '班级', '姓名', '性别', '人员类别', '身份证号']);
  expect(header).toEqual(expect.arrayContaining(['学号', '监护人', '联系电话', '摸排分类']));
  expect(rows.length - 1).toBe(total);
  const idColumn = header.indexOf('身份证号');
  const ids = rows.slice(1).map((row) => row[idColumn]!).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toMatch(/^\d{6}\*{11}[\dX]$/);
  expect(rows.slice(1).every((row) => row[0] === '义和镇中心小学' && row[1]!.startsWith('三年级'))).toBe(true);
});

test('only the centre may ask for full ID numbers, and is told the export is audited', async ({ page }) => {
  await signIn(page, 'centre');
  await page.goto('/people');
  await page.getByRole('table').getByRole('link', { name: '义和镇中心小学' }).click();
  await page.getByRole('button', { name: '导出' }).click();
  const dialog = page.getByRole('dialog', { name: '导出花名册' });
  await expect(dialog).toContainText('记入审计日志');
  await dialog.getByRole('checkbox', { name: '导出完整身份证号' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const rows = await readWorkbook(await downloading);
  const idColumn = rows[0]!.indexOf('身份证号');
  expect(rows.slice(1).some((row) => /^\d{17}[\dX]$/.test(row[idColumn]!))).toBe(true);
});
