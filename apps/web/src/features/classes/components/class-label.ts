import { useCallback } from 'react';
import { gradeLabel, type SchoolKind } from '@campus/shared';
import { useLanguage } from '@/lib/language';

/** The grades a school of this kind has (the demo seed uses the same). */
export function gradesOfKind(kind: SchoolKind): number[] {
  if (kind === 'kindergarten') return [1, 2, 3];
  if (kind === 'middle') return [7, 8, 9];
  return [1, 2, 3, 4, 5, 6];
}

/** "三年级 2班" / "Grade 3 2班"; kindergartens say 小班 / Nursery. */
export function useClassLabel() {
  const language = useLanguage();
  return useCallback(
    (kind: SchoolKind | undefined, grade: number, name?: string) => {
      const label = gradeLabel(kind ?? 'primary', grade, language);
      return name ? `${label} ${name}` : label;
    },
    [language],
  );
}
