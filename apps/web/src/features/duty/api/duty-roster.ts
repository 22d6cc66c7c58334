import { useMutation, useQuery } from '@tanstack/react-query';
import { DutyRoster, type DutyRosterInput } from '@campus/shared';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { dutyKeys } from '../query-keys';

export function getDutyRoster(schoolId: string, from: string, days: number, signal?: AbortSignal) {
  return apiRequest('/duty/roster', DutyRoster, { query: { schoolId, from, days }, signal });
}

/** Who is on duty on `days` days from `from`, and the school's staff to choose from. */
export function useDutyRoster(schoolId: string, from: string, days: number) {
  return useQuery({ queryKey: dutyKeys.roster(schoolId, from, days), queryFn: ({ signal }) => getDutyRoster(schoolId, from, days, signal) });
}

export function saveDutyRoster(input: z.input<typeof DutyRosterInput>) {
  return apiRequest('/duty/roster', DutyRoster, { method: 'PUT', body: input });
}

export function useSaveDutyRoster() {
  return useMutation({ mutationFn: saveDutyRoster, meta: { invalidates: ['duty'] } });
}
