import type { QueryRoot } from '@/lib/query-roots';
export const learningKeys = {
  all: ['learning'] as const satisfies readonly [QueryRoot],
  school: (schoolId: string, day: string | undefined) => [...learningKeys.all, 'school', schoolId, day ?? 'today'] as const,
  township: (from: string | undefined, to: string | undefined) => [...learningKeys.all, 'township', from ?? '', to ?? 'today'] as const,
};
