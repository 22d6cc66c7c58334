import { useQuery } from '@tanstack/react-query';
import { CaseFile } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { quarantineKeys } from '../query-keys';

export function getCase(caseId: string, signal?: AbortSignal) {
  return apiRequest(`/quarantine/cases/${encodeURIComponent(caseId)}`, CaseFile, { signal });
}

/** The case file: everything about the case, in order. Out of scope (not on the team, another school) reads as 404. */
export function useCase(caseId: string) {
  return useQuery({ queryKey: quarantineKeys.file(caseId), queryFn: ({ signal }) => getCase(caseId, signal) });
}
