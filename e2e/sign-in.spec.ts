import { expect, test } from '@playwright/test';
import { CENTRE_NAME, DEMO_PASSWORD, signIn, unique } from './support/app';

test('a wrong password shows the error and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: '校园防控通' })).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill('observer');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码不正确');
  await expect(page).toHaveURL(/\/login$/);
  // The password field is emptied for the next try.
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
});

test('empty fields are flagged under the fields, without asking the server', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('必填')).toHaveCount(2);
});

test('a user name with a NUL byte is flagged under the field in the browser, and the server answers the same', async ({ page, request }) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('centre\u0000');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  let sent = false;
  page.on('request', (sentRequest) => (sent ||= sentRequest.url().endsWith('/api/auth/login')));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('含有无法保存的字符(控制字符或残缺字符),请重新输入')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('login-nul-username.png') });
  expect(sent).toBe(false);
  // Sent anyway (not through the form), the server refuses it field by field, no 500 (issue 13).
  const response = await request.post('/api/auth/login', { data: { username: 'centre\u0000', password: DEMO_PASSWORD } });
  expect(response.status()).toBe(400);
  expect((await response.json()).fields).toEqual({ username: '含有无法保存的字符(控制字符或残缺字符),请重新输入' });
});

test('signing in shows the centre, and signing out returns to the login page', async ({ page }) => {
  await signIn(page, 'centre');
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('banner')).toContainText(CENTRE_NAME);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('已退出登录')).toBeVisible();
  // The session is gone: a protected page sends us back to the login page.
  await page.goto('/schools');
  await expect(page).toHaveURL(/\/login\?next=%2Fschools$/);
});

test('after signing in from a deep link the user lands where they were going', async ({ page }) => {
  await page.goto('/classes');
  await expect(page).toHaveURL(/\/login\?next=%2Fclasses$/);
  await page.getByLabel('用户名', { exact: true }).fill('centre');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/classes$/);
  await expect(page.getByRole('heading', { level: 1, name: '班级' })).toBeVisible();
});

test('too many wrong passwords: the sign-in page says in Chinese how long to wait', async ({ page }, testInfo) => {
  // A name of its own: the throttle counts per (account, address), and the other journeys sign in from this address too.
  const username = `throttled-${unique().toLowerCase()}`;
  await page.goto('/login');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password-1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('用户名或密码不正确');
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
  }
  await page.getByLabel('密码', { exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/尝试次数过多,请 (2\d|30) 秒后再试/);
  await expect(page).toHaveURL(/\/login$/);
  await page.screenshot({ path: testInfo.outputPath('sign-in-throttled.png') });
});
