import { useMutation, useQuery } from '@tanstack/react-query';
import { DisinfectionArea, DisinfectionPlan, type DisinfectionAreaInput, type DisinfectionAreaUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { disinfectionKeys } from '../query-keys';

/** The school's areas, the centre's kinds of area and the consumables a plan may use. */
export function useDisinfectionPlan(schoolId: string) {
  return useQuery({ queryKey: disinfectionKeys.plan(schoolId), queryFn: ({ signal }) => apiRequest('/disinfection/plan', DisinfectionPlan, { query: { schoolId }, signal }) });
}

export function createArea(input: DisinfectionAreaInput) {
  return apiRequest('/disinfection/areas', DisinfectionArea, { method: 'POST', body: input });
}

export function useCreateArea() {
  return useMutation({ mutationFn: createArea, meta: { invalidates: ['disinfection'] } });
}

export function updateArea({ id, ...change }: DisinfectionAreaUpdate & { id: string }) {
  return apiRequest(`/disinfection/areas/${id}`, DisinfectionArea, { method: 'PATCH', body: change });
}

/** A change, a retirement or a reactivation: the day, compliance and the centre's grid follow. */
export function useUpdateArea() {
  return useMutation({ mutationFn: updateArea, meta: { invalidates: ['disinfection'] } });
}
