import { useMutation } from '@tanstack/react-query';
import { EffectiveTarget } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** Returns a school to the item's default target (centre). */
export function clearTarget({ schoolId, itemId }: { schoolId: string; itemId: string }) {
  return apiRequest(`/supplies/targets/${schoolId}/${itemId}`, EffectiveTarget, { method: 'DELETE' });
}

export function useClearTarget() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: clearTarget, onSuccess: written });
}
