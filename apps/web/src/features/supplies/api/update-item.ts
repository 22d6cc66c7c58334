import { useMutation } from '@tanstack/react-query';
import { SupplyItem, type SupplyItemUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Renames, reorders, retires an item or changes its default target (centre); the unit is fixed once used. */
export function updateItem({ id, ...input }: SupplyItemUpdate & { id: string }) {
  return apiRequest(`/supplies/items/${id}`, SupplyItem, { method: 'PATCH', body: input });
}

export function useUpdateItem() {
  return useMutation({ mutationFn: updateItem, meta: { invalidates: ['supplies'] } });
}
