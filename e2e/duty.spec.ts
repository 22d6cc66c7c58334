import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addDays, monthDay, todayInCentre } from './support/days';
import { demoData, expectAccessible, expectNoHorizontalScroll, signIn, signedInPage } from './support/app';

// 值班值守 (issue 15): the person on duty files the day's report with photos on a phone; the centre sees it.
const fixtures = path.join(import.meta.dirname, 'fixtures');

test.describe('on the gate’s phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('gate staff file the day’s duty report with two photos; a file that is not a picture is refused without losing what was typed', async ({ page }) => {
    await signIn(page, 'gate01');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('menuitem', { name: '值班值守' }).click();
    await expect(page).toHaveURL('/duty');
    await expect(page.getByRole('heading', { level: 1, name: '值班报告' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '尚未提交' })).toBeVisible();

    await page.getByLabel('开始时间').fill('07:30');
    await page.getByRole('checkbox', { name: '校门及周边巡查' }).check();
    await page.getByRole('checkbox', { name: '外来人员登记核查' }).check();
    await page.getByText('有情况需要报告', { exact: true }).click();
    await expect(page.getByRole('radio', { name: '有情况需要报告' })).toBeChecked();
    await page.getByLabel('情况说明').fill('18:20 一辆外来车辆停在校门口，已劝离。');

    // Submitting without a photo says what is missing.
    await page.getByRole('button', { name: '提交值班报告' }).click();
    await expect(page.getByText('请至少添加一张照片或截图')).toBeVisible();

    await page.getByTestId('picture-album').setInputFiles([path.join(fixtures, 'duty-gate.jpg'), path.join(fixtures, 'not-a-photo.jpg')]);
    await expect(page.getByRole('alert').filter({ hasText: '“not-a-photo.jpg”不是图片:请选择 JPG、PNG、WebP 或 HEIC 照片' })).toBeVisible();
    await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible();
    await page.getByRole('button', { name: '移除第 2 张照片' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '不是图片' })).toHaveCount(0);
    await page.getByTestId('picture-camera').setInputFiles(path.join(fixtures, 'duty-screenshot.png'));
    await expect(page.getByRole('img', { name: '第 2 张照片' })).toBeVisible();
    await expect(page.getByText('已添加 2 张')).toBeVisible();
    // what was typed is still there
    await expect(page.getByLabel('情况说明')).toHaveValue('18:20 一辆外来车辆停在校门口，已劝离。');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    await page.getByRole('button', { name: '提交值班报告' }).click();
    await expect(page.getByText('值班报告已提交')).toBeVisible();
    await expect(page.getByText('18:20 一辆外来车辆停在校门口，已劝离。')).toBeVisible();
    await expect(page.getByText('07:30–18:00')).toBeVisible();
    await expect(page.getByRole('region', { name: '照片' }).getByRole('img')).toHaveCount(2);
    await expect(page.getByRole('button', { name: '修改报告' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test('the centre sees the duty grid, opens the report with its photos full size, and missing reports are flagged', async ({ browser, baseURL }) => {
  const { school } = await demoData(baseURL!);
  const s01 = school('S01');
  const page = await signedInPage(browser, 'centre');
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '值班报告' }).click();
  await expect(page).toHaveURL('/duty/grid');
  await expect(page.getByText(/\d+ 份值班报告逾期未报/)).toBeVisible();

  const today = todayInCentre();
  // S04 misses a day now and then in the demo township: five days ago is past its deadline.
  const missingDay = addDays(today, -5);
  await expect(page.getByRole('link', { name: `S04 ${monthDay(missingDay)} 未报`, exact: true })).toBeVisible();
  await expectAccessible(page);

  // The report gate01 filed today (the phone test above) opens with its two photos.
  await page.getByRole('link', { name: new RegExp(`^S01 ${monthDay(today)} 按时`) }).click();
  await expect(page).toHaveURL(`/duty/schools/${s01.id}`);
  const photos = page.getByRole('region', { name: '照片' }).getByRole('img');
  await expect(photos).toHaveCount(2);
  await expect(page.getByRole('button', { name: '修改报告' })).toHaveCount(0);
  await photos.first().click();
  const full = page.locator('.ant-image-preview-img');
  await expect(full).toBeVisible();
  await expect(full).toHaveAttribute('src', /\/api\/uploads\/[0-9a-f-]{36}$/);
  const natural = await full.evaluate((image: HTMLImageElement) => image.naturalWidth);
  expect(natural).toBe(1024);
});

test.describe('on the centre’s phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the duty grid reads as a card per school, the worst first, without sideways scrolling', async ({ page, baseURL }) => {
    const { school } = await demoData(baseURL!);
    await signIn(page, 'centre');
    await page.goto('/duty/grid');
    const cards = page.getByRole('region', { name: /值班报告提交情况/ });
    await expect(cards).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    // S04, S11 and S18 miss a day now and then in the demo township (five days ago among them); no other school
    // misses more than yesterday, so on the phone, worst first, S04's card is among the first three.
    const missingDay = addDays(todayInCentre(), -5);
    const missing = cards.getByRole('link', { name: `S04 ${monthDay(missingDay)} 未报`, exact: true });
    await expect(missing).toBeVisible();
    expect((await missing.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const titles = await cards.locator('.grid-card-title').allInnerTexts();
    expect(titles.findIndex((title) => title.startsWith('S04'))).toBeLessThan(3);
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await missing.click();
    await expect(page).toHaveURL(`/duty/schools/${school('S04').id}?day=${missingDay}`);
  });
});

test('the principal fills an empty week of the duty roster by copying the week before, and it is saved', async ({ browser }) => {
  const page = await signedInPage(browser, 'principal02');
  await page.goto('/duty/roster');
  await expect(page.getByRole('heading', { level: 1, name: '值班安排' })).toBeVisible();
  await page.getByRole('button', { name: '下一周' }).click();
  await page.getByRole('button', { name: '下一周' }).click();
  // two weeks ahead is empty in the demo; copying the week before fills it
  await expect(page.getByRole('row').nth(1)).toContainText('选择教职工');
  await page.getByRole('button', { name: '复制上周' }).click();
  await expect(page.getByText('已填入上周的安排，请检查后保存')).toBeVisible();
  await page.getByRole('button', { name: '保存安排' }).click();
  await expect(page.getByText('值班安排已保存')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: '下一周' }).click();
  await page.getByRole('button', { name: '下一周' }).click();
  // the copied names were saved: the first day names someone on duty, not the empty choice
  await expect(page.getByRole('row').nth(1)).not.toContainText('选择教职工');
  await expectAccessible(page);
});
