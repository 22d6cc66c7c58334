import { useQuery } from '@tanstack/react-query';
import { SupplyAlertList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys } from '../query-keys';

/** Schools out of stock or under 3 days of cover, worst first. */
export function getAlerts(signal?: AbortSignal) {
  return apiRequest('/supplies/alerts', SupplyAlertList, { signal });
}

export function useSupplyAlerts() {
  return useQuery({ queryKey: supplyKeys.alerts(), queryFn: ({ signal }) => getAlerts(signal) });
}
