import { expect, test } from '@playwright/test';
import { demoData, expectAccessible, mainMenu, signIn } from './support/app';
import { json } from './support/days';
import { apiAs, chooseOption, newIdNumber, textbox, uniqueChineseName } from './support/roster';

// Issue 13: an ID number on another school's roster is refused with one neutral message (no hint where it is);
// the centre finds the attempt under 身份证号冲突, the number masked, and marks it handled.
test('a principal using another school’s child’s ID number is told only that it cannot be used here; the centre sees the conflict', async ({ page, baseURL }) => {
  const { api: centreApi, school, classesOf } = await demoData(baseURL!);
  const s01 = school('S01');
  const s02 = school('S02');
  const idNumber = newIdNumber();
  const child = uniqueChineseName();
  const s02Class = (await classesOf(s02.id))[0]!;
  const created = await centreApi.post('/api/people', { data: { schoolId: s02.id, classId: s02Class.id, kind: 'student', name: child.name, idNumber, guardians: [] } });
  expect(created.status(), await created.text()).toBe(201);
  await centreApi.dispose();
  const principalApi = await apiAs(baseURL!, 'principal01');
  const principalName = (await json<{ user: { displayName: string } }>(await principalApi.get('/api/auth/me'))).user.displayName;
  await principalApi.dispose();

  await signIn(page, 'principal01');
  await mainMenu(page).getByRole('menuitem', { name: '花名册' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const form = page.getByRole('dialog', { name: '新增人员' });
  await textbox(form, '姓名').fill(uniqueChineseName().name);
  await textbox(form, '身份证号').fill(idNumber);
  await chooseOption(page, form, '班级', '三年级 1班');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('该身份证号无法在此登记,请联系教管中心')).toBeVisible();
  await expect(form).not.toContainText('另一人');
  await expect(form).not.toContainText(s02.name);
  await textbox(form, '身份证号').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('principal-neutral-message.png') });
  await form.getByRole('button', { name: '取消' }).click();

  await page.context().clearCookies();
  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '花名册' }).click();
  const section = page.getByRole('region', { name: '身份证号冲突' });
  const masked = `${idNumber.slice(0, 6)}${'*'.repeat(11)}${idNumber.slice(-1)}`;
  const row = section.getByRole('row').filter({ hasText: masked });
  await expect(row).toContainText(s01.name);
  await expect(row).toContainText(`${principalName} · 新增`);
  await expect(row).toContainText(`${s02.name} · ${child.name}`);
  await expect(section).not.toContainText(idNumber);
  await section.screenshot({ path: test.info().outputPath('centre-id-conflicts.png') });
  await row.getByRole('button', { name: `将 ${s01.name} 与 ${s02.name} 的冲突标为已处理` }).click();
  await expect(page.getByText('已标为已处理')).toBeVisible();
  await expect(row).toContainText('已处理（');
  await expectAccessible(page);
});
