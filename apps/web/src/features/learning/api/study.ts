import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SchoolStudyDay, TownshipStudyRange } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { learningKeys } from '../query-keys';

/** A school's study figures of a day, with its classes (from the day's calls). */
export function useSchoolStudy(schoolId: string, day: string | undefined) {
  return useQuery({
    queryKey: learningKeys.school(schoolId, day),
    queryFn: ({ signal }) => apiRequest('/learning/school', SchoolStudyDay, { query: { schoolId, day }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The township's figures day by day (the trend) and per school on the last day. */
export function useTownshipStudy(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: learningKeys.township(from, to),
    queryFn: ({ signal }) => apiRequest('/learning/township', TownshipStudyRange, { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}
