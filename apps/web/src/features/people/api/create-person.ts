import { useMutation } from '@tanstack/react-query';
import { PersonDetail, type PersonInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { usePersonWritten } from './use-person-written';

export function createPerson(input: PersonInput) {
  return apiRequest('/people', PersonDetail, { method: 'POST', body: input });
}

export function useCreatePerson() {
  const written = usePersonWritten();
  return useMutation({ mutationFn: createPerson, onSuccess: written });
}
