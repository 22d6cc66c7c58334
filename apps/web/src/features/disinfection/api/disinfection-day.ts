import { useMutation, useQuery } from '@tanstack/react-query';
import { DisinfectionDay, DisinfectionLog, type DisinfectionLogInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { disinfectionKeys } from '../query-keys';

/** A school's day: each area planned vs done, the day's entries, compliance. */
export function useDisinfectionDay(schoolId: string, day: string | undefined) {
  return useQuery({ queryKey: disinfectionKeys.day(schoolId, day), queryFn: ({ signal }) => apiRequest('/disinfection/day', DisinfectionDay, { query: { schoolId, day }, signal }) });
}

export function logDisinfection(input: DisinfectionLogInput) {
  return apiRequest('/disinfection/logs', DisinfectionLog, { method: 'POST', body: input });
}

/** A round done: its use is booked on the school's ledger, so the supplies' figures change too. */
export function useLogDisinfection() {
  return useMutation({ mutationFn: logDisinfection, meta: { invalidates: ['disinfection', 'supplies'] } });
}

export function reverseDisinfection({ id, reason }: { id: string; reason: string }) {
  return apiRequest(`/disinfection/logs/${id}/reverse`, DisinfectionLog, { method: 'POST', body: { reason } });
}

/** A mistaken entry reversed: its use comes back onto the ledger. */
export function useReverseDisinfection() {
  return useMutation({ mutationFn: reverseDisinfection, meta: { invalidates: ['disinfection', 'supplies'] } });
}
