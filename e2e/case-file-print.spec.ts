import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { apiAs, json } from './support/days';

/**
 * The printed case file (一人一案) is a document a school files: on A4, headed
 * by the school's name, labels on one line, the check-ins as a table of one
 * row a day, page numbers on every page (the page's own margin boxes, so the
 * user's print has them too) and a line for the team lead's signature.
 */
test('a case file prints as an A4 document with a heading, whole labels, a check-in table, page numbers and a signature line', async ({ page, baseURL }, testInfo) => {
  const api = await apiAs(baseURL!, 'centre');
  const cases = await json<{ items: { id: string; lastCheckInDay: string | null; status: string; person: { name: string; schoolName: string; kind: 'student' | 'staff' } }[] }>(
    await api.get('/api/quarantine/cases'),
  );
  await api.dispose();
  const withCheckIns = cases.items.find((item) => item.status === 'open' && item.lastCheckInDay)!;
  expect(withCheckIns).toBeTruthy();

  await signIn(page, 'centre');
  await page.goto(`/cases/${withCheckIns.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${withCheckIns.person.name} · 隔离档案` })).toBeVisible();
  // The document is for paper only: the screen keeps the interactive file.
  await expect(page.getByText('专班负责人签字')).toHaveCount(0);
  // The user's own print (Ctrl+P, the print button) fires "beforeprint" and lays the pages out as soon as it returns:
  // the document is there by then.
  const mountedForPrint = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    return document.querySelector('.case-print')?.textContent?.includes('专班负责人签字') ?? false;
  });
  expect(mountedForPrint).toBe(true);

  const file = testInfo.outputPath('case-file.pdf');
  await page.pdf({ path: file, format: 'A4' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByText('专班负责人签字')).toHaveCount(0);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((content) => content.trim());
  const lines = text.split('\n');

  // Headed by the school, as the kind of file it is.
  const title = withCheckIns.person.kind === 'student' ? '居家隔离学生一人一案' : '居家隔离教职工一人一案';
  expect(pages[0]).toContain(withCheckIns.person.schoolName);
  expect(pages[0]).toContain(title);
  // Every page is numbered "第 n 页 共 N 页".
  pages.forEach((content, index) => expect(content.replace(/\s+/g, '')).toContain(`第${index + 1}页共${pages.length}页`));
  expect(text).toMatch(/第\s*1\s*页\s*共/);
  // Labels on one line each, never one character per line.
  for (const label of ['隔离原因', '隔离地点', '计划解除日期', '专班成员', '监护人联系方式', '工作方案']) {
    expect(lines.some((line) => line.includes(label)), label).toBe(true);
  }
  // One table row per check-in: its day, how, and the temperature on one line; the first page is not left half empty.
  expect(lines.filter((line) => /\d+月\d+日\s+(电话|微信|家访|当面)\s+\d{2}\.\d°C/.test(line)).length).toBeGreaterThanOrEqual(3);
  expect(pages[0]!.match(/\d+月\d+日\s+(电话|微信|家访|当面)/g)?.length ?? 0).toBeGreaterThanOrEqual(6);
  expect(pages.length).toBeLessThanOrEqual(3);
  // The team lead signs and dates it at the end.
  expect(pages[pages.length - 1]).toMatch(/专班负责人签字：[\s\S]*日期：/);
});
