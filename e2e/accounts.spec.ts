import { expect, test, type Page } from '@playwright/test';
import { choose, confirmWith, mainMenu, signIn, unique } from './support/app';

/** Reads the one-time password from its dialog and closes it. */
async function takeOneTimePassword(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: '一次性密码' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('此密码只显示这一次');
  await expect(dialog.getByRole('button', { name: '复制密码' })).toBeVisible();
  const password = (await dialog.getByRole('status').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await dialog.getByRole('button', { name: '我已记下，关闭' }).click();
  await expect(dialog).toBeHidden();
  return password;
}

test('a new account gets a one-time password, must change it at first sign-in, and a disabled account is signed out', async ({ page, browser }) => {
  const username = `e2e.${unique().toLowerCase()}`;
  const displayName = `测试老师${username.slice(-4)}`;

  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '账号' }).click();
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新增账号' });
  await dialog.getByLabel('用户名').fill('x');
  await dialog.getByLabel('姓名').fill(displayName);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('用户名为 3–32 位字母、数字、点、下划线或短横线')).toBeVisible();
  await expect(dialog.getByText('必填')).toBeVisible(); // a class teacher needs a school
  await dialog.getByLabel('用户名').fill(username);
  await choose(page, dialog, '学校', 'S01 义和镇中心小学');
  await dialog.getByRole('button', { name: '保存' }).click();

  const oneTimePassword = await takeOneTimePassword(page);
  // Never kept in the browser: not in the address, not in storage.
  expect(page.url()).not.toContain(oneTimePassword);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(oneTimePassword);

  await page.getByLabel('搜索', { exact: true }).fill(username);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('待改初始密码');

  // The new teacher signs in elsewhere and may only change the password.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signIn(teacher, username, oneTimePassword);
  await expect(teacher).toHaveURL('/change-password');
  await expect(teacher.getByText('这是您首次登录')).toBeVisible();
  await expect(mainMenu(teacher)).toHaveCount(0);
  await teacher.goto('/schools');
  await expect(teacher).toHaveURL('/change-password');

  await teacher.getByLabel('当前密码（一次性密码）').fill(oneTimePassword);
  await teacher.getByLabel('新密码', { exact: true }).fill('short');
  await teacher.getByLabel('再次输入新密码').fill('short');
  await teacher.getByRole('button', { name: '修改密码' }).click();
  await expect(teacher.getByText('密码至少 8 位,且需同时包含字母和数字')).toBeVisible();
  await teacher.getByLabel('新密码', { exact: true }).fill('Campus-e2e-2026');
  await teacher.getByLabel('再次输入新密码').fill('Campus-e2e-2026');
  await teacher.getByRole('button', { name: '修改密码' }).click();
  await expect(teacher).toHaveURL('/');
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(`您好，${displayName}`);
  // A class teacher's home is the phone shell's: its links instead of a menu.
  const teacherLinks = teacher.getByRole('navigation', { name: '常用入口' });
  await expect(teacherLinks.getByRole('link', { name: '本校' })).toBeVisible();

  // The centre disables the account: the teacher's next action lands on the login page.
  await page.reload();
  await page.getByRole('button', { name: `停用 ${username}` }).click();
  await confirmWith(page, '停用');
  await expect(page.getByText(`已停用账号“${username}”`)).toBeVisible();

  await teacherLinks.getByRole('link', { name: '本校' }).click();
  await expect(teacher).toHaveURL(/\/login/);
  await expect(teacher.getByRole('heading', { level: 2, name: '登录' })).toBeVisible();
  // And cannot sign in again.
  await teacher.getByLabel('用户名', { exact: true }).fill(username);
  await teacher.getByLabel('密码', { exact: true }).fill('Campus-e2e-2026');
  await teacher.getByRole('button', { name: '登录', exact: true }).click();
  await expect(teacher.getByRole('alert')).toBeVisible();
  await expect(teacher).toHaveURL(/\/login/);
  await teacherContext.close();

  // Enabled again and reset: a new one-time password, shown once.
  // The filter lives in the URL; the box ticks once the navigation settles.
  await page.getByRole('checkbox', { name: '显示已停用' }).click();
  await expect(page.getByRole('checkbox', { name: '显示已停用' })).toBeChecked();
  await expect(row).toContainText('已停用');
  await page.getByRole('button', { name: `启用 ${username}` }).click();
  await confirmWith(page, '启用');
  await expect(row).toContainText('正常');
  await page.getByRole('button', { name: `重置密码 ${username}` }).click();
  await confirmWith(page, '重置密码');
  const resetPassword = await takeOneTimePassword(page);
  expect(resetPassword).not.toBe(oneTimePassword);
  await expect(row).toContainText('待改初始密码');
});

test('a principal creates a gate duty account in their own school', async ({ page }) => {
  const username = `gate.${unique().toLowerCase()}`;
  await signIn(page, 'principal01');
  await page.goto('/accounts');
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新增账号' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('门卫测试');
  await choose(page, dialog, '角色', '门卫值守');
  await expect(dialog).toContainText('义和镇中心小学');
  await dialog.getByRole('button', { name: '保存' }).click();
  await takeOneTimePassword(page);
  await expect(page.getByRole('row').filter({ hasText: username })).toContainText('门卫值守');
  // Their own account cannot be disabled from here.
  await expect(page.getByRole('button', { name: 'principal01', exact: false })).toHaveCount(0);
});
