import { expect, test } from '@playwright/test';
import { choose, confirmWith, signIn, unique } from './support/app';

test('the centre adds, renames, deactivates, reactivates and deletes a school, and manages its classes', async ({ page }) => {
  const suffix = unique();
  const code = `T${suffix}`.slice(0, 16);
  const name = `测试学校${suffix}`;
  const renamed = `测试实验学校${suffix}`;

  await signIn(page, 'centre');
  await page.goto('/schools');

  // Add: the shared schema catches a bad code before the server sees it.
  await page.getByRole('button', { name: '新增学校' }).click();
  let dialog = page.getByRole('dialog', { name: '新增学校' });
  await dialog.getByLabel('学校代码').fill('s-1');
  await dialog.getByLabel('学校名称').fill(name);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('学校代码为 1–16 位大写字母或数字,如 S01')).toBeVisible();
  await dialog.getByLabel('学校代码').fill(code);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已新增学校“${name}”`)).toBeVisible();
  const row = () => page.getByRole('row').filter({ hasText: code });
  await expect(row()).toContainText(name);
  await expect(row()).toContainText('启用中');

  // A duplicate code is refused by the server, shown under the field.
  await page.getByRole('button', { name: '新增学校' }).click();
  dialog = page.getByRole('dialog', { name: '新增学校' });
  await dialog.getByLabel('学校代码').fill(code);
  await dialog.getByLabel('学校名称').fill(`${name}B`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('学校代码已被使用')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  // Rename.
  await page.getByRole('button', { name: `编辑 ${name}` }).click();
  dialog = page.getByRole('dialog', { name: '编辑学校' });
  await expect(dialog.getByLabel('学校代码')).toBeDisabled();
  await dialog.getByLabel('学校名称').fill(renamed);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row()).toContainText(renamed);

  // Its page: add a class with a head teacher left open, then change it.
  await row().getByRole('link', { name: renamed }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByText('没有班级')).toBeVisible();
  await page.getByRole('button', { name: '新增班级' }).click();
  dialog = page.getByRole('dialog', { name: '新增班级' });
  await choose(page, dialog, '年级', '三年级');
  await dialog.getByLabel('班级名称').fill('1班');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已新增班级“三年级 1班”')).toBeVisible();
  await expect(page.getByRole('link', { name: '三年级 1班' })).toBeVisible();

  // The same name in the same grade is refused.
  await page.getByRole('button', { name: '新增班级' }).click();
  dialog = page.getByRole('dialog', { name: '新增班级' });
  await choose(page, dialog, '年级', '三年级');
  await dialog.getByLabel('班级名称').fill('1班');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('该年级已有同名班级')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '编辑 三年级 1班' }).click();
  dialog = page.getByRole('dialog', { name: '编辑班级' });
  await dialog.getByLabel('班级名称').fill('2班');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: '三年级 2班' })).toBeVisible();

  // Deactivate the class: it leaves the list unless deactivated ones are shown.
  await page.getByRole('button', { name: '停用 三年级 2班' }).click();
  await confirmWith(page, '停用');
  await expect(page.getByRole('link', { name: '三年级 2班' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: '显示已停用' }).check();
  await expect(page.getByRole('row').filter({ hasText: '三年级 2班' })).toContainText('已停用');

  // Delete it (it has nobody in it).
  await page.getByRole('button', { name: '删除 三年级 2班' }).click();
  await confirmWith(page, '删除');
  await expect(page.getByText('已删除班级“三年级 2班”')).toBeVisible();
  await expect(page.getByRole('link', { name: '三年级 2班' })).toHaveCount(0);

  // Deactivate and reactivate the school.
  await page.getByRole('button', { name: '停用', exact: true }).click();
  await confirmWith(page, '停用');
  await expect(page.getByText(`已停用学校“${renamed}”`)).toBeVisible();
  await expect(page.getByRole('button', { name: '新增班级' })).toHaveCount(0);
  await page.getByRole('button', { name: '启用', exact: true }).click();
  await confirmWith(page, '启用');
  await expect(page.getByRole('button', { name: '新增班级' })).toBeVisible();

  // Delete the (empty) school.
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await confirmWith(page, '删除');
  await expect(page).toHaveURL('/schools');
  await expect(page.getByText(`已删除学校“${renamed}”`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: code })).toHaveCount(0);
});

test('a school that still has classes and accounts cannot be deleted, and says why', async ({ page }) => {
  await signIn(page, 'centre');
  await page.goto('/schools');
  await page.getByRole('button', { name: '删除 义和镇中心小学' }).click();
  await confirmWith(page, '删除');
  const refusal = page.getByRole('dialog').filter({ hasText: '出错了' });
  await expect(refusal).toContainText('不能删除;请改为停用');
  await refusal.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'S01' })).toContainText('启用中');
});

test('the centre adds a class with a head teacher and finds it by filtering on the school', async ({ page }) => {
  const className = `${unique().slice(-4)}班`;
  await signIn(page, 'centre');
  await page.goto('/classes');

  await page.getByRole('button', { name: '新增班级' }).click();
  const dialog = page.getByRole('dialog', { name: '新增班级' });
  await choose(page, dialog, '学校', 'S05 新桥村小学');
  await choose(page, dialog, '年级', '六年级');
  await dialog.getByLabel('班级名称').fill(className);
  await choose(page, dialog, '班主任', 'teacher05', { partial: true });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已新增班级“六年级 ${className}”`)).toBeVisible();

  await choose(page, page, '学校', 'S05 新桥村小学');
  await expect(page).toHaveURL(/schoolId=/);
  const row = page.getByRole('row').filter({ hasText: `六年级 ${className}` });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).not.toHaveText('未指定');
  // Only that school's classes are listed now.
  await expect(page.getByRole('columnheader', { name: '学校' })).toHaveCount(0);
});
