import { useMutation } from '@tanstack/react-query';
import { SupplyItem, type SupplyItemInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Adds an item to the catalogue (centre). */
export function createItem(input: SupplyItemInput) {
  return apiRequest('/supplies/items', SupplyItem, { method: 'POST', body: input });
}

export function useCreateItem() {
  return useMutation({ mutationFn: createItem, meta: { invalidates: ['supplies'] } });
}
