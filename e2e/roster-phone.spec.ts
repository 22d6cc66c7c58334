import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './support/app';
import { FIXTURES } from './support/roster';

async function checkMessyFile(page: Page) {
  await page.goto('/people/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入花名册' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'roster-messy.xlsx'));
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await expect(page.getByRole('region', { name: '检查' }).getByRole('list', { name: '检查结果统计' })).toContainText('不能导入 9');
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a class teacher uses the roster, a person and the import without sideways scrolling; axe finds nothing serious', async ({ page }) => {
    await signIn(page, 'teacher01');
    await page.goto('/people');
    const cards = page.getByRole('list', { name: '人员名单' });
    await expect(cards.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // The folded filters open without widening the page.
    await page.getByRole('button', { name: '更多筛选' }).click();
    await expect(page.getByRole('combobox', { name: '摸排分类' })).toBeVisible();
    await expectNoHorizontalScroll(page);

    // A person: tap-to-call guardians, no sideways scroll.
    await cards.getByRole('link').first().click();
    await expect(page.getByRole('region', { name: '身份信息' })).toBeVisible();
    await expect(page.getByRole('region', { name: '监护人' }).getByRole('link').first()).toHaveAttribute('href', /^tel:/);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    await page.goto('/people/import');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });

  test('the import check reads as cards on a phone', async ({ page }) => {
    await signIn(page, 'principal01');
    await checkMessyFile(page);
    await expect(page.getByRole('list', { name: '逐行检查结果' }).getByRole('listitem')).toHaveCount(9);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});

test('axe finds nothing serious on the desktop roster, a person and the import check', async ({ page }) => {
  await signIn(page, 'principal01');
  await page.goto('/people');
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('region', { name: '历史记录' })).toBeVisible();
  await expectAccessible(page);
  await checkMessyFile(page);
  await expectAccessible(page);
});
