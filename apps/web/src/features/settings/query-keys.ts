import type { QueryRoot } from '@/lib/query-roots';
export const settingsKeys = {
  all: ['settings'] as const satisfies readonly [QueryRoot],
  centre: () => [...settingsKeys.all, 'centre'] as const,
  retentionPreview: () => [...settingsKeys.all, 'retention-preview'] as const,
};
