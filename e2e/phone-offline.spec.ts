import { expect, request, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, expectNoHorizontalScroll, signIn } from './support/app';
import { todayInCentre } from './support/days';

/**
 * Issue 16: the class teacher's calls survive a lost connection. S10 has not
 * started today's calls in the demo seed, and no other spec uses it.
 */
const TEACHER = 'teacher10';
const PRINCIPAL = 'principal10';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** What the phone keeps in IndexedDB (database campus-phone, store kv): the keys. */
function deviceKeys(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('campus-phone');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) return resolve([]);
          const keys = db.transaction('kv').objectStore('kv').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(new Error(String(keys.error)));
        };
      }),
  );
}

/** The bar under the header that says what the phone still holds ("3 条待上传") and opens the list. */
function outboxBar(page: Page, text: string) {
  return page.getByRole('button', { name: new RegExp(text) });
}

async function apiAs(baseURL: string, username: string) {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  return api;
}

test('three calls made offline are kept, shown after reopening offline, and sent once; a conflicting edit waits for a decision; signing out erases the phone', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await signIn(page, TEACHER);
  await page.goto('/follow-ups');
  await expect(page).toHaveURL(/\/follow-ups\/class\//);
  const classUrl = page.url();
  const classId = new URL(classUrl).pathname.split('/')[3]!;
  const rows = page.locator('.worklist-row');
  await expect(rows.first()).toBeVisible();
  // The app is installed (the worker controls the page) and the class is on the phone.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect.poll(() => deviceKeys(page), { timeout: 15_000 }).toContain('copy');
  const names = (await rows.filter({ hasText: '未联系' }).locator('.worklist-name').allInnerTexts()).map((name) => name.trim());
  expect(names.length).toBeGreaterThan(4);

  const teacherApi = await apiAs(baseURL!, TEACHER);
  const day = todayInCentre();
  const listOf = async () =>
    ((await (await teacherApi.get(`/api/follow-ups/worklist?classId=${classId}&day=${day}`)).json()) as { items: { personId: string; name: string; followUp: { version: number; note: string | null } | null }[] }).items;
  const recordedBefore = (await listOf()).filter((item) => item.followUp !== null).length;

  // The connection drops; three calls are recorded anyway.
  await context.setOffline(true);
  await rows.filter({ hasText: names[0]! }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: names[0] })).toBeVisible();
  for (const name of names.slice(0, 3)) {
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    // The numbers to call are there offline, in full.
    await expect(page.getByRole('region', { name: '联系方式' }).getByRole('link').first()).toHaveAttribute('href', /^tel:1\d{10}$/);
    await page.getByRole('button', { name: '正常·已上网课' }).click();
    await expect(page.getByText('已存入待上传，联网后自动上传').first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: names[3] })).toBeVisible();
  await expect(outboxBar(page, '3 条待上传')).toBeVisible();

  // The page is closed and opened again, still offline: the list is there, the three are pending.
  await page.close();
  const again = await context.newPage();
  await again.goto(classUrl);
  await expect(outboxBar(again, '3 条待上传')).toBeVisible({ timeout: 20_000 });
  await expect(again.getByText('离线：这是本机保存的名单')).toBeVisible();
  const againRows = again.locator('.worklist-row');
  for (const name of names.slice(0, 3)) await expect(againRows.filter({ hasText: name })).toContainText('待上传');
  await expect(againRows.filter({ hasText: names[3]! })).toContainText('未联系');
  await expectNoHorizontalScroll(again);

  // Back online: sent by themselves, once.
  await context.setOffline(false);
  await expect(outboxBar(again, '条待上传')).toBeHidden({ timeout: 30_000 });
  for (const name of names.slice(0, 3)) await expect(againRows.filter({ hasText: name })).not.toContainText('待上传');
  // The server has exactly three more records, each written once (version 1).
  const after = await listOf();
  expect(after.filter((item) => item.followUp !== null)).toHaveLength(recordedBefore + 3);
  const recorded = names.slice(0, 3).map((name) => after.find((item) => item.name === name));
  expect(recorded.map((item) => item?.followUp?.version)).toEqual([1, 1, 1]);
  await expectAccessible(again);

  // An offline edit of a record the principal changes meanwhile: shown side by side, for the teacher to decide.
  const first = recorded[0]!;
  await context.setOffline(true);
  await againRows.filter({ hasText: names[0]! }).getByRole('link').click();
  await again.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await again.getByLabel('备注').fill('班主任离线补充：家长晚上回电');
  await again.getByRole('button', { name: '保存记录' }).click();
  await expect(outboxBar(again, '1 条待上传')).toBeVisible();
  const principalApi = await apiAs(baseURL!, PRINCIPAL);
  const theirs = await principalApi.put(`/api/follow-ups/${first.personId}/${day}`, {
    data: { method: 'phone', reached: true, symptoms: [], studiedOnline: 'yes', note: '校长更正：已电话核实', version: 1 },
  });
  expect(theirs.ok(), await theirs.text()).toBeTruthy();
  await context.setOffline(false);
  await expect(outboxBar(again, '1 条需要处理')).toBeVisible({ timeout: 30_000 });
  await outboxBar(again, '1 条需要处理').click();
  const mine = again.getByRole('region', { name: '本机的记录' });
  const server = again.getByRole('region', { name: '服务器上的记录' });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText('班主任离线补充：家长晚上回电');
  await expect(server).toContainText('校长更正：已电话核实');
  // Nothing was overwritten while waiting.
  expect((await listOf()).find((item) => item.personId === first.personId)?.followUp?.note).toBe('校长更正：已电话核实');
  await again.getByRole('button', { name: '用本机的记录覆盖' }).click();
  await expect(outboxBar(again, '条需要处理')).toBeHidden({ timeout: 30_000 });
  await expect.poll(async () => (await listOf()).find((item) => item.personId === first.personId)?.followUp?.note).toBe('班主任离线补充：家长晚上回电');

  // Signing out erases the phone's copy and outbox.
  expect(await deviceKeys(again)).toContain('copy');
  await again.getByRole('button', { name: '退出登录' }).click();
  await expect(again).toHaveURL(/\/login/);
  await expect.poll(() => deviceKeys(again)).toEqual([]);
  await teacherApi.dispose();
  await principalApi.dispose();
  await context.close();
});
