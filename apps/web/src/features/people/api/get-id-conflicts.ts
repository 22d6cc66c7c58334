import { useQuery } from '@tanstack/react-query';
import { IdNumberConflictList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys } from '../query-keys';

export function getIdConflicts(signal?: AbortSignal) {
  return apiRequest('/id-conflicts', IdNumberConflictList, { signal });
}

/** 身份证号冲突: ID numbers schools tried to register that someone out of their scope holds (centre only). */
export function useIdConflicts(enabled: boolean) {
  return useQuery({ queryKey: peopleKeys.idConflicts(), queryFn: ({ signal }) => getIdConflicts(signal), enabled });
}
