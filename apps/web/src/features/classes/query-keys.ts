import type { QueryRoot } from '@/lib/query-roots';
export interface ClassListFilters {
  schoolId?: string;
  includeInactive: boolean;
}

export const classKeys = {
  all: ['classes'] as const satisfies readonly [QueryRoot],
  lists: () => [...classKeys.all, 'list'] as const,
  list: (filters: ClassListFilters) => [...classKeys.lists(), filters] as const,
  details: () => [...classKeys.all, 'detail'] as const,
  detail: (id: string) => [...classKeys.details(), id] as const,
};
