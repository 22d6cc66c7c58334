import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { GateEntry, GatePeople, GateSignedOut, GateToday, type GatePersonInput, type GateVisitorInput } from '@campus/shared';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { gateKeys } from '../query-keys';

/** Today at the school's gate: the rules in force, inside / left / refused, today's approvals. */
export function useGateToday(schoolId: string) {
  return useQuery({ queryKey: gateKeys.today(schoolId), queryFn: ({ signal }) => apiRequest('/gate/today', GateToday, { query: { schoolId }, signal }) });
}

/** A registration with its attempt's Idempotency-Key: a re-tap after a lost answer registers no one twice. */
export interface Keyed<I> {
  input: I;
  key: string;
}

export function useRegisterVisitor() {
  return useMutation({
    mutationFn: ({ input, key }: Keyed<z.input<typeof GateVisitorInput>>) => apiRequest('/gate/visitors', GateEntry, { method: 'POST', body: input, idempotencyKey: key }),
    meta: { invalidates: ['gate'] },
  });
}

/** A student or staff member coming back; a fever also changes the day's follow-ups. */
export function useRegisterPerson() {
  return useMutation({
    mutationFn: ({ input, key }: Keyed<z.input<typeof GatePersonInput>>) => apiRequest('/gate/people', GateEntry, { method: 'POST', body: input, idempotencyKey: key }),
    meta: { invalidates: ['gate', 'follow-ups', 'daily-reports'] },
  });
}

/** The school's roster by name, pinyin or initials (names and classes only). */
export function useGatePeople(schoolId: string, q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: gateKeys.people(schoolId, text),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiRequest('/gate/people', GatePeople, { query: { schoolId, q: text }, signal }),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: ({ id, at }: { id: string; at?: string }) => apiRequest(`/gate/entries/${id}/sign-out`, GateEntry, { method: 'POST', body: at ? { at } : {} }),
    meta: { invalidates: ['gate'] },
  });
}

export function useSignOutEveryone() {
  return useMutation({
    mutationFn: (schoolId: string) => apiRequest('/gate/sign-out-all', GateSignedOut, { method: 'POST', body: { schoolId } }),
    meta: { invalidates: ['gate'] },
  });
}
