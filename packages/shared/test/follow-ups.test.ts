import { describe, expect, it } from 'vitest';
import { BulkWellInput, FollowUpInput, issuesToFields } from '../src/index.js';

const fieldsOf = (result: { success: boolean; error?: { issues: unknown[] } }, language: 'zh-CN' | 'en' = 'zh-CN') =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  issuesToFields((result.error?.issues ?? []) as any, language);

describe('a follow-up not reached says why: a listed reason, or "other" in words', () => {
  it('needs a reason code when not reached', () => {
    expect(fieldsOf(FollowUpInput.safeParse({ method: 'phone', reached: false }))).toEqual({ unreachableCode: '未联系上时请说明原因' });
    expect(fieldsOf(FollowUpInput.safeParse({ method: 'phone', reached: false }), 'en')).toEqual({ unreachableCode: 'Say why they could not be reached' });
    // Words alone are no longer a reason: the code is what the reports count.
    expect(fieldsOf(FollowUpInput.safeParse({ method: 'phone', reached: false, unreachableReason: '关机' }))).toEqual({ unreachableCode: '未联系上时请说明原因' });
  });

  it('a listed reason needs no words, and words given with it are dropped', () => {
    const parsed = FollowUpInput.parse({ method: 'phone', reached: false, unreachableCode: 'phone_off', unreachableReason: '顺手写的' });
    expect(parsed).toMatchObject({ unreachableCode: 'phone_off', unreachableReason: null });
  });

  it('"other" needs the words', () => {
    expect(fieldsOf(FollowUpInput.safeParse({ method: 'phone', reached: false, unreachableCode: 'other', unreachableReason: '  ' }))).toEqual({ unreachableReason: '选择“其他”时请写明原因' });
    const parsed = FollowUpInput.parse({ method: 'phone', reached: false, unreachableCode: 'other', unreachableReason: '家长在医院陪护' });
    expect(parsed).toMatchObject({ unreachableCode: 'other', unreachableReason: '家长在医院陪护' });
  });

  it('an unknown code is refused; a reached person keeps no reason', () => {
    expect(fieldsOf(FollowUpInput.safeParse({ method: 'phone', reached: false, unreachableCode: 'abroad' }))).toEqual({ unreachableCode: '请选择有效的选项' });
    const parsed = FollowUpInput.parse({ method: 'phone', reached: true, unreachableCode: 'no_answer', unreachableReason: 'x' });
    expect(parsed).toMatchObject({ unreachableCode: null, unreachableReason: null });
  });
});

describe('online study is said, never assumed', () => {
  it('a record left without it stays unknown (null), not "yes"', () => {
    expect(FollowUpInput.parse({ method: 'phone', reached: true }).studiedOnline).toBeNull();
    expect(FollowUpInput.parse({ method: 'phone', reached: true, studiedOnline: 'no' }).studiedOnline).toBe('no');
  });

  it('the group-chat batch takes a study status, or leaves it unknown', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(BulkWellInput.parse({ day: '2026-12-02', personIds: [id] }).studiedOnline).toBeNull();
    expect(BulkWellInput.parse({ day: '2026-12-02', personIds: [id], studiedOnline: 'yes' }).studiedOnline).toBe('yes');
    expect(fieldsOf(BulkWellInput.safeParse({ day: '2026-12-02', personIds: [id], studiedOnline: 'maybe' }))).toEqual({ studiedOnline: '请选择有效的选项' });
  });
});
