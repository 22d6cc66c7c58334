import { expect, test } from '@playwright/test';
import { choose, DEMO_PASSWORD, mainMenu, signIn, signedInPage, unique } from './support/app';
import { apiAs, json, monthDay, todayInCentre } from './support/days';

/** A name as the audit log shows it: first and last character kept (王小明 → 王*明). */
const masked = (name: string) => (name.length <= 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name[name.length - 1]}`);

test('the audit log shows sign-ins, newest first, filtered by user and action', async ({ page, browser }) => {
  // Someone signs in elsewhere first.
  const gate = await signedInPage(browser, 'gate05');
  await gate.context().close();

  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  // The centre's own sign-in is the newest entry.
  const firstRow = page.getByRole('table').getByRole('row').nth(1);
  await expect(firstRow).toContainText('登录');
  await expect(firstRow).toContainText('centre（教管中心管理员）');

  await page.getByLabel('用户名', { exact: true }).fill('gate05');
  await choose(page, page, '操作类型', '登录');
  await page.getByRole('button', { name: '查询' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('gate05（门卫值守）');
  await expect(rows.nth(1)).toContainText('新桥村小学');
  for (const text of await rows.allInnerTexts()) {
    if (text.includes('gate05')) expect(text).toContain('登录');
  }
  await expect(page.getByRole('table')).not.toContainText('centre（');

  await page.getByRole('button', { name: '重置' }).click();
  await expect(page.getByRole('table')).toContainText('centre（');
});

test('a reveal of an ID number is found by its own action, named in words, not in code', async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, 'principal02');
  const people = await json<{ items: { id: string; name: string }[] }>(await api.post('/api/people/search', { data: { limit: 1 } }));
  await json(await api.post(`/api/people/${people.items[0]!.id}/reveal-id`));
  await api.dispose();

  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '审计日志' }).click();
  await choose(page, page, '操作类型', '查看完整身份证号');
  await page.getByRole('button', { name: '查询' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('查看完整身份证号');
  await expect(rows.nth(1)).toContainText('principal02');
  // The record is the person, by their masked name, not a code.
  await expect(rows.nth(1)).toContainText(masked(people.items[0]!.name));
  await expect(page.getByRole('table')).not.toContainText(people.items[0]!.name);
  await expect(page.getByRole('table')).not.toContainText('person.reveal_id');
  // The roster group gathers every roster action.
  await choose(page, page, '操作类型', '花名册（全部）');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows.nth(1)).toContainText('查看完整身份证号');
});

test('the record column says what the record is in words and opens it; a deleted record says so', async ({ page, baseURL }) => {
  const today = todayInCentre();
  const teacherApi = await apiAs(baseURL!, 'teacher03');
  const me = await json<{ classes: { id: string }[] }>(await teacherApi.get('/api/auth/me'));
  const worklist = await json<{ items: { personId: string; name: string }[] }>(await teacherApi.get(`/api/follow-ups/worklist?classId=${me.classes[0]!.id}`));
  const student = worklist.items[0]!;
  await json(await teacherApi.put(`/api/follow-ups/${student.personId}/${today}`, { data: { method: 'phone', reached: true, temperature: 36.5, symptoms: [] } }));
  await teacherApi.dispose();
  const centreApi = await apiAs(baseURL!, 'centre');
  const suffix = unique();
  const school = await json<{ id: string }>(await centreApi.post('/api/schools', { data: { code: `A${suffix}`.slice(0, 16), name: `审计删除测试学校${suffix}`, kind: 'primary' } }));
  await json(await centreApi.delete(`/api/schools/${school.id}`));
  await centreApi.dispose();

  await signIn(page, 'centre');
  await page.goto('/audit');
  await page.getByLabel('用户名', { exact: true }).fill('teacher03');
  await choose(page, page, '操作类型', '登记随访');
  await page.getByRole('button', { name: '查询' }).click();
  const rows = page.getByRole('table').getByRole('row');
  const record = rows.nth(1).getByRole('link', { name: `${masked(student.name)} ${monthDay(today)}随访` });
  await expect(record).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('FollowUp');
  await record.click();
  await expect(page).toHaveURL(new RegExp(`/people/${student.personId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(student.name);

  await page.goBack();
  await page.getByLabel('用户名', { exact: true }).fill('centre');
  await choose(page, page, '操作类型', '删除学校');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows.nth(1)).toContainText('已删除的记录');
  await expect(rows.nth(1).getByRole('link')).toHaveCount(0);
  // Its creation names the same gone record.
  await choose(page, page, '操作类型', '新增学校');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows.nth(1)).toContainText('已删除的记录');
});

test('the audit log pages with "load more"', async ({ page, playwright, baseURL }) => {
  // More than one page (50) of entries: sign-ins through the API.
  const api = await playwright.request.newContext({ baseURL });
  for (let index = 0; index < 55; index += 1) {
    const response = await api.post('/api/auth/login', { data: { username: 'observer', password: DEMO_PASSWORD } });
    expect(response.ok()).toBeTruthy();
  }
  await api.dispose();

  await signIn(page, 'centre');
  await page.goto('/audit');
  await expect(page.getByText('已显示 50 条')).toBeVisible();
  await page.getByRole('button', { name: '加载更多' }).click();
  await expect(page.getByText(/已显示 (\d{3}|[6-9]\d|5[1-9]) 条/)).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(51);
});

test('only the centre may read the audit log', async ({ page }) => {
  await signIn(page, 'principal02');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
});
