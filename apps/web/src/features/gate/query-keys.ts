import type { QueryRoot } from '@/lib/query-roots';

export const gateKeys = {
  all: ['gate'] as const satisfies readonly [QueryRoot],
  today: (schoolId: string) => [...gateKeys.all, 'today', schoolId] as const,
  people: (schoolId: string, q: string) => [...gateKeys.all, 'people', schoolId, q] as const,
  register: (filters: object) => [...gateKeys.all, 'register', filters] as const,
  approvals: (schoolId: string) => [...gateKeys.all, 'approvals', schoolId] as const,
  alerts: (schoolId: string | undefined) => [...gateKeys.all, 'alerts', schoolId ?? 'all'] as const,
  counts: (to: string | undefined, days: number) => [...gateKeys.all, 'counts', to ?? 'today', days] as const,
};
