import { describe, expect, it } from 'vitest';
import { AccountInput, AccountListQuery, ChangePasswordInput, CentreSettingsInput, gradeLabel, isCalendarDay, IsoDay, isStorableText, issuesToFields, LoginInput, SchoolInput, manageableRoles, pickLanguage, TransferInput } from '../src/index.js';

const fieldsOf = (result: { success: boolean; error?: { issues: unknown[] } }, language: 'zh-CN' | 'en' = 'zh-CN') =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  issuesToFields((result.error?.issues ?? []) as any, language);

describe('shared schemas give field-level messages in both languages', () => {
  it('school input', () => {
    const result = SchoolInput.safeParse({ code: 's 1', name: '  ', kind: 'castle', extra: true });
    expect(fieldsOf(result)).toEqual({
      code: '学校代码为 1–16 位大写字母或数字,如 S01',
      name: '必填',
      kind: '请选择有效的选项',
      extra: '不允许的字段',
    });
  });

  it('an id left empty is required; one that is not an id is invalid', () => {
    expect(fieldsOf(TransferInput.safeParse({}))).toEqual({ schoolId: '必填' });
    expect(fieldsOf(TransferInput.safeParse({ schoolId: 'S01' }))).toEqual({ schoolId: '格式不正确' });
  });

  it('account input', () => {
    const result = AccountInput.safeParse({ username: 'ab', displayName: 'x'.repeat(41), role: 'king' });
    expect(fieldsOf(result, 'en')).toEqual({
      username: 'User names are 3–32 letters, digits, dots, underscores or hyphens',
      displayName: 'At most 40 characters',
      role: 'Choose a valid option',
    });
  });

  it('password rules: length, letters and digits, differs from current', () => {
    expect(fieldsOf(ChangePasswordInput.safeParse({ currentPassword: 'old12345', newPassword: 'abcdefgh' })).newPassword).toBe('密码至少 8 位,且需同时包含字母和数字');
    expect(fieldsOf(ChangePasswordInput.safeParse({ currentPassword: 'same1234', newPassword: 'same1234' })).newPassword).toBe('新密码不能与当前密码相同');
    expect(ChangePasswordInput.safeParse({ currentPassword: 'old12345', newPassword: 'new12345' }).success).toBe(true);
  });

  it('settings: fever threshold range, time of day, time zone', () => {
    expect(fieldsOf(CentreSettingsInput.safeParse({ feverThreshold: 35, reportDeadline: '7:00', timeZone: 'Nowhere/City' }))).toEqual({
      feverThreshold: '不能小于 36',
      reportDeadline: '请输入 00:00–23:59 之间的时间',
      timeZone: '无效的时区',
    });
    expect(CentreSettingsInput.safeParse({ feverThreshold: 37.3, reportDeadline: '10:00', timeZone: 'Asia/Shanghai' }).success).toBe(true);
  });
});

describe('small rules', () => {
  it('grade labels', () => {
    expect(gradeLabel('primary', 3, 'zh-CN')).toBe('三年级');
    expect(gradeLabel('kindergarten', 1, 'zh-CN')).toBe('小班');
    expect(gradeLabel('middle', 8, 'en')).toBe('Grade 8');
  });

  it('who manages which accounts', () => {
    expect(manageableRoles('principal')).toEqual(['class_teacher', 'gate_duty']);
    expect(manageableRoles('observer')).toEqual([]);
    expect(manageableRoles('centre_admin')).toContain('principal');
  });

  it('language from Accept-Language, Chinese by default', () => {
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage(undefined)).toBe('zh-CN');
    expect(pickLanguage('zh-CN')).toBe('zh-CN');
  });
});

describe('text that cannot be stored and days not on the calendar are refused at the schema (issue 13)', () => {
  it('NUL bytes and lone surrogates in any text field, search box or password', () => {
    for (const bad of ['a\u0000b', '\ud800', 'x\udc00y']) {
      expect(fieldsOf(LoginInput.safeParse({ username: bad, password: 'campus2026' }), 'en')).toEqual({ username: 'Contains characters that cannot be saved (control or broken characters); retype it' });
      expect(fieldsOf(LoginInput.safeParse({ username: 'admin', password: bad }))).toEqual({ password: '含有无法保存的字符(控制字符或残缺字符),请重新输入' });
      expect(fieldsOf(SchoolInput.safeParse({ code: 'S01', name: `学校${bad}`, kind: 'primary' }))).toEqual({ name: '含有无法保存的字符(控制字符或残缺字符),请重新输入' });
      expect(AccountListQuery.safeParse({ q: bad }).success).toBe(false);
    }
    // A pair of surrogates is one character (an emoji), not a broken one.
    expect(SchoolInput.safeParse({ code: 'S01', name: '学校😀', kind: 'primary' }).success).toBe(true);
    expect(isStorableText('张三\t\n')).toBe(true);
  });

  it('a day is a real calendar day: no 31 February, no 13th month, 29 February only in a leap year', () => {
    for (const day of ['2026-02-31', '2026-13-01', '2026-00-10', '2026-04-31', '2025-02-29', '0000-01-01']) {
      expect(fieldsOf(IsoDay.safeParse(day))).toEqual({ _: '日历上没有这一天' });
    }
    expect(fieldsOf(IsoDay.safeParse('2026-2-3'))).toEqual({ _: '日期格式应为 YYYY-MM-DD' });
    for (const day of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) expect(IsoDay.safeParse(day).success).toBe(true);
    expect(isCalendarDay('1900-02-29')).toBe(false);
  });
});
