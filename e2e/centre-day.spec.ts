import { expect, test } from '@playwright/test';
import { mainMenu, signIn } from './support/app';
import { longDay, todayInCentre } from './support/days';

/**
 * A day is the centre's calendar day, whatever zone the device is set to
 * (issue 13): a phone left on another zone still defaults a supply record to
 * the centre's today. Read only (the dialog is cancelled).
 */
function dayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

test('a browser in another time zone defaults a supply record to the centre’s today', async ({ browser }) => {
  // A zone whose calendar day differs from Beijing's right now (UTC+14 from 18:00 Beijing time, UTC−12 before 20:00).
  const centreDay = todayInCentre();
  const timezoneId = dayIn('Pacific/Kiritimati') !== centreDay ? 'Pacific/Kiritimati' : 'Etc/GMT+12';
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  await signIn(page, 'principal09');
  const browserDay = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  expect(browserDay).not.toBe(centreDay);

  await mainMenu(page).getByRole('menuitem', { name: '本校物资' }).click();
  await page.getByRole('button', { name: '登记使用' }).click();
  const dialog = page.getByRole('dialog', { name: '登记使用' });
  await expect(dialog.getByLabel('日期')).toHaveValue(longDay(centreDay));
  await page.screenshot({ path: test.info().outputPath('centre-day-supply-default.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await context.close();
});
