import { expect, test } from '@playwright/test';
import { mainMenu, signIn } from './support/app';
import { chooseOption, newIdNumber, rosterCounts, textbox, uniqueChineseName, withWrongCheckDigit } from './support/roster';

test('a principal keeps the roster: summary, add, search by initials, reveal, edit, move, leave', async ({ page, baseURL }) => {
  const counts = await rosterCounts(baseURL!);
  const s01 = counts.items.find((item) => item.code === 'S01')!;
  const person = uniqueChineseName();
  const idNumber = newIdNumber();

  await signIn(page, 'principal01');
  await mainMenu(page).getByRole('menuitem', { name: '花名册' }).click();
  await expect(page).toHaveURL('/people');
  await expect(page.getByRole('heading', { level: 1, name: '花名册' })).toBeVisible();

  // The summary line and the list are the principal's school only.
  const summary = page.getByRole('region', { name: '名册概况' });
  await expect(summary).toContainText(`登记 ${s01.total} 人`);
  await expect(summary).toContainText(`学生 ${s01.students}`);
  await expect(summary).toContainText(`教职工 ${s01.staff}`);
  await expect(page.getByText(`共 ${s01.total} 人`, { exact: true })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(50); // the first page

  // Add a student; the ID number is checked as it is typed.
  await page.getByRole('button', { name: '新增人员' }).click();
  const form = page.getByRole('dialog', { name: '新增人员' });
  await textbox(form, '姓名').fill(person.name);
  await textbox(form, '身份证号').fill(withWrongCheckDigit(idNumber));
  await expect(form.getByText(/身份证号校验位不正确/)).toBeVisible();
  await textbox(form, '身份证号').fill(idNumber);
  await expect(form.getByText(/身份证号校验位不正确/)).toHaveCount(0);
  await chooseOption(page, form, '班级', '三年级 1班');
  const guardian = form.getByRole('group', { name: '第 1 位监护人' });
  await textbox(guardian, '监护人姓名').fill('欧阳建国');
  await textbox(guardian, '与学生关系').fill('父亲');
  await textbox(guardian, '监护人电话').fill('13812345678');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增“${person.name}”`)).toBeVisible();
  await expect(form).toBeHidden();

  // Search by pinyin initials; the search text never reaches the address bar.
  await page.getByRole('searchbox', { name: '搜索' }).fill(person.initials);
  const link = page.getByRole('table').getByRole('link', { name: person.name });
  await expect(link).toBeVisible();
  expect(page.url()).not.toContain(person.initials);
  await page.getByRole('searchbox', { name: '搜索' }).fill(person.pinyin);
  await expect(link).toBeVisible();
  await link.click();

  // Detail: masked ID number; the reveal shows all 18 characters and says it is recorded.
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  const idCell = page.getByTestId('id-number');
  await expect(idCell).toHaveText(/^500118\*{11}[\dX]$/);
  await expect(page.getByRole('link', { name: /拨打 欧阳建国 的电话 13812345678/ })).toHaveAttribute('href', 'tel:13812345678');
  await page.getByRole('button', { name: '显示完整身份证号' }).click();
  await expect(idCell).toHaveText(idNumber);
  expect((await idCell.innerText()).trim()).toHaveLength(18);
  await expect(page.getByText('此次查看已记入审计日志', { exact: false })).toBeVisible();

  // Edit one field.
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  const edit = page.getByRole('dialog', { name: `编辑 ${person.name}` });
  await textbox(edit, '所在村（社区）').fill('白果村');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存“${person.name}”`)).toBeVisible();
  const home = page.getByRole('region', { name: '家庭住址' });
  await expect(home).toContainText('白果村');
  const history = page.getByRole('region', { name: '历史记录' });
  await expect(history).toContainText('修改信息');

  // Move to another class: the history says from where to where.
  await page.getByRole('button', { name: '调班' }).click();
  const move = page.getByRole('dialog', { name: `为 ${person.name} 调整班级` });
  await chooseOption(page, move, '调入班级', '三年级 2班');
  await move.getByRole('button', { name: '确认调班' }).click();
  await expect(history).toContainText('调整班级：三年级1班 → 三年级2班');
  await expect(page.getByRole('region', { name: '身份信息' })).toContainText('三年级 2班');

  // Mark as left (transferred), with a confirmation.
  await page.getByRole('button', { name: '标记离校' }).click();
  const leave = page.getByRole('dialog', { name: `将 ${person.name} 标记为离校?` });
  // Chosen as a user would see it chosen: a click while the dialog is still zooming open can miss.
  await expect(async () => {
    await leave.getByText('转学', { exact: true }).click();
    await expect(leave.getByRole('radio', { name: '转学' })).toBeChecked({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await leave.getByRole('button', { name: '确认离校' }).click();
  await expect(page.getByText(`已将“${person.name}”标记为离校`)).toBeVisible();
  await expect(page.getByRole('region', { name: '身份信息' })).toContainText('已离校');
  await expect(history).toContainText('离校：转学');
  await expect(page.getByRole('button', { name: '恢复在校' })).toBeVisible();

  // Gone from the active roster, found under status "left".
  await page.getByRole('link', { name: '花名册' }).first().click();
  await page.getByRole('searchbox', { name: '搜索' }).fill(person.name);
  await expect(page.getByText('没有符合条件的人员')).toBeVisible();
  await chooseOption(page, page, '状态', '已离校');
  await expect(page.getByRole('table').getByRole('link', { name: person.name })).toBeVisible();
});
