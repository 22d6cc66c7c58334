import { useMutation } from '@tanstack/react-query';
import { PersonDetail } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { usePersonWritten } from './use-person-written';

/** Brings someone who had left back onto the roster, into `classId` (or their old class). */
export function markReturned({ id, classId }: { id: string; classId: string | null }) {
  return apiRequest(`/people/${encodeURIComponent(id)}/return`, PersonDetail, { method: 'POST', body: { classId } });
}

export function useMarkReturned() {
  const written = usePersonWritten();
  return useMutation({ mutationFn: markReturned, onSuccess: written });
}
