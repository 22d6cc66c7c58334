import { useMutation } from '@tanstack/react-query';
import { CaseFile, type CaseCheckInInput, type CaseCloseInput, type CaseExtendInput, type CaseInput, type CaseReturnInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

const path = (caseId: string, action = '') => `/quarantine/cases/${encodeURIComponent(caseId)}${action}`;

/** Every write on a case answers with the updated case file; each invalidates the same views. */
function useCaseMutation<T>(send: (variables: T) => Promise<CaseFile>) {
  return useMutation({ mutationFn: send, meta: { invalidates: ['quarantine', 'follow-ups', 'daily-reports'] } });
}

export const useOpenCase = () => useCaseMutation((input: CaseInput) => apiRequest('/quarantine/cases', CaseFile, { method: 'POST', body: input }));

export const useRecordCheckIn = () =>
  useCaseMutation(({ caseId, input }: { caseId: string; input: CaseCheckInInput }) => apiRequest(path(caseId, '/check-ins'), CaseFile, { method: 'POST', body: input }));

export const useResolveHelp = () =>
  useCaseMutation(({ caseId, checkInId, note }: { caseId: string; checkInId: string; note: string }) =>
    apiRequest(path(caseId, `/check-ins/${encodeURIComponent(checkInId)}/resolve-help`), CaseFile, { method: 'POST', body: { note } }),
  );

/** Extend or shorten the planned end (both need a reason). */
export const useChangePlannedEnd = () =>
  useCaseMutation(({ caseId, direction, input }: { caseId: string; direction: 'extend' | 'shorten'; input: CaseExtendInput }) =>
    apiRequest(path(caseId, `/${direction}`), CaseFile, { method: 'POST', body: input }),
  );

export const useCloseCase = () => useCaseMutation(({ caseId, input }: { caseId: string; input: CaseCloseInput }) => apiRequest(path(caseId, '/close'), CaseFile, { method: 'POST', body: input }));

export const useRecordReturn = () =>
  useCaseMutation(({ caseId, input }: { caseId: string; input: CaseReturnInput }) => apiRequest(path(caseId, '/return'), CaseFile, { method: 'POST', body: input }));
