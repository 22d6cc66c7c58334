import type { QueryRoot } from '@/lib/query-roots';
export interface AuditFilters {
  action?: string;
  username?: string;
  schoolId?: string;
  /** Days in the centre's time zone, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const satisfies readonly [QueryRoot],
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters) => [...auditKeys.lists(), filters] as const,
};
