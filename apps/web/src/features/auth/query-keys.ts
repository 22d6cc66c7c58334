import type { QueryRoot } from '@/lib/query-roots';
export const authKeys = {
  all: ['auth'] as const satisfies readonly [QueryRoot],
  me: () => [...authKeys.all, 'me'] as const,
};
