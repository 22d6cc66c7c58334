import { useMutation, useQueryClient } from '@tanstack/react-query';
import { School, type SchoolUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '../query-keys';

export function updateSchool({ id, input }: { id: string; input: SchoolUpdate }) {
  return apiRequest(`/schools/${encodeURIComponent(id)}`, School, { method: 'PATCH', body: input });
}

/** Rename, change kind, deactivate (`active: false`) or reactivate. */
export function useUpdateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSchool,
    // Class, account, roster and report lists show school names too.
    meta: { invalidates: 'everything' },
    onSuccess: (school) => {
      queryClient.setQueryData(schoolKeys.detail(school.id), school);
    },
  });
}
