import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmWith, expectAccessible, expectNoHorizontalScroll, signedInPage, signIn } from './support/app';

/**
 * A class teacher's morning on a phone, in a school that has not started its
 * calls today (S04 in the demo seed): all-well in a tap, an unreachable
 * student, a fever, the group-chat bulk, the class report, then a correction.
 * (The principal's and the centre's side is in daily-reports.spec.ts, on S01.)
 */
const TEACHER = 'teacher04';
/** The student the first journey records with a fever (read by the ones after it). */
let feverName = '';
let classPath = '';

function worklist(page: Page) {
  return page.locator('ul.worklist');
}

/** Taps a choice button (antd's radio buttons keep the input itself out of sight). */
async function pick(page: Page, choice: string) {
  await page.locator('label').filter({ has: page.getByRole('radio', { name: choice, exact: true }) }).click();
  await expect(page.getByRole('radio', { name: choice, exact: true })).toBeChecked();
}

/** The figures (runs of digits) inside `scope` whose text the browser laid out on more than one line. */
function figuresBrokenAcrossLines(scope: Locator) {
  return scope.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!/^\d{2,}$/.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(text);
    }
    return broken;
  });
}

async function progressText(page: Page) {
  return page.getByRole('region', { name: '随访进度' }).innerText();
}

test.describe.configure({ mode: 'serial' });

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a class teacher calls the class, records an exception and files the report', async ({ page }) => {
    await signIn(page, TEACHER);
    // The menu's "today" goes straight to the teacher's one class.
    await page.goto('/follow-ups');
    await expect(page).toHaveURL(/\/follow-ups\/class\//);
    classPath = new URL(page.url()).pathname;
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    const total = Number((await progressText(page)).match(/已联系 0 \/ (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(10);
    await expect(page.getByText('今日日报告尚未提交')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    const rows = page.locator('.worklist-row');
    const names = (await rows.locator('.worklist-name').allInnerTexts()).map((name) => name.trim());
    expect(names).toHaveLength(total);

    // All-well path, counting taps: open the first student (1), call (2), "all well" (3);
    // the app moves straight on to the next student not yet contacted.
    let taps = 0;
    await rows.filter({ hasText: names[0]! }).getByRole('link').click();
    taps += 1;
    await expect(page.getByRole('heading', { level: 1, name: names[0] })).toBeVisible();
    const call = page.getByRole('region', { name: '联系方式' }).getByRole('link').first();
    await expect(call).toHaveAttribute('href', /^tel:1\d{10}$/);
    taps += 1; // the call itself leaves the browser; the test only checks the link
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: '正常·已上网课' }).click();
    taps += 1;
    await expect(page.getByText(`已保存 ${names[0]} 的随访记录`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: names[1] })).toBeVisible();
    // Each further student: call + "all well" = 2 taps.
    await page.getByRole('button', { name: '正常·已上网课' }).click();
    taps += 2;
    await expect(page.getByRole('heading', { level: 1, name: names[2] })).toBeVisible();
    expect(taps).toBe(5);

    // Not reached: the reason is required, and the error says so in the form.
    await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
    await pick(page, '联系不上');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect(page.getByText('未联系上时请说明原因')).toBeVisible();
    await pick(page, '其他');
    await page.getByLabel('其他原因').fill('电话无人接听，已发微信留言');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: names[3] })).toBeVisible();

    // An implausible temperature is an input error; a fever is an exception, flagged as it is typed.
    await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
    await page.getByLabel('体温（°C，可不填）').fill('45');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect(page.getByText('不能大于 43')).toBeVisible();
    await page.getByLabel('体温（°C，可不填）').fill('38.4');
    await expect(page.getByRole('alert').filter({ hasText: '异常：体温 38.4°C' })).toBeVisible();
    await page.getByRole('checkbox', { name: '咳嗽' }).check();
    await expect(page.getByRole('alert').filter({ hasText: '体温 38.4°C、咳嗽' })).toBeVisible();
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect(page.getByText(`已保存。${names[3]} 有异常`)).toBeVisible();
    feverName = names[3]!;

    // The list: three reached and one who could not be, counted as the report will count them; the exception highlighted, the filter finds it.
    await page.getByRole('link', { name: '返回名单' }).click();
    await expect.poll(() => progressText(page)).toContain(`已联系 3 / ${total}`);
    await expect(page.getByText('联系不上 1 人')).toBeVisible();
    const exceptionRow = rows.filter({ hasText: names[3]! });
    await expect(exceptionRow).toHaveClass(/status-exception/);
    await expect(exceptionRow).toContainText('38.4°C');
    await page.getByRole('button', { name: '异常 1' }).click();
    await expect(rows).toHaveCount(1);
    await page.getByRole('button', { name: `全部 ${total}` }).click();

    // Filing is refused while people remain uncontacted.
    await expect(page.getByText(`还有 ${total - 4} 人未联系。请先记录`)).toBeVisible();
    await expect(page.getByRole('button', { name: '提交日报告' })).toHaveCount(0);

    // The class group chat confirmed the rest: select them all, mark well (4 taps for the whole class).
    await page.getByRole('button', { name: '批量标记正常' }).click();
    await page.getByRole('button', { name: `全选未联系的 ${total - 4} 人` }).click();
    await expect(page.getByText(`已选 ${total - 4} 人`)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: '标记为正常' }).click();
    await confirmWith(page, '标记为正常');
    await expect(page.getByText(`已标记 ${total - 4} 人为正常`)).toBeVisible();
    await expect.poll(() => progressText(page)).toContain(`已联系 ${total - 1} / ${total}`);
    await expect(rows.filter({ hasText: '班级群确认' })).toHaveCount(total - 4);

    // The class report: counts from the records, one exception, so not a zero report.
    await page.getByRole('button', { name: '提交日报告' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('今天有 1 人异常');
    // The dialog's figures are the list's: the same reached count as the header.
    await expect(dialog).toContainText(`总人数${total}`);
    await expect(dialog).toContainText(`已联系${total - 1}`);
    await expect(dialog).toContainText('未联系上1');
    // On the phone every figure stays on one line (no "1" over "4").
    await expect.poll(() => figuresBrokenAcrossLines(dialog)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await dialog.getByLabel('备注（可选）').fill('一人发热咳嗽，已通知家长就医');
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await expect(page.getByText('日报告已提交', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/提交$/).first()).toBeVisible();
    await expectAccessible(page);

    // After filing, a change is kept as a correction.
    await rows.filter({ hasText: names[0]! }).getByRole('link').click();
    await expect(page.getByText('日报告已提交；现在修改记录会保留原记录并标记为更正。')).toBeVisible();
    await page.getByRole('button', { name: '有异常或需要详细记录' }).click();
    await page.getByLabel('备注').fill('家长补充：晚上已测体温正常');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect(page.getByText(`已保存 ${names[0]} 的随访记录`)).toBeVisible();
    await expect(worklist(page)).toBeVisible();
    await expect(rows.filter({ hasText: names[0]! })).toContainText('已更正');
  });
});

test('the principal and the centre see the class report and the exception at once', async ({ browser }) => {
  const principal = await signedInPage(browser, 'principal04');
  await principal.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '学校日报' }).click();
  const classRow = principal.getByRole('table', { name: '各班情况' }).getByRole('row').filter({ has: principal.locator(`a[href^="${classPath}"]`) });
  await expect(classRow).toContainText('按时已报');
  const exceptions = principal.getByRole('table', { name: '异常人员名单' });
  await expect(exceptions).toContainText(feverName);
  await expect(exceptions).toContainText('38.4');
  await expectAccessible(principal);
  await principal.context().close();

  const centre = await signedInPage(browser, 'centre');
  await centre.goto('/daily-reports');
  await expect(centre.getByRole('table', { name: '异常人员名单' })).toContainText(feverName);
  await centre.context().close();
});

test('a save based on a stale record is not applied: both versions wait on the phone for the teacher to decide, nothing typed is lost', async ({ page, browser }) => {
  await signIn(page, TEACHER);
  await page.goto('/follow-ups');
  const first = page.locator('.worklist-link').first();
  await first.click();
  await expect(page.getByRole('region', { name: '联系方式' })).toBeVisible();
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.getByRole('button', { name: '有异常或需要详细记录' }).click();

  // Meanwhile the principal changes the same record.
  const recordUrl = page.url();
  const principal = await signedInPage(browser, 'principal04');
  await principal.goto(recordUrl);
  await principal.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await principal.getByLabel('备注').fill('校长补充');
  await principal.getByRole('button', { name: '保存记录' }).click();
  await expect(principal.getByText(`已保存 ${name} 的随访记录`)).toBeVisible();

  await page.getByLabel('备注').fill('班主任的说明');
  await page.getByRole('button', { name: '保存记录' }).click();
  // The teacher's save is kept on the phone, beside the principal's, until the teacher chooses.
  const bar = page.getByRole('button', { name: /1 条需要处理/ });
  await expect(bar).toBeVisible();
  await bar.click();
  await expect(page.getByRole('region', { name: '本机的记录' })).toContainText('班主任的说明');
  await expect(page.getByRole('region', { name: '服务器上的记录' })).toContainText('校长补充');
  await page.getByRole('button', { name: '用本机的记录覆盖' }).click();
  await expect(bar).toBeHidden();
  // The principal now sees the teacher's version (their save had moved them on to the next person).
  await principal.goto(recordUrl);
  await expect(principal.getByText('今日已有记录')).toBeVisible();
  await principal.getByRole('button', { name: '有异常或需要详细记录' }).click();
  await expect(principal.getByLabel('备注')).toHaveValue('班主任的说明');
  await principal.context().close();
});
