import { expect, test } from '@playwright/test';
import { choose, demoData, mainMenu, signIn, unique } from './support/app';
import { apiAs, json } from './support/days';
import { rosterCounts, textbox } from './support/roster';

test("the centre sees every school's counts side by side and opens one school's roster", async ({ page, baseURL }) => {
  const { schoolCount } = await demoData(baseURL!);
  const counts = await rosterCounts(baseURL!);
  const s02 = counts.items.find((item) => item.code === 'S02')!;
  const township = counts.items.reduce((sum, item) => sum + item.total, 0);

  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '花名册' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '各校花名册人数' })).toBeVisible();
  const table = page.getByRole('table', { name: '各校花名册人数' });
  await expect(table.getByRole('link')).toHaveCount(schoolCount);
  const columns = await table.getByRole('columnheader').allInnerTexts();
  expect(columns.slice(0, 5).map((text) => text.trim())).toEqual(['学校', '类型', '在册人数', '学生', '教职工']);
  expect(columns).toEqual(expect.arrayContaining(['正常', '市外返回', '居家隔离']));
  const s02Row = table.getByRole('row').filter({ has: page.getByRole('link', { name: s02.name }) });
  await expect(s02Row).toContainText(String(s02.total));
  await expect(table.getByRole('row').filter({ hasText: '合计' })).toContainText(String(township));

  await s02Row.getByRole('link', { name: s02.name }).click();
  await expect(page).toHaveURL(`/people?schoolId=${s02.schoolId}`);
  await expect(page.getByRole('heading', { level: 1, name: `${s02.name} · 花名册` })).toBeVisible();
  await expect(page.getByRole('region', { name: '名册概况' })).toContainText(`登记 ${s02.total} 人`);
  await expect(page.getByText(`共 ${s02.total} 人`, { exact: true })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  // Middle-school grades: 七年级…九年级.
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('七年级');

  // Back to the side-by-side counts.
  await page.getByRole('link', { name: '各校人数' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '各校花名册人数' })).toBeVisible();
});

test('the centre transfers a staff member to another school; the same school is refused under the field', async ({ page, baseURL }) => {
  const counts = await rosterCounts(baseURL!);
  const s02 = counts.items.find((item) => item.code === 'S02')!;
  const s03 = counts.items.find((item) => item.code === 'S03')!;
  const api = await apiAs(baseURL!, 'centre');
  const found = await json<{ items: { id: string; name: string }[] }>(await api.post('/api/people/search', { data: { schoolId: s02.schoolId, kind: 'staff', limit: 1 } }));
  await api.dispose();
  const person = found.items[0]!;

  await signIn(page, 'centre');
  await page.goto(`/people/${person.id}`);
  await page.getByRole('button', { name: '转校' }).click();
  const dialog = page.getByRole('dialog', { name: `将 ${person.name} 转到其他学校` });
  await choose(page, dialog, '转入学校', `${s02.code} ${s02.name}`);
  await dialog.getByRole('button', { name: '确认转校' }).click();
  await expect(dialog).toContainText('已在这所学校，请选择另一所学校');
  await choose(page, dialog, '转入学校', `${s03.code} ${s03.name}`);
  await dialog.getByRole('button', { name: '确认转校' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已将“${person.name}”转到${s03.name}`)).toBeVisible();
  await expect(page.getByRole('region', { name: '历史记录' })).toContainText(`${s02.name} → ${s03.name}`);
});

test('an observer reads every school’s roster but cannot change it', async ({ page, baseURL }) => {
  const counts = await rosterCounts(baseURL!);
  const s01 = counts.items.find((item) => item.code === 'S01')!;
  await signIn(page, 'observer');
  await page.goto(`/people?schoolId=${s01.schoolId}`);
  await expect(page.getByRole('heading', { level: 1, name: `${s01.name} · 花名册` })).toBeVisible();
  await expect(page.getByRole('button', { name: '导出' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增人员' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入' })).toHaveCount(0);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByTestId('id-number')).toHaveText(/\*{11}/);
  await expect(page.getByRole('button', { name: '显示完整身份证号' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '标记离校' })).toHaveCount(0);
});

test('the centre manages the census categories in the settings: add, rename, reorder, retire', async ({ page }) => {
  const code = `e2e_${unique().toLowerCase()}`;
  const label = `测试分类${unique()}`;
  await signIn(page, 'centre');
  await page.goto('/settings');
  const section = page.getByRole('region', { name: '摸排分类' });
  await expect(section.getByRole('table')).toContainText('密切接触者');

  await section.getByRole('button', { name: '新增分类' }).click();
  const add = page.getByRole('dialog', { name: '新增摸排分类' });
  await textbox(add, '代码').fill('Bad Code');
  await textbox(add, '中文名称').fill(label);
  await textbox(add, '英文名称').fill('E2E category');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add.getByText('代码为 2–32 位小写字母、数字或下划线')).toBeVisible();
  await textbox(add, '代码').fill(code);
  await add.getByRole('checkbox', { name: '计为异常' }).check();
  await add.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增分类“${label}”`)).toBeVisible();
  const rows = section.getByRole('table').getByRole('row');
  const row = rows.filter({ hasText: code });
  await expect(rows.last()).toContainText(code);

  // Rename.
  await row.getByRole('button', { name: `编辑 ${label}` }).click();
  const edit = page.getByRole('dialog', { name: '编辑摸排分类' });
  await textbox(edit, '中文名称').fill(`${label}改`);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存分类“${label}改”`)).toBeVisible();

  // Reorder: one step up.
  const position = async () => (await rows.allInnerTexts()).findIndex((text) => text.includes(code));
  const before = await position();
  await row.getByRole('button', { name: `上移 ${label}改` }).click();
  await expect.poll(position).toBe(before - 1);

  // Retire: it stays listed as retired and is no longer offered on the roster's add form.
  await row.getByRole('button', { name: `停用 ${label}改` }).click();
  await page.getByRole('dialog', { name: `停用分类“${label}改”?` }).getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: `启用 ${label}改` })).toBeVisible();
});
