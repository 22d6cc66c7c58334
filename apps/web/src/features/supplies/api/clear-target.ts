import { useMutation } from '@tanstack/react-query';
import { EffectiveTarget } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Returns a school to the item's default target (centre). */
export function clearTarget({ schoolId, itemId }: { schoolId: string; itemId: string }) {
  return apiRequest(`/supplies/targets/${schoolId}/${itemId}`, EffectiveTarget, { method: 'DELETE' });
}

export function useClearTarget() {
  return useMutation({ mutationFn: clearTarget, meta: { invalidates: ['supplies'] } });
}
