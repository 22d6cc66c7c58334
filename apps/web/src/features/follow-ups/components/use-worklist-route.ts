import { useParams, useSearchParams } from 'react-router';
import { IsoDay } from '@campus/shared';
import type { WorklistParams } from '../query-keys';

/**
 * The list a follow-up page is about, from its address: a class's students
 * (/follow-ups/class/:classId) or a school's staff (/follow-ups/staff/:schoolId),
 * on `?day=` (default: today in the centre's time zone, decided by the server).
 */
export function useWorklistRoute() {
  const { classId, schoolId, personId } = useParams();
  const [search] = useSearchParams();
  const dayParam = search.get('day');
  const day = dayParam && IsoDay.safeParse(dayParam).success ? dayParam : undefined;
  const params: WorklistParams = classId ? { classId, day } : { staffOfSchoolId: schoolId, day };
  const listPath = classId ? `/follow-ups/class/${classId}` : `/follow-ups/staff/${schoolId ?? ''}`;
  const dayQuery = day ? `?day=${day}` : '';
  return {
    params,
    day,
    personId,
    isStaff: !classId,
    /** Which list an outbox entry belongs to (lib/offline/outbox.ts). */
    listKey: classId ? `class:${classId}` : `staff:${schoolId ?? ''}`,
    listHref: `${listPath}${dayQuery}`,
    recordHref: (id: string) => `${listPath}/${id}${dayQuery}`,
  };
}
