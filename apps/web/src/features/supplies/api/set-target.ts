import { useMutation } from '@tanstack/react-query';
import { EffectiveTarget, type TargetRule } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Gives a school its own target for an item (centre). */
export function setTarget({ schoolId, itemId, rule }: { schoolId: string; itemId: string; rule: TargetRule }) {
  return apiRequest(`/supplies/targets/${schoolId}/${itemId}`, EffectiveTarget, { method: 'PUT', body: { rule } });
}

export function useSetTarget() {
  return useMutation({ mutationFn: setTarget, meta: { invalidates: ['supplies'] } });
}
