import { expect, request, type APIRequestContext, type Locator } from '@playwright/test';
import { DEMO_PASSWORD } from './app';

const TIME_ZONE = 'Asia/Shanghai';

/** Today in the centre's time zone, "YYYY-MM-DD" (en-CA formats dates that way). */
export function todayInCentre(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + count)).toISOString().slice(0, 10);
}

/** "11月28日", as the grid names a day. */
export function monthDay(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return `${month}月${date}日`;
}

/** "2026年11月28日", as dates are written in the Chinese UI. */
export function longDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** Types a day into an antd DatePicker (format YYYY年M月D日) and confirms it. */
export async function pickDay(input: Locator, day: string) {
  await input.click();
  await input.fill(longDay(day));
  await input.press('Enter');
  await expect(input).toHaveValue(longDay(day));
}

/** An API client signed in as `username` (for setting up a journey's data). */
export async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  return api;
}

/** The body of a successful answer; a failed one fails the test with its status and body. */
export async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}
