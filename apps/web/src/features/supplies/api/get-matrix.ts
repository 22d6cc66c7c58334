import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ShortfallMatrix } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys, type MatrixParams } from '../query-keys';

/** Schools × items with totals over every matching school; filtered, sorted and paged by the server. */
export function getMatrix(query: MatrixParams, signal?: AbortSignal) {
  return apiRequest('/supplies/matrix', ShortfallMatrix, { query: { ...query }, signal });
}

export function useMatrix(query: MatrixParams) {
  return useQuery({
    queryKey: supplyKeys.matrix(query),
    queryFn: ({ signal }) => getMatrix(query, signal),
    // Changing a filter or page keeps the last matrix on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}
