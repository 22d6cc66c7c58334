import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './support/app';

/**
 * What a class teacher trips over on the record page (issue 12), on a 360 px
 * phone, in teacher16's class (untouched today in the demo seed): online
 * study said in the one tap, a not-reached reason in one tap, a fever that
 * moves the census category, a changed form that asks before leaving and
 * keeps its draft across a reload, and a double tap that saves once.
 */
// teacher16's class: S16 has not started its calls today (seed), and no other journey uses it.
const TEACHER = 'teacher16';
let classPath = '';
let names: string[] = [];

const rows = (page: Page) => page.locator('.worklist-row');
const row = (page: Page, name: string) => rows(page).filter({ has: page.locator('.worklist-name', { hasText: new RegExp(`^${name}$`) }) });

async function openClass(page: Page) {
  await page.goto(classPath || '/follow-ups');
  await expect(page).toHaveURL(/\/follow-ups\/class\//);
  classPath = new URL(page.url()).pathname;
  await expect(rows(page).first()).toBeVisible();
}

async function expectTouchSize(page: Page, name: string) {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  expect(box!.height, `${name} is tall enough to tap`).toBeGreaterThanOrEqual(44);
  expect(box!.x + box!.width, `${name} fits the screen`).toBeLessThanOrEqual(360);
}

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('one tap records online study or a not-reached reason; a fever moves the census category and shows on the person’s page', async ({ page }) => {
  await signIn(page, TEACHER);
  await openClass(page);
  names = (await rows(page).locator('.worklist-name').allInnerTexts()).map((name) => name.trim());
  expect(names.length).toBeGreaterThan(6);
  await expect(page.getByText(/^已联系 0 \//)).toBeVisible();

  // Online study is said in the same tap as "all well": both ways are a button of their own.
  await row(page, names[0]!).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: names[0] })).toBeVisible();
  await expectTouchSize(page, '正常·已上网课');
  await expectTouchSize(page, '正常·未上网课');
  await expectTouchSize(page, '外出务工联系不上');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: '正常·已上网课' }).click();
  await expect(page.getByText(`已保存 ${names[0]} 的随访记录`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: names[1] })).toBeVisible();
  await page.getByRole('button', { name: '正常·未上网课' }).click();
  await expect(page.getByRole('heading', { level: 1, name: names[2] })).toBeVisible();

  // Not reached: the reason is one tap, and the save is that tap.
  await page.getByRole('button', { name: '关机', exact: true }).click();
  await expect(page.getByText(`已记录：${names[2]} 联系不上（关机）`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: names[3] })).toBeVisible();

  // A fever: the census move is offered in the same save, checked by default.
  await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await page.getByLabel('体温（°C，可不填）').fill('38.5');
  const move = page.getByRole('checkbox', { name: '同时将摸排分类改为“发热或身体不适”' });
  await expect(move).toBeChecked();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '保存记录' }).click();
  await expect(page.getByText(`已保存。${names[3]} 有异常`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: names[4] })).toBeVisible();

  // The list says what was recorded, in words.
  await page.getByRole('link', { name: '返回名单' }).click();
  await expect(row(page, names[0]!)).toContainText('已上网课');
  await expect(row(page, names[1]!)).toContainText('未上网课');
  await expect(row(page, names[2]!)).toHaveClass(/status-unreachable/);
  await expect(row(page, names[2]!)).toContainText('关机');
  await expect(row(page, names[3]!)).toHaveClass(/status-exception/);

  // The person's page: the new census category, its history entry, and today's exception with who recorded it.
  const href = await row(page, names[3]!).getByRole('link').getAttribute('href');
  const personId = href!.split('?')[0]!.split('/').pop()!;
  await page.goto(`/people/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: names[3] })).toBeVisible();
  await expect(page.getByRole('region', { name: '摸排情况' })).toContainText('发热或身体不适');
  const today = page.getByRole('region', { name: '今日随访' });
  await expect(today).toContainText('今日异常：体温 38.5°C');
  await expect(today).toContainText('记录于');
  await expect(page.getByRole('region', { name: '历史记录' })).toContainText('发热或身体不适');
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test('a changed form asks before leaving and keeps its draft across a reload; a double tap saves once', async ({ page }) => {
  await signIn(page, TEACHER);
  await openClass(page);
  const name = names[4]!;
  await row(page, name).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const recordUrl = page.url();
  await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await page.getByLabel('备注').fill('家长说晚上再测一次体温');

  // 返回名单 asks; staying keeps what was typed.
  await page.getByRole('link', { name: '返回名单' }).click();
  const ask = page.getByRole('dialog', { name: '有未保存的填写内容' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '留下继续填写' }).click();
  await expect(ask).toBeHidden();
  expect(page.url()).toBe(recordUrl);
  await expect(page.getByLabel('备注')).toHaveValue('家长说晚上再测一次体温');

  // A reload asks too (beforeunload), and brings the draft back.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByText('已恢复刚才未保存的填写内容')).toBeVisible();
  await expect(page.getByLabel('备注')).toHaveValue('家长说晚上再测一次体温');
  // The draft is in this tab's sessionStorage only, never in localStorage.
  const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage).filter((key) => key.startsWith('campus.draft.')).length, local: JSON.stringify(localStorage) }));
  expect(stored.session).toBe(1);
  expect(stored.local).not.toContain('晚上再测');

  // A double tap on save sends one request.
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/api/follow-ups/')) saves.push(request.url());
  });
  await page.getByRole('button', { name: '保存记录' }).dblclick();
  await expect(page.getByText(`已保存 ${name} 的随访记录`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: names[5] })).toBeVisible();
  // The phone's outbox sends in the background: once it holds nothing, one PUT went out.
  await expect.poll(() => saves.length).toBe(1);
  await expect(page.getByRole('button', { name: /条待上传/ })).toHaveCount(0);
  expect(saves).toHaveLength(1);
  // Saved: the draft is gone, and moving on asks nothing.
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('campus.draft.')).length)).toBe(0);

  // Leaving on purpose discards the changes.
  await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await page.getByLabel('备注').fill('不保存的内容');
  await page.getByRole('link', { name: '返回名单' }).click();
  await page.getByRole('dialog', { name: '有未保存的填写内容' }).getByRole('button', { name: '放弃并离开' }).click();
  await expect(page).toHaveURL(new RegExp(`${classPath}$`));
  await expect(row(page, names[4]!)).toContainText('电话');
  await expect(row(page, names[5]!)).toHaveClass(/status-pending/);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('campus.draft.')).length)).toBe(0);
});

test('signing out with a draft erases it', async ({ page }) => {
  await signIn(page, TEACHER);
  await openClass(page);
  await row(page, names[5]!).getByRole('link').click();
  await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await page.getByLabel('体温（°C，可不填）').fill('37.9');
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('campus.draft.')).length)).toBe(1);
  // The phone shell's header signs out (no menu to open).
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('campus.draft.')).length)).toBe(0);
});

test('the group chat batch records the online study chosen for it', async ({ page }) => {
  await signIn(page, TEACHER);
  await openClass(page);
  await page.getByRole('button', { name: '批量标记正常' }).click();
  await page.getByRole('checkbox', { name: names[6]! }).check();
  await page.locator('label').filter({ has: page.getByRole('radio', { name: '都已上网课', exact: true }) }).click();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '标记为正常' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '网课情况：都已上网课' });
  await confirm.getByRole('button', { name: '标记为正常', exact: true }).click();
  await expect(page.getByText('已标记 1 人为正常')).toBeVisible();
  await expect(row(page, names[6]!)).toContainText('已上网课');
  await expect(row(page, names[6]!)).toContainText('班级群确认');
});
