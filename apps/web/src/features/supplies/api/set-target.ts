import { useMutation } from '@tanstack/react-query';
import { EffectiveTarget, type TargetRule } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** Gives a school its own target for an item (centre). */
export function setTarget({ schoolId, itemId, rule }: { schoolId: string; itemId: string; rule: TargetRule }) {
  return apiRequest(`/supplies/targets/${schoolId}/${itemId}`, EffectiveTarget, { method: 'PUT', body: { rule } });
}

export function useSetTarget() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: setTarget, onSuccess: written });
}
