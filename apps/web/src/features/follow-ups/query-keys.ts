import type { QueryRoot } from '@/lib/query-roots';
import type { z } from 'zod';
import type { WorklistQuery } from '@campus/shared';

export type WorklistParams = z.infer<typeof WorklistQuery>;

export const followUpKeys = {
  all: ['follow-ups'] as const satisfies readonly [QueryRoot],
  worklists: () => [...followUpKeys.all, 'worklist'] as const,
  worklist: (params: WorklistParams) => [...followUpKeys.worklists(), params] as const,
};
