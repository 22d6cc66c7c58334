import { useMutation } from '@tanstack/react-query';
import { BulkWellResult, type BulkWellInput } from '@campus/shared';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** Several people "reached, all well", confirmed in the class group chat. */
export function bulkWell(input: z.input<typeof BulkWellInput>) {
  return apiRequest('/follow-ups/bulk-well', BulkWellResult, { method: 'POST', body: input });
}

export function useBulkWell() {
  return useMutation({ mutationFn: bulkWell, meta: { invalidates: ['follow-ups', 'daily-reports', 'learning'] } });
}
