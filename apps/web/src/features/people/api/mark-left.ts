import { useMutation } from '@tanstack/react-query';
import { PersonDetail, type LeftReason } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { usePersonWritten } from './use-person-written';

/** Marks a person as left (graduated, transferred, other); the record and its history stay. */
export function markLeft({ id, reason, note }: { id: string; reason: LeftReason; note: string | null }) {
  return apiRequest(`/people/${encodeURIComponent(id)}/leave`, PersonDetail, { method: 'POST', body: { reason, note } });
}

export function useMarkLeft() {
  const written = usePersonWritten();
  return useMutation({ mutationFn: markLeft, onSuccess: written });
}
