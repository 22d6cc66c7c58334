import { useCallback, useMemo } from 'react';
import type { SchoolKind } from '@campus/shared';
import { useClassLabel } from '@/features/classes';
import { useSchools } from '@/features/schools';

/** "三年级 1班" for a person (grade names depend on the school's kind: kindergartens say 小班…). */
export function usePersonClassLabel() {
  const classLabel = useClassLabel();
  const schools = useSchools({ includeInactive: true });
  const kinds = useMemo(() => new Map<string, SchoolKind>((schools.data ?? []).map((school) => [school.id, school.kind])), [schools.data]);
  return useCallback(
    (person: { schoolId: string; grade: number | null; className: string | null }) =>
      person.grade === null || person.className === null ? null : classLabel(kinds.get(person.schoolId), person.grade, person.className),
    [classLabel, kinds],
  );
}
