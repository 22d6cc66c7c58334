import type { QueryRoot } from '@/lib/query-roots';
import type { PersonFilters, PersonSearch } from '@campus/shared';

/** A roster query without its cursor: the pages of one search share a key. */
export type RosterSearch = Omit<PersonSearch, 'cursor'>;

// The keys hold the search text in memory only (never in the URL or in storage):
// filters travel in POST bodies so names searched for stay out of addresses and logs.
export const peopleKeys = {
  all: ['people'] as const satisfies readonly [QueryRoot],
  searches: () => [...peopleKeys.all, 'search'] as const,
  search: (search: RosterSearch) => [...peopleKeys.searches(), search] as const,
  summaries: () => [...peopleKeys.all, 'summary'] as const,
  summary: (filters: PersonFilters) => [...peopleKeys.summaries(), filters] as const,
  countsBySchool: () => [...peopleKeys.all, 'counts-by-school'] as const,
  details: () => [...peopleKeys.all, 'detail'] as const,
  detail: (id: string) => [...peopleKeys.details(), id] as const,
  /** 身份证号冲突: the centre's list (issue 13) */
  idConflicts: () => [...peopleKeys.all, 'id-conflicts'] as const,
};
