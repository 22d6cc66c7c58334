/**
 * Chinese resident ID numbers (GB 11643-1999): 17 digits + a check character
 * (0–9 or X) computed by ISO 7064 MOD 11-2. Digits 1–6 are the region code,
 * 7–14 the birth date (YYYYMMDD).
 */

/** Province-level codes in use (GB/T 2260), the first two digits of the region code. */
const PROVINCES = new Set('11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '));
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'region' | 'birth_date' | 'check_digit' | 'lost_x' | 'scientific';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Full-width digits and letters to half-width, spaces removed, `x` to `X`. */
export function normaliseIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/[\s\u00a0]+/g, '').toUpperCase();
}

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The problem with an ID number, or null when it is valid. Expects a normalised value. */
export function idNumberProblem(value: string, today: Date = new Date()): IdNumberProblem | null {
  if (/^\d(\.\d+)?E\+?\d+$/i.test(value)) return 'scientific';
  if (/^\d{17}$/.test(value) && idCheckCharacter(value) === 'X') return 'lost_x';
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'characters';
  if (!PROVINCES.has(value.slice(0, 2))) return 'region';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth.getTime() > today.getTime()) {
    return 'birth_date';
  }
  if (idCheckCharacter(value) !== value[17]) return 'check_digit';
  return null;
}

export function isValidIdNumber(value: string): boolean {
  return idNumberProblem(normaliseIdNumber(value)) === null;
}

/** "YYYY-MM-DD" birth date of a valid ID number. */
export function birthDateOfIdNumber(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** Male when the 17th digit is odd. */
export function genderOfIdNumber(value: string): 'male' | 'female' {
  return Number(value[16]) % 2 === 1 ? 'male' : 'female';
}

/** First 6 and last 1 visible: 110105********123X → 110105***********X. */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 7)}${value.slice(-1)}`;
}

export const ID_PROBLEM_KEYS: Record<IdNumberProblem, string> = {
  length: 'field.id_length',
  characters: 'field.id_characters',
  region: 'field.id_region',
  birth_date: 'field.id_birth_date',
  check_digit: 'field.id_check_digit',
  lost_x: 'field.id_lost_x',
  scientific: 'field.id_scientific',
};
