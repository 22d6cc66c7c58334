import { pinyin } from 'pinyin-pro';

/**
 * Derived columns of a person: the search text (汉字, full pinyin, initials)
 * and the keyset-paging sort keys. Computed here only.
 */
export function nameKeys(name: string): { searchText: string; sortName: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((part) => part.toLowerCase().replace(/\s+/g, ''));
  const full = syllables.join('');
  const initials = syllables.map((part) => part[0] ?? '').join('');
  return { searchText: `${name.toLowerCase()} ${full} ${initials}`, sortName: `${full}|${name}` };
}

/** Class first (grade, class name), then name; staff without a class sort last. */
export function classSortKey(schoolClass: { grade: number; name: string } | null, sortName: string): string {
  const classPart = schoolClass ? `${String(schoolClass.grade).padStart(2, '0')}|${schoolClass.name}` : '99|~';
  return `${classPart}|${sortName}`;
}

/** Student numbers sort numerically when they are numbers; none sorts last. */
export function numberSortKey(studentNumber: string | null): string {
  if (!studentNumber) return '~';
  return /^\d+$/.test(studentNumber) ? studentNumber.padStart(20, '0') : studentNumber;
}

export function searchPattern(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, '');
}

/** A search text as a LIKE operand: its own %, _ and \\ match themselves. */
export function likePattern(q: string): string {
  return q.replace(/[\\%_]/g, (char) => `\\${char}`);
}
