import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { demoData, expectAccessible, expectNoHorizontalScroll, mainMenu, signedInPage, signIn } from './support/app';
import { apiAs, json, longDay, monthDay, todayInCentre } from './support/days';
import { rowTexts } from '../apps/api/test/helpers/sheet';

/**
 * Issue 12: a report a principal files on behalf of a class nobody called is
 * 代报 with the number not reached — on the school's day, the centre's grid
 * (laptop and phone), the export and the class teacher's home — never 零报告
 * or a full 按时. On S13, whose calls have not started today (seed), so
 * teacher13's class (its first) is empty.
 */

interface Worklist {
  items: { personId: string }[];
  counts: { total: number };
}

test('a principal files on behalf of an empty class: every screen says 代报 with the count not reached', async ({ page, browser, baseURL }) => {
  test.slow();
  const today = todayInCentre();
  const { api, school, classesOf } = await demoData(baseURL!);
  const s13 = school('S13');
  const classes = await classesOf(s13.id);
  const principalApi = await apiAs(baseURL!, 'principal13');
  const teacherApi = await apiAs(baseURL!, 'teacher13');
  // teacher13's class: the one their worklist opens, nobody called yet.
  const [emptyClass] = (await json<{ items: { id: string }[] }>(await teacherApi.get('/api/classes'))).items;
  expect(emptyClass).toBeDefined();
  const empty = await json<Worklist>(await principalApi.get(`/api/follow-ups/worklist?classId=${emptyClass!.id}`));
  const notReached = empty.counts.total;
  expect(notReached).toBeGreaterThan(0);

  // Every other class was called and filed (by the principal, through the API); the staff too.
  for (const schoolClass of classes.filter((item) => item.id !== emptyClass!.id)) {
    const list = await json<Worklist>(await principalApi.get(`/api/follow-ups/worklist?classId=${schoolClass.id}`));
    if (list.items.length) await json(await principalApi.post('/api/follow-ups/bulk-well', { data: { day: today, personIds: list.items.map((item) => item.personId), method: 'phone' } }));
    await json(await principalApi.post('/api/daily-reports/class', { data: { classId: schoolClass.id, day: today } }));
  }
  const staff = await json<Worklist>(await principalApi.get(`/api/follow-ups/worklist?staffOfSchoolId=${s13.id}`));
  if (staff.items.length) await json(await principalApi.post('/api/follow-ups/bulk-well', { data: { day: today, personIds: staff.items.map((item) => item.personId), method: 'phone' } }));

  // The principal, on a laptop: ticks the empty class, gives the reason, confirms.
  await signIn(page, 'principal13');
  await mainMenu(page).getByRole('menuitem', { name: '学校日报' }).click();
  const report = page.getByRole('region', { name: '学校日报' });
  const checkbox = report.getByRole('checkbox', { name: /^代为提交 / });
  await expect(checkbox).toHaveCount(1);
  await checkbox.check();
  await report.getByLabel(/ 的代报原因$/).fill('班主任外出培训，由校长代报');
  await report.getByRole('button', { name: '提交学校日报' }).click();
  const confirm = page.getByRole('dialog', { name: `确认提交 ${longDay(today)} 的学校日报？` });
  await expect(confirm).toContainText('其中 1 个班级由您代为提交');
  await expect(confirm).toContainText(`未联系上 ${notReached}`);
  await confirm.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText(`${longDay(today)} 的学校日报已提交`)).toBeVisible();
  await expect(report).toContainText(`已报校长代报 · 未联系 ${notReached} 人`);
  await expect(report).not.toContainText('按时已报');
  await expect(report).not.toContainText('零报告');
  const classRow = page.getByRole('table', { name: '各班情况' }).getByRole('row').filter({ hasText: `校长代报 · 未联系 ${notReached} 人` });
  await expect(classRow).toHaveCount(1);
  await expectAccessible(page);

  // The centre's grid on a laptop: filed, but on behalf — not 按时.
  const centre = await signedInPage(browser, 'centre');
  await centre.goto('/daily-reports');
  const grid = centre.getByRole('table', { name: /每行一所学校，每列一天/ });
  await expect(grid.getByRole('link', { name: `S13 ${monthDay(today)} 已报，校长代报 · 未联系 ${notReached} 人`, exact: true })).toBeVisible();

  // The export says the same.
  const exported = await centre.request.get(`/api/daily-reports/export?day=${today}`);
  expect(exported.ok()).toBeTruthy();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push(rowTexts(row)));
  const header = rows.find((row) => row[0] === '代码')!;
  const s13Row = rows.find((row) => row[0] === 'S13')!;
  expect(s13Row[header.indexOf('报告状态')]).toBe('已报');
  expect(s13Row[header.indexOf('报告类型')]).toBe(`校长代报·未联系${notReached}人`);
  await centre.context().close();

  // The centre on a phone: the grid reads as cards, no sideways scroll, S13's today says 代报.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const centrePhone = await phone.newPage();
  await signIn(centrePhone, 'centre');
  await centrePhone.goto('/daily-reports');
  await expect(centrePhone.getByRole('link', { name: `S13 ${monthDay(today)} 已报，校长代报 · 未联系 ${notReached} 人`, exact: true })).toBeVisible();
  await expect(centrePhone.getByRole('table', { name: /每行一所学校，每列一天/ })).toHaveCount(0);
  await expectNoHorizontalScroll(centrePhone);
  await expectAccessible(centrePhone);
  await phone.close();

  // The class teacher's home on a phone: 已联系 0, filed by the principal on the class's behalf — not "日报告已提交" alone.
  const teacherContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const teacher = await teacherContext.newPage();
  await signIn(teacher, 'teacher13');
  await teacher.goto('/');
  // Home: one card per class headed, with today's calls and the report's state.
  const card = teacher.getByRole('region', { name: '我担任班主任的班级' }).getByRole('link').first();
  await expect(card).toContainText(`已联系 0 / ${notReached}`);
  await expect(card).toContainText(`校长代报 · 未联系 ${notReached} 人`);
  await expect(card).not.toContainText('零报告');
  await expectNoHorizontalScroll(teacher);
  await card.click();
  await expect(teacher.getByText('日报告由校长代报')).toBeVisible();
  await teacherContext.close();
  await Promise.all([api.dispose(), principalApi.dispose(), teacherApi.dispose()]);
});
