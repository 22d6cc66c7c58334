import { useMutation } from '@tanstack/react-query';
import { SupplyItem, type SupplyItemInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** Adds an item to the catalogue (centre). */
export function createItem(input: SupplyItemInput) {
  return apiRequest('/supplies/items', SupplyItem, { method: 'POST', body: input });
}

export function useCreateItem() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: createItem, onSuccess: written });
}
