import type { QueryRoot } from '@/lib/query-roots';
export const schoolKeys = {
  all: ['schools'] as const satisfies readonly [QueryRoot],
  lists: () => [...schoolKeys.all, 'list'] as const,
  list: (filters: { includeInactive: boolean }) => [...schoolKeys.lists(), filters] as const,
  details: () => [...schoolKeys.all, 'detail'] as const,
  detail: (id: string) => [...schoolKeys.details(), id] as const,
};
