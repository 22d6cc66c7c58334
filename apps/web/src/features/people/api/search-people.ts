import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { PersonPage, type PersonSearch } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys, type RosterSearch } from '../query-keys';

/** One page of the roster; filters go in the body so names never land in URLs. */
export function searchPeople(search: PersonSearch, signal?: AbortSignal) {
  return apiRequest('/people/search', PersonPage, { method: 'POST', body: search, signal });
}

/**
 * The roster, page after page ("load more"). The server counts `total` on the
 * first page only; read it from `pages[0]`.
 */
export function usePeopleSearch(search: RosterSearch, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: peopleKeys.search(search),
    queryFn: ({ pageParam, signal }) => searchPeople(pageParam ? { ...search, cursor: pageParam } : search, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Typing in the search box keeps the last list on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The list's total as shown: "2,361", or "10,000+" when the server stopped counting; null before the first page. */
export function rosterTotalLabel(page: PersonPage | undefined): string | null {
  if (!page || page.total === null) return null;
  return `${page.total.toLocaleString()}${page.totalCapped ? '+' : ''}`;
}
