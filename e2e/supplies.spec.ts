import ExcelJS from 'exceljs';
import { expect, request, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { choose, confirmWith, DEMO_PASSWORD, demoData, expectAccessible, expectNoHorizontalScroll, mainMenu, signedInPage, signIn, unique } from './support/app';

/**
 * Supplies (issue 6), on S06 (principal06, gate06), which no other journey
 * writes to: an arrival at the centre, the school's request, a partial
 * approval that goes out as a transfer, receipt of less than was sent (with
 * a note), a day's use, a stock count, a refused use beyond the stock, a
 * reversal, and the centre's matrix and its export following each step.
 * The demo seed gives S06 a month of history, so every figure is checked
 * against what the API said before the journey began.
 */

interface MatrixCell {
  itemId: string;
  onHand: number;
  inTransit: number;
  target: number | null;
  shortfall: number | null;
  status: 'stock_out' | 'short' | 'unknown' | 'adequate';
}

const STATUS_WORDS = { stock_out: '断货', short: '不足', unknown: '未知', adequate: '充足' } as const;

async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  return api;
}

/** The centre store's masks on hand. */
async function centreMasks(api: APIRequestContext): Promise<number> {
  const stock = (await (await api.get('/api/supplies/stock?holder=centre')).json()) as { items: { item: { code: string }; onHand: number }[] };
  return stock.items.find((line) => line.item.code === 'mask')!.onHand;
}

/** S06's mask cell, as the API has it. */
async function maskCell(api: APIRequestContext, schoolId: string): Promise<MatrixCell> {
  const items = ((await (await api.get('/api/supplies/items')).json()) as { items: { id: string; code: string }[] }).items;
  const mask = items.find((item) => item.code === 'mask')!;
  const matrix = (await (await api.get(`/api/supplies/matrix?schoolId=${schoolId}`)).json()) as { rows: { cells: MatrixCell[] }[] };
  return matrix.rows[0]!.cells.find((cell) => cell.itemId === mask.id)!;
}

const zh = (value: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function line(dialog: Locator, number: number) {
  return dialog.getByRole('group', { name: `第 ${number} 行` });
}

/**
 * Picks an item in a line's select by typing and clicking the option. Not
 * support/app's choose(): its Escape for a lingering list can close the dialog.
 */
async function pickItem(page: Page, row: Locator, item: string) {
  const combobox = row.getByRole('combobox', { name: '物资', exact: true });
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: item });
  await expect(async () => {
    await combobox.click();
    await combobox.fill(item.replace(/（.*$/, ''));
    await option.first().click({ timeout: 3000 });
    await expect(row.locator('.ant-select')).toContainText(item, { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
}

async function fillLine(page: Page, dialog: Locator, number: number, item: string, quantity: string, label = '数量') {
  if (number > 1) await dialog.getByRole('button', { name: '添加一种物资' }).click();
  await pickItem(page, line(dialog, number), item);
  await line(dialog, number).getByRole('spinbutton', { name: label, exact: true }).fill(quantity);
}

function matrixTable(page: Page) {
  return page.getByRole('table', { name: /物资缺口表/ });
}

function schoolRow(page: Page, code: string) {
  return matrixTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${code} `) }) });
}

test('a week of supplies at S06: arrival, request, partial approval, receipt with a difference, use, count, a refusal, a reversal, and the matrix and its export', async ({ page, browser, baseURL }) => {
  // Three people, a dozen dialogs, axe twice and an export.
  test.setTimeout(300_000);
  const { school } = await demoData(baseURL!);
  const s06 = school('S06');
  const centreApi = await apiAs(baseURL!, 'centre');
  const before = await maskCell(centreApi, s06.id);
  const target = before.target!;
  const onHand = before.onHand;
  expect(target).toBeGreaterThan(300);
  expect(before.inTransit).toBe(0);
  const storeMasks = await centreMasks(centreApi);
  const documentNumber = `区教委〔2020〕${unique()}号`;

  // ---- the centre: the matrix, then an arrival at the store
  await signIn(page, 'centre');
  await mainMenu(page).getByRole('menuitem', { name: '物资' }).click();
  await expect(page).toHaveURL('/supplies');
  await expect(page.getByRole('heading', { level: 1, name: '物资缺口' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^预警：\d+ 所学校断货或可用不足 3 天$/ })).toBeVisible();
  const s06Masks = schoolRow(page, 'S06').getByRole('cell').first();
  await expect(s06Masks).toContainText(STATUS_WORDS[before.status], { timeout: 30_000 });
  await expect(s06Masks).toContainText(`现有${zh(onHand)}`);
  await expect(s06Masks).toContainText(`缺口${zh(before.shortfall!)}`);
  await expectAccessible(page);

  await page.getByRole('navigation', { name: '物资页面' }).getByRole('link', { name: '中心库房' }).click();
  await expect(page).toHaveURL('/supplies/store');
  await page.getByRole('button', { name: '登记到货' }).click();
  let dialog = page.getByRole('dialog', { name: '登记入库' });
  await expect(dialog.getByRole('combobox', { name: '来源' })).toBeVisible();
  await dialog.getByLabel('文件号 / 单据号').fill(documentNumber);
  await fillLine(page, dialog, 1, '口罩（个）', '1000');
  await fillLine(page, dialog, 2, '消毒液（升）', '50.5');
  await dialog.getByRole('button', { name: '入库' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已入库 2 种物资')).toBeVisible();
  const arrivals = page.getByRole('table', { name: '到货记录' });
  await expect(arrivals.getByRole('row').filter({ hasText: documentNumber })).toHaveCount(2);
  await expect(arrivals.getByRole('row').filter({ hasText: documentNumber }).first()).toContainText('区教委配发');
  await expect(page.getByRole('table', { name: '库房库存' }).getByRole('row', { name: /口罩/ })).toContainText('个');

  // ---- the principal asks the centre: whole masks only, checked in the browser
  const principal = await signedInPage(browser, 'principal06');
  await mainMenu(principal).getByRole('menuitem', { name: '本校物资' }).click();
  await expect(principal).toHaveURL(`/supplies/schools/${s06.id}`);
  await expect(principal.getByRole('heading', { level: 1, name: '本校物资' })).toBeVisible();
  await principal.getByRole('button', { name: '申请物资' }).click();
  dialog = principal.getByRole('dialog', { name: '向中心申请物资' });
  await fillLine(principal, dialog, 1, '口罩（个）', '400.5', '申请数量');
  await fillLine(principal, dialog, 2, '消毒液（升）', '20', '申请数量');
  await dialog.getByLabel('申请原因').fill('复学前需备足 14 天用量');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(line(dialog, 1)).toContainText('该物资按整数计量(个、双、瓶等),请输入整数');
  await line(dialog, 1).getByRole('spinbutton', { name: '申请数量', exact: true }).fill('400');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog).toBeHidden();
  const requests = principal.getByRole('list', { name: '物资申请' });
  const ownRequest = requests.getByRole('listitem').first();
  await expect(ownRequest).toContainText('待审批');
  await expect(ownRequest).toContainText('复学前需备足 14 天用量');
  const requestNumber = (await ownRequest.getByText(/^申请单 SQ\d{6}$/).innerText()).replace('申请单 ', '');

  // ---- the centre approves 300 of the 400 masks: a partial approval needs a reason
  await page.getByRole('navigation', { name: '物资页面' }).getByRole('link', { name: '学校申请' }).click();
  const card = page.getByRole('listitem').filter({ hasText: requestNumber });
  await expect(card).toContainText(s06.name);
  await card.getByRole('button', { name: `审批申请单 ${requestNumber}` }).click();
  dialog = page.getByRole('dialog', { name: `审批 ${requestNumber} · ${s06.name}` });
  await expect(dialog).toContainText(`口罩：申请 400 个，中心现有 ${zh(storeMasks + 1000)} 个`);
  await dialog.getByRole('spinbutton', { name: '口罩 批准数量' }).fill('300');
  await dialog.getByRole('button', { name: '部分批准并发出' }).click();
  await expect(dialog).toContainText('部分批准时请说明原因');
  await dialog.getByLabel('审批意见').fill('中心口罩库存有限，先配发 300 个');
  await dialog.getByRole('button', { name: '部分批准并发出' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(new RegExp(`^已批准 ${requestNumber}，调拨单 DB\\d{6} 已发出$`))).toBeVisible();
  await choose(page, page, '状态', '全部');
  await expect(card).toContainText('部分批准');
  await expect(card).toContainText(/调拨单 DB\d{6}（在途）/);
  const transferNumber = /DB\d{6}/.exec(await card.innerText())![0];
  // The transfer left the centre's store at once: 700 masks on hand, 300 in transit.
  await page.getByRole('navigation', { name: '物资页面' }).getByRole('link', { name: '调拨单' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: transferNumber })).toContainText('在途');

  // ---- gate duty confirms the delivery: 290 masks arrived, not 300, and says why
  const gate = await signedInPage(browser, 'gate06');
  await mainMenu(gate).getByRole('menuitem', { name: '本校物资' }).click();
  const incoming = gate.getByRole('region', { name: '待签收的调拨' });
  await incoming.getByRole('button', { name: `签收调拨单 ${transferNumber}` }).click();
  dialog = gate.getByRole('dialog', { name: `签收调拨单 ${transferNumber}` });
  await dialog.getByRole('spinbutton', { name: '口罩 实收数量' }).fill('290');
  await dialog.getByRole('button', { name: '确认签收' }).click();
  await expect(dialog).toContainText('实收数量与发出数量不一致,请说明原因');
  await dialog.getByLabel('差异说明').fill('一箱外包装破损，10 个口罩污染已弃用');
  await dialog.getByRole('button', { name: '确认签收' }).click();
  await expect(dialog).toBeHidden();
  await expect(gate.getByText(`已签收 ${transferNumber}，差异已记录`)).toBeVisible();
  await expect(incoming).toContainText('没有在途的调拨单');
  const history = gate.getByRole('region', { name: '调拨记录' }).getByRole('listitem').filter({ hasText: transferNumber });
  await expect(history).toContainText('有差异');
  await expect(history.getByRole('row', { name: /口罩/ })).toContainText('−10 个');
  await expect(history).toContainText('差异说明：一箱外包装破损');

  // ---- a day's use at the gate
  await gate.getByRole('button', { name: '登记使用' }).click();
  dialog = gate.getByRole('dialog', { name: '登记使用' });
  await fillLine(gate, dialog, 1, '口罩（个）', '24');
  await expect(line(dialog, 1)).toContainText(`现有 ${zh(onHand + 290)} 个`);
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog).toBeHidden();

  // ---- the principal counts 6 masks fewer than the book says: −6 is booked
  await principal.reload();
  await principal.getByRole('button', { name: '盘点' }).click();
  dialog = principal.getByRole('dialog', { name: '库存盘点' });
  await fillLine(principal, dialog, 1, '口罩（个）', String(onHand + 260), '实盘数量');
  await expect(line(dialog, 1)).toContainText(`账面结存 ${zh(onHand + 266)} 个`);
  await dialog.getByRole('button', { name: '保存盘点' }).click();
  await expect(dialog).toBeHidden();
  await expect(principal.getByText('已盘点 1 种物资，1 种有调整')).toBeVisible();

  // ---- using more than is left is refused, with the balance in the message and the line marked
  await principal.getByRole('button', { name: '登记使用' }).click();
  dialog = principal.getByRole('dialog', { name: '登记使用' });
  await fillLine(principal, dialog, 1, '口罩（个）', '900000');
  await dialog.getByRole('button', { name: '登记' }).click();
  const balance = onHand + 260;
  await expect(dialog.getByRole('alert')).toContainText(new RegExp(`口罩库存不足:当前结存 (${balance}|${zh(balance)}) 个,本次需出库 (900000|900,000) 个`));
  await expect(line(dialog, 1)).toContainText('超出现有库存');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  // ---- the stock card: every movement with its balance; the day's use is reversed (reason, then confirmation)
  await principal.getByRole('button', { name: '查看口罩的台账' }).click();
  const stockCard = principal.getByRole('table', { name: '口罩台账' });
  // Newest first: this journey's movements head the card.
  await expect(stockCard.getByRole('row', { name: /调拨入库/ }).first()).toContainText('+290 个');
  await expect(stockCard.getByRole('row', { name: /盘点调整/ }).first()).toContainText('−6 个');
  await expect(stockCard.getByRole('row', { name: /盘点调整/ }).first()).toContainText(`${zh(onHand + 260)} 个`);
  const used = stockCard.getByRole('row', { name: /领用消耗/ }).first();
  await expect(used).toContainText('−24 个');
  await used.getByRole('button', { name: /^冲销/ }).click();
  dialog = principal.getByRole('dialog', { name: '冲销记录' });
  await dialog.getByRole('button', { name: '冲销' }).click();
  await expect(dialog).toContainText('必填');
  await dialog.getByLabel('冲销原因').fill('重复录入');
  await dialog.getByRole('button', { name: '冲销' }).click();
  await confirmWith(principal, '确定冲销');
  await expect(dialog).toBeHidden();
  await expect(stockCard.getByRole('row').nth(1)).toContainText('冲销');
  await expect(stockCard.getByRole('row').nth(1)).toContainText('+24 个');
  await expect(stockCard.getByRole('row').nth(1)).toContainText(`${zh(onHand + 284)} 个`);
  await expect(used).toContainText('已冲销');
  await expectAccessible(principal);

  // ---- the centre's matrix follows: S06 holds 284 masks more, its gap shrank by as much
  const after = await maskCell(centreApi, s06.id);
  const gap = Math.max(0, target - onHand - 284);
  expect(after).toMatchObject({ onHand: onHand + 284, shortfall: gap });
  await page.goto('/supplies');
  // The township's matrix is read afresh after the writes: give a busy server time.
  await expect(s06Masks).toContainText(`现有${zh(onHand + 284)}`, { timeout: 30_000 });
  await expect(s06Masks).toContainText(`缺口${zh(gap)}`);
  await expect(s06Masks).toContainText(STATUS_WORDS[after.status]);
  await s06Masks.getByRole('button', { name: `S06 ${s06.name} 口罩 的算法` }).click();
  await expect(page.getByRole('tooltip', { name: `S06 ${s06.name} 口罩 的算法` })).toContainText(`缺口 = max(0, 目标 ${zh(target)} − 现有 ${zh(onHand + 284)}) = ${zh(gap)} 个`);
  await page.keyboard.press('Escape');
  // A school row opens its stock page.
  await matrixTable(page).getByRole('link', { name: new RegExp(`^S06 ${s06.name}`) }).click();
  await expect(page).toHaveURL(`/supplies/schools/${s06.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${s06.name} · 物资` })).toBeVisible();
  await page.getByRole('link', { name: '返回物资缺口' }).click();

  // ---- the export, read back: the same figures under Chinese headers
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^防控物资缺口表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText(/^已导出 防控物资缺口表-/)).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('物资缺口')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[2]!.slice(0, 5)).toEqual(['学校代码', '学校', '师生人数', '教职工人数', '口罩(个)']);
  const s06Row = rows.find((row) => row[0] === 'S06')!;
  expect(s06Row.slice(4, 8)).toEqual([onHand + 284, 0, target, gap]);
  expect(s06Row[9]).toBe(STATUS_WORDS[after.status]);
});

test('a principal withdraws a pending request after confirming; the centre sees it withdrawn and can no longer decide it', async ({ page, browser, baseURL }) => {
  const { school } = await demoData(baseURL!);
  const s07 = school('S07');
  const principalApi = await apiAs(baseURL!, 'principal07');
  const items = ((await (await principalApi.get('/api/supplies/items')).json()) as { items: { id: string; code: string }[] }).items;
  const reason = `多报了手套 ${unique()}`;
  const asked = await principalApi.post('/api/supplies/requests', { data: { reason, lines: [{ itemId: items.find((item) => item.code === 'gloves')!.id, quantity: 30 }] } });
  expect(asked.status()).toBe(201);
  const number = ((await asked.json()) as { number: string }).number;

  await signIn(page, 'principal07');
  await page.goto(`/supplies/schools/${s07.id}`);
  const card = page.getByRole('list', { name: '物资申请' }).getByRole('listitem').filter({ hasText: reason });
  await expect(card).toContainText('待审批');
  await card.getByRole('button', { name: `撤回申请单 ${number}` }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `撤回申请单 ${number}？` });
  await expect(confirm).toContainText('撤回后中心不再审批这张申请单');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(card).toContainText('待审批');
  await card.getByRole('button', { name: `撤回申请单 ${number}` }).click();
  await confirmWith(page, '确定撤回');
  await expect(page.getByText(`已撤回 ${number}`)).toBeVisible();
  await expect(card).toContainText('已撤回');
  await expect(card).toContainText(/由 .+ 撤回/);
  await expect(card.getByRole('button', { name: `撤回申请单 ${number}` })).toHaveCount(0);
  await expect(card.getByRole('table')).not.toContainText('待审批');

  const centre = await signedInPage(browser, 'centre');
  await centre.goto('/supplies/requests');
  await choose(centre, centre, '状态', '已撤回');
  const seen = centre.getByRole('listitem').filter({ hasText: reason });
  await expect(seen).toContainText('已撤回');
  await expect(seen).toContainText(s07.name);
  await expect(seen.getByRole('button', { name: `审批申请单 ${number}` })).toHaveCount(0);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the principal’s supplies and the centre’s matrix fit the screen; the matrix is a card per school, nothing scrolls sideways', async ({ page, browser, baseURL }) => {
    const { school } = await demoData(baseURL!);
    const s06 = school('S06');
    await signIn(page, 'principal06');
    await page.goto(`/supplies/schools/${s06.id}`);
    await expect(page.getByRole('heading', { level: 1, name: '本校物资' })).toBeVisible();
    await expect(page.getByRole('list', { name: /各物资库存$/ }).getByRole('listitem').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    // The use dialog fits too, its touch targets at least 44 px high.
    await page.getByRole('button', { name: '登记使用' }).click();
    const dialog = page.getByRole('dialog', { name: '登记使用' });
    const add = dialog.getByRole('button', { name: '添加一种物资' });
    await expect(add).toBeVisible();
    // Measured once the dialog's opening animation (a scale) is over.
    await expect(async () => expect((await add.boundingBox())!.height).toBeGreaterThanOrEqual(44)).toPass();
    await expectNoHorizontalScroll(page);
    await dialog.getByRole('button', { name: '取消' }).click();

    const centre = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const centrePage = await centre.newPage();
    await signIn(centrePage, 'centre');
    await centrePage.goto('/supplies');
    // On the phone the matrix reads top to bottom: a card per school listing its items short of target, the worst first.
    const cards = centrePage.getByRole('list', { name: /^物资缺口：每张卡片一所学校/ });
    await expect(cards.getByRole('listitem').first()).toBeVisible();
    await expect(matrixTable(centrePage)).toHaveCount(0);
    const statusOrder = ['断货', '不足', '未知', '充足'];
    for (const card of (await cards.locator('> li').all()).slice(0, 5)) {
      const statuses = (await card.locator('.matrix-card-item .stock-tag').allInnerTexts()).map((text) => statusOrder.indexOf(text.trim()));
      expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    }
    await expect(cards).toContainText('缺口');
    await expect(cards).toContainText(/全镇合计（\d+ 所）/);
    await expectNoHorizontalScroll(centrePage);
    // …and nothing inside the page scrolls sideways in a box of its own.
    const sidewaysBoxes = await centrePage.evaluate(() =>
      [...document.querySelectorAll('#main *')]
        .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(sidewaysBoxes).toEqual([]);
    await expectAccessible(centrePage);
    await centre.close();
  });
});
