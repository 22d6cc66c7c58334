import { useMutation } from '@tanstack/react-query';
import { PersonDetail, type PersonUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { usePersonWritten } from './use-person-written';

/** Edit fields; a new `classId` moves the person to another class of their school. */
export function updatePerson({ id, input }: { id: string; input: PersonUpdate }) {
  return apiRequest(`/people/${encodeURIComponent(id)}`, PersonDetail, { method: 'PATCH', body: input });
}

export function useUpdatePerson() {
  const written = usePersonWritten();
  return useMutation({ mutationFn: updatePerson, onSuccess: written });
}
