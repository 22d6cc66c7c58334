import AxeBuilder from '@axe-core/playwright';
import { expect, request, type Browser, type Locator, type Page } from '@playwright/test';

/** Every demo account's password (apps/api/src/seed/township.ts). */
export const DEMO_PASSWORD = 'campus2026';
export const CENTRE_NAME = '义和镇教管中心';

/** A suffix no other run or test has used. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}

/** Signs in through the login page (Chinese UI) and waits to leave it. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A fresh browser context (own cookies), signed in as `username`. */
export async function signedInPage(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

export function mainMenu(page: Page) {
  return page.getByRole('navigation', { name: '主导航' });
}

export async function menuLabels(page: Page): Promise<string[]> {
  const items = mainMenu(page).getByRole('menuitem');
  await expect(items.first()).toBeVisible();
  return (await items.allInnerTexts()).map((text) => text.trim());
}

export async function expectNoHorizontalScroll(page: Page, width = 360) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page ${page.url()} scrolls sideways`).toBeLessThanOrEqual(width);
}

/** axe-core on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const summary = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** Looks up demo data through the API as the centre (ids are random per database). */
export async function demoData(baseURL: string) {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username: 'centre', password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const schools = (await (await api.get('/api/schools')).json()) as { items: { id: string; code: string; name: string }[] };
  const school = (code: string) => {
    const found = schools.items.find((item) => item.code === code);
    if (!found) throw new Error(`demo school ${code} missing`);
    return found;
  };
  const classesOf = async (schoolId: string) =>
    ((await (await api.get(`/api/classes?schoolId=${schoolId}`)).json()) as { items: { id: string; grade: number; name: string; headTeacherName: string | null }[] }).items;
  return { api, school, classesOf, schoolCount: schools.items.length };
}

/**
 * Opens an antd Select (found by its label within `scope`), clicks the option
 * whose text is `option` (or contains it, with `partial`), and checks that the
 * select now shows it.
 */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string, { partial = false } = {}) {
  const combobox = scope.getByRole('combobox', { name: label, exact: true });
  // `has` is matched inside each .ant-select, so it must not start from `scope`.
  const select = scope.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: label, exact: true }) });
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  const item = dropdown.locator('.ant-select-item-option').filter({ hasText: partial ? option : new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  // A click during the list's opening animation can miss; try again until the choice shows.
  await expect(async () => {
    if (!(await dropdown.isVisible())) await combobox.click();
    await dropdown.waitFor({ timeout: 3000 });
    // A long list renders only what fits: when the choice is not there and the select can search, type it.
    if ((await item.count()) === 0 && (await combobox.isEditable())) await combobox.fill(option);
    await item.first().click({ timeout: 3000 });
    await expect(select).toContainText(option, { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
  // The list sometimes lingers in its closing animation (and a multiple select keeps it open); make sure it is gone.
  // Blurring closes it; Escape would close a surrounding dialog too.
  if (await dropdown.isVisible()) await combobox.evaluate((element) => (element as HTMLElement).blur());
  await expect(dropdown).toBeHidden();
}

/** Confirms the open confirmation dialog with its button (e.g. "删除"). */
export async function confirmWith(page: Page, button: string) {
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: button, exact: true }) });
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}
