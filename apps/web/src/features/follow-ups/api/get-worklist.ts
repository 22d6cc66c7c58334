import { useQuery } from '@tanstack/react-query';
import { Worklist } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { followUpKeys, type WorklistParams } from '../query-keys';

export function getWorklist(params: WorklistParams, signal?: AbortSignal) {
  return apiRequest('/follow-ups/worklist', Worklist, { query: params, signal });
}

/** A class's students (or a school's staff) for a day, each with their state. */
export function useWorklist(params: WorklistParams) {
  return useQuery({ queryKey: followUpKeys.worklist(params), queryFn: ({ signal }) => getWorklist(params, signal) });
}
