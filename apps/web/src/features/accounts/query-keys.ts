import type { QueryRoot } from '@/lib/query-roots';
import type { Role } from '@campus/shared';

export interface AccountListFilters {
  schoolId?: string;
  role?: Role;
  q?: string;
  includeDisabled: boolean;
}

export const accountKeys = {
  all: ['accounts'] as const satisfies readonly [QueryRoot],
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (filters: AccountListFilters) => [...accountKeys.lists(), filters] as const,
};
