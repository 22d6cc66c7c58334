import { expect, test, type Page } from '@playwright/test';
import { choose, expectAccessible, expectNoHorizontalScroll, signedInPage } from './support/app';
import { addDays, apiAs, json, longDay, pickDay, todayInCentre } from './support/days';

/**
 * One case from a follow-up exception to release and back to class (issue 5),
 * on S08 (other journeys write to S01, S04 and S06): the principal opens it
 * from the exception, the class teacher on the team checks in with a fever and
 * asks for help, the centre sees the alert, the principal resolves the help,
 * extends, prints the case file, closes it and records the return.
 */
const PRINCIPAL = 'principal08';
const TEACHER = 'teacher08';

interface WorklistItem {
  personId: string;
  name: string;
  status: string;
  inQuarantine: boolean;
}

test.describe.configure({ mode: 'serial' });

let studentName = '';
let casePath = '';
let studentId = '';

async function dialogButton(page: Page, name: string) {
  await page.getByRole('dialog').getByRole('button', { name, exact: true }).click();
}

test('a fever in the morning call becomes a case with a team and a plan', async ({ browser, baseURL }) => {
  // The class teacher's call finds a fever: a student not in quarantine yet.
  const teacherApi = await apiAs(baseURL!, TEACHER);
  const me = await json<{ user: { displayName: string }; classes: { id: string }[] }>(await teacherApi.get('/api/auth/me'));
  const worklist = await json<{ items: WorklistItem[] }>(await teacherApi.get(`/api/follow-ups/worklist?classId=${me.classes[0]!.id}`));
  const student = worklist.items.find((item) => !item.inQuarantine && item.status === 'pending') ?? worklist.items.find((item) => !item.inQuarantine)!;
  studentName = student.name;
  studentId = student.personId;
  await json(await teacherApi.put(`/api/follow-ups/${student.personId}/${todayInCentre()}`, { data: { method: 'phone', reached: true, temperature: 38.3, symptoms: ['fever'], note: '家长说昨晚开始发热' } }));

  const principal = await signedInPage(browser, PRINCIPAL);
  await principal.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '学校日报' }).click();
  const exceptions = principal.getByRole('table', { name: '异常人员名单' });
  await expect(exceptions).toContainText(studentName);
  await exceptions.getByRole('button', { name: `为 ${studentName} 新建隔离档案` }).click();

  const dialog = principal.getByRole('dialog');
  await expect(dialog).toContainText(`为 ${studentName} 新建隔离档案`);
  // The plan is required: the error shows under the field, nothing is sent.
  await dialogButton(principal, '新建隔离档案');
  await expect(dialog).toContainText('必填');
  await choose(principal, dialog, '隔离原因', '发热');
  // The class teacher joins the team (专班).
  await choose(principal, dialog, '专班成员', me.user.displayName);
  await dialog.getByLabel('工作方案').fill('班主任每天上午电话询问体温、学习和心理情况；校长每周家访一次。');
  await dialog.getByLabel('监护人联系方式').fill('母亲 电话见花名册');
  await dialogButton(principal, '新建隔离档案');
  await expect(principal).toHaveURL(/\/cases\/[0-9a-f-]+$/);
  casePath = new URL(principal.url()).pathname;
  await expect(principal.getByRole('heading', { level: 1, name: `${studentName} · 隔离档案` })).toBeVisible();
  await expect(principal.getByText('第 1 天 / 共 14 天')).toBeVisible();
  await expect(principal.getByText('由随访异常转入')).toBeVisible();
  await expectAccessible(principal);

  // The roster follows: the student's census category is now "in home quarantine", with who changed it.
  await principal.goto(`/people/${studentId}`);
  await expect(principal.getByText(/摸排分类变更：.+ → 居家隔离/)).toBeVisible();
  await principal.goto(casePath);

  // A second open case for the same person is refused with a clear message.
  const principalApi = await apiAs(baseURL!, PRINCIPAL);
  const second = await principalApi.post('/api/quarantine/cases', {
    data: { personId: student.personId, reason: 'fever', startDay: todayInCentre(), place: 'home', team: { leadId: (await json<{ user: { id: string } }>(await principalApi.get('/api/auth/me'))).user.id }, plan: '重复' },
  });
  expect(second.status()).toBe(409);
  await principal.context().close();
});

test('the class teacher on the team checks in: a fever and a request for help raise the alarm', async ({ browser }) => {
  const teacher = await signedInPage(browser, TEACHER);
  await teacher.setViewportSize({ width: 360, height: 740 });
  // The teacher's phone home links to the day's check-ins (the phone shell has no menu).
  await teacher.getByRole('link', { name: '今日询问' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: '今日询问' })).toBeVisible();
  await teacher.getByRole('link', { name: studentName }).click();
  await expect(teacher).toHaveURL(new RegExp(`${casePath}$`));
  await expect(teacher.getByRole('heading', { level: 1, name: `${studentName} · 隔离档案` })).toBeVisible();
  await expectNoHorizontalScroll(teacher);

  await teacher.getByRole('button', { name: '记录今日询问' }).click();
  const dialog = teacher.getByRole('dialog');
  await dialog.getByLabel('体温（°C，可不填）').fill('38.6');
  await dialog.locator('label').filter({ hasText: '担心' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '预警：发热' })).toBeVisible();
  // Asking for help without saying what help is refused in the form.
  await dialog.getByRole('checkbox', { name: /需要学校帮助/ }).check();
  await dialogButton(teacher, '保存');
  await expect(dialog.getByRole('alert').or(dialog.locator('.ant-form-item-explain-error')).first()).toBeVisible();
  await dialog.getByLabel('需要的帮助').fill('家里退烧药快用完了');
  await dialog.getByLabel('心理疏导记录').fill('孩子担心落下功课，已安慰并约定每天视频答疑。');
  await dialogButton(teacher, '保存');
  await expect(dialog).toBeHidden();
  const entry = teacher.locator('.case-check-in').first();
  await expect(entry).toContainText('38.6°C');
  await expect(entry).toContainText('发热');
  await expect(entry).toContainText('需要帮助');
  await expectAccessible(teacher);
  await teacher.context().close();

  const centre = await signedInPage(browser, 'centre');
  await centre.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '隔离专班' }).click();
  await expect(centre.getByRole('list', { name: '预警名单（近三天）' })).toContainText(studentName);
  await expect(centre.getByRole('figure').locator('svg')).toBeVisible();
  await expectAccessible(centre);
  await centre.context().close();
});

test('the principal resolves the help, extends the case, prints it, releases the student and records the return', async ({ browser }) => {
  const principal = await signedInPage(browser, PRINCIPAL);
  await principal.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '隔离专班' }).click();
  const help = principal.getByRole('region', { name: /需要帮助/ });
  await expect(help).toContainText(studentName);
  await help.getByRole('row').filter({ hasText: studentName }).getByRole('button', { name: '记录已解决' }).click();
  await principal.getByRole('dialog').getByLabel('如何解决的').fill('校医已送去退烧药');
  await dialogButton(principal, '保存');
  await expect(help).not.toContainText(studentName);

  await principal.goto(casePath);
  await expect(principal.getByText('已解决：校医已送去退烧药')).toBeVisible();

  // Extending needs a reason; the new end is in the history.
  const today = todayInCentre();
  await principal.getByRole('button', { name: '延长隔离' }).click();
  let dialog = principal.getByRole('dialog');
  await pickDay(dialog.getByLabel('新的计划解除日期'), addDays(today, 20));
  await dialogButton(principal, '保存');
  await expect(dialog).toContainText('必填');
  await dialog.getByLabel('原因').fill('仍有发热，医生建议延长观察');
  await dialogButton(principal, '保存');
  await expect(dialog).toBeHidden();
  await expect(principal.getByText('第 1 天 / 共 21 天')).toBeVisible();
  await expect(principal.getByRole('region', { name: '档案变更记录' })).toContainText(`${longDay(addDays(today, 13))} → ${longDay(addDays(today, 20))}`);

  // The printed case file: the buttons stay off the paper, the check-ins and history on it.
  await principal.emulateMedia({ media: 'print' });
  await expect(principal.getByRole('button', { name: '记录今日询问' })).toBeHidden();
  await expect(principal.getByRole('region', { name: /每日询问记录/ })).toBeVisible();
  await principal.emulateMedia({ media: 'screen' });

  // Released early needs a note; closing ends the check-ins.
  await principal.getByRole('button', { name: '结案' }).click();
  dialog = principal.getByRole('dialog');
  await dialog.locator('label').filter({ hasText: '提前解除隔离' }).click();
  await dialogButton(principal, '结案');
  await expect(dialog.locator('.ant-form-item-explain-error, [role="alert"]').first()).toBeVisible();
  await dialog.getByLabel('说明').fill('医院复查正常，卫生院同意解除');
  await dialogButton(principal, '结案');
  await expect(dialog).toBeHidden();
  await expect(principal.getByText('已结案', { exact: true })).toBeVisible();
  await expect(principal.getByRole('button', { name: '记录今日询问' })).toHaveCount(0);

  await principal.getByRole('button', { name: '记录返校' }).click();
  await dialogButton(principal, '保存');
  await expect(principal.getByText(`${longDay(today)} 返校`)).toBeVisible();
  await expectAccessible(principal);

  // Released: the census category is back to normal.
  await principal.goto(`/people/${studentId}`);
  await expect(principal.getByText('摸排分类变更：居家隔离 → 正常')).toBeVisible();

  // The school's list: closed, back in school.
  await principal.goto('/cases');
  await expect(principal.getByRole('region', { name: /已结案/ })).toContainText(studentName);
  await principal.context().close();
});
