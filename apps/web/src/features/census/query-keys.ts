import type { QueryRoot } from '@/lib/query-roots';
export const censusKeys = {
  all: ['census-categories'] as const satisfies readonly [QueryRoot],
  list: () => [...censusKeys.all, 'list'] as const,
};
