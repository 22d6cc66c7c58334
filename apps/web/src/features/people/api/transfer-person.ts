import { useMutation } from '@tanstack/react-query';
import { PersonDetail } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { usePersonWritten } from './use-person-written';

/** Moves a person to another school (centre only); their history goes with them. */
export function transferPerson({ id, schoolId, classId }: { id: string; schoolId: string; classId: string | null }) {
  return apiRequest(`/people/${encodeURIComponent(id)}/transfer`, PersonDetail, { method: 'POST', body: { schoolId, classId } });
}

export function useTransferPerson() {
  const written = usePersonWritten();
  return useMutation({ mutationFn: transferPerson, onSuccess: written });
}
