import type { Role } from '@campus/shared';

export interface AccountListFilters {
  schoolId?: string;
  role?: Role;
  q?: string;
  includeDisabled: boolean;
}

export const accountKeys = {
  all: ['accounts'] as const,
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (filters: AccountListFilters) => [...accountKeys.lists(), filters] as const,
};
