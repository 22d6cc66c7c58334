import { toHalfWidth } from './id-number.js';

/** Mainland mobile (11 digits from 13–19) or landline (0 + area code, 7–8 digits, optional extension). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function normalisePhone(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u00a0()()]+/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '')
    .replace(/[—–－]/g, '-');
}

export function isValidPhone(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}

/** 138****5678; landlines keep the area code and the last 4 digits. */
export function maskPhone(value: string): string {
  if (MOBILE.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  const digits = value.replace(/-/g, '');
  return `${digits.slice(0, Math.min(4, digits.length - 4))}****${digits.slice(-4)}`;
}
