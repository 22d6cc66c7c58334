import { expect, test } from '@playwright/test';
import { demoData, signIn } from './support/app';
import { newIdNumber, uniqueChineseName } from './support/roster';

// Issue 13: the observer reads a person's page with masked phones (not call links), and no address or notes.
test('the observer reads a person with masked phones and without address or notes', async ({ page, baseURL }) => {
  const { api, school, classesOf } = await demoData(baseURL!);
  const s01 = school('S01');
  const child = uniqueChineseName();
  const created = await api.post('/api/people', {
    data: {
      schoolId: s01.id, classId: (await classesOf(s01.id))[0]!.id, kind: 'student', name: child.name, idNumber: newIdNumber(),
      phone: '13611112222', address: '新桥村3组12号', notes: '对青霉素过敏', guardians: [{ name: '欧阳母', relation: '母亲', phone: '13912345678' }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const personId = ((await created.json()) as { id: string }).id;
  await api.dispose();

  await signIn(page, 'observer');
  await page.goto(`/people/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: child.name })).toBeVisible();
  await expect(page.getByText('139****5678').first()).toBeVisible();
  await expect(page.getByText('136****2222')).toBeVisible();
  await expect(page.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(page.getByText('不向观察员显示')).toHaveCount(2);
  for (const text of ['13912345678', '13611112222', '新桥村3组12号', '对青霉素过敏']) await expect(page.locator('body')).not.toContainText(text);
  await page.screenshot({ path: test.info().outputPath('observer-person.png'), fullPage: true });
});
