import { useQueryClient } from '@tanstack/react-query';
import { supplyKeys } from '../query-keys';

/** After any write: a movement changes stock, the matrix, alerts, cards and lists alike, so every supplies query refetches. */
export function useSuppliesWritten() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supplyKeys.all });
}
