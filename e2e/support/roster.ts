import path from 'node:path';
import { expect, request, type Locator, type Page } from '@playwright/test';
import { choose, DEMO_PASSWORD } from './app';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid resident ID number (GB 11643-1999) from 重庆市永川区 nobody else in the demo data has. */
export function newIdNumber(): string {
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const first17 = `5001182016${month}${day}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(idNumber: string): string {
  const last = idNumber.slice(-1);
  return idNumber.slice(0, 17) + (last === '0' ? '1' : '0');
}

/** Characters the demo names do not use, with their pinyin. */
const RARE: [string, string][] = [
  ['璟', 'jing'], ['琛', 'chen'], ['瑾', 'jin'], ['瑜', 'yu'], ['琰', 'yan'], ['璇', 'xuan'], ['珩', 'heng'], ['玥', 'yue'],
  ['瑶', 'yao'], ['翎', 'ling'], ['骁', 'xiao'], ['骞', 'qian'], ['曦', 'xi'], ['晗', 'han'],
];

/** A Chinese name no demo person has (欧阳 + three rare characters), with its pinyin initials ("oy…"). */
export function uniqueChineseName(): { name: string; initials: string; pinyin: string } {
  const picks = [0, 1, 2].map(() => RARE[Math.floor(Math.random() * RARE.length)]!);
  return {
    name: `欧阳${picks.map(([char]) => char).join('')}`,
    initials: `oy${picks.map(([, pinyin]) => pinyin[0]).join('')}`,
    pinyin: `ouyang${picks.map(([, pinyin]) => pinyin).join('')}`,
  };
}

// antd's required mark sits inside the <label> (aria-hidden), so exact label text
// matching misses required fields; the accessible name leaves it out.
export function textbox(scope: Page | Locator, name: string) {
  return scope.getByRole('textbox', { name, exact: true });
}

export function combobox(scope: Page | Locator, name: string) {
  return scope.getByRole('combobox', { name, exact: true });
}

/** Picks an option of the antd Select named `label` (the dropdown renders in a portal). */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string) {
  // The shared helper retries a click that lands during the list's opening animation.
  await choose(page, scope, label, option, { partial: true });
}

/** The options the antd Select named `label` offers. */
export async function optionsOf(page: Page, scope: Page | Locator, label: string): Promise<string[]> {
  await combobox(scope, label).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  const texts = (await options.allInnerTexts()).map((text) => text.trim());
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  return texts;
}

/** An API client signed in as `username`, for looking things up (ids are random per database). */
export async function apiAs(baseURL: string, username: string) {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  return api;
}

export interface SchoolCounts {
  items: { schoolId: string; code: string; name: string; total: number; students: number; staff: number }[];
}

/** Every school's active roster count, as the centre sees it. */
export async function rosterCounts(baseURL: string): Promise<SchoolCounts> {
  const api = await apiAs(baseURL, 'centre');
  const counts = (await (await api.get('/api/people/counts-by-school')).json()) as SchoolCounts;
  await api.dispose();
  return counts;
}

/** The roster's table (desktop) or card list (phone). */
export function rosterList(page: Page) {
  return page.getByRole('table').or(page.getByRole('list', { name: '人员名单' }));
}
