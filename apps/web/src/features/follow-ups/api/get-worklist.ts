import { useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { followUpStatus, isFollowUpException, Worklist, type FollowUpInput, type FollowUpStatus, type WorklistItem } from '@campus/shared';
import { apiRequest, isApiRequestError } from '@/lib/api-client';
import { useOutbox, type OutboxEntry, type OutboxState } from '@/lib/offline/outbox';
import { keepList, offlineList } from '@/lib/offline/phone-copy';
import { useSession } from '@/lib/session';
import { followUpKeys, type WorklistParams } from '../query-keys';

export function getWorklist(params: WorklistParams, signal?: AbortSignal) {
  return apiRequest('/follow-ups/worklist', Worklist, { query: params, signal });
}

/**
 * Asks for a class's list before the page is drawn (main.tsx, while the session is being asked for: one round
 * trip less on a slow connection); the page's query then finds it. No offline copy here: the page's own query
 * falls back to it if this one fails.
 */
export function prefetchWorklist(queryClient: QueryClient, params: WorklistParams) {
  return queryClient.prefetchQuery({ queryKey: followUpKeys.worklist(params), queryFn: ({ signal }) => getWorklist(params, signal) });
}

/** A list item with what the phone still holds for it (not yet on the server). */
export type ShownItem = WorklistItem & { queued?: OutboxState };
/** The list as the teacher sees it: the server's (or the phone's copy of it), with the outbox's entries applied. */
export type ShownWorklist = Omit<Worklist, 'items'> & { items: ShownItem[]; queuedReport?: OutboxState; fromCopy: boolean };

function listKeyOf(list: Worklist): string {
  return list.classId ? `class:${list.classId}` : `staff:${list.schoolId}`;
}

/** What a queued call will make of the person's state (as the server will decide it). */
function statusOfInput(input: FollowUpInput, feverThreshold: number): FollowUpStatus {
  return followUpStatus({ reached: input.reached, isException: input.reached && isFollowUpException({ temperature: input.temperature ?? null, symptoms: input.symptoms ?? [] }, feverThreshold) });
}

/** The outbox's entries for this list and day, applied: each person's state and the day's counts as they will be once sent. */
export function withOutbox(list: Worklist & { fromCopy?: boolean }, entries: readonly OutboxEntry[], feverThreshold: number): ShownWorklist {
  const key = listKeyOf(list);
  const mine = entries.filter((entry) => entry.listKey === key && entry.day === list.day);
  const counts = { ...list.counts };
  const items: ShownItem[] = list.items.map((item) => {
    let shown: ShownItem = item;
    for (const entry of mine) {
      if (entry.kind === 'follow-up' && entry.personId === item.personId) shown = { ...shown, status: statusOfInput(entry.input as FollowUpInput, feverThreshold), queued: entry.state };
      if (entry.kind === 'bulk-well' && shown.status === 'pending' && (entry.input as { personIds: string[] }).personIds.includes(item.personId)) shown = { ...shown, status: 'well', queued: entry.state };
    }
    if (shown.status !== item.status) {
      counts[item.status] -= 1;
      counts[shown.status] += 1;
      counts.reached = counts.well + counts.exception;
    }
    return shown;
  });
  const report = mine.find((entry) => entry.kind === 'class-report');
  return { ...list, counts, items, fromCopy: list.fromCopy ?? false, ...(report && !list.report ? { queuedReport: report.state } : {}) };
}

/**
 * A class's students (or a school's staff) for a day, each with their state.
 * For a class teacher without a connection, the phone's copy of the list
 * answers (today's and yesterday's, ADR 0024); either way the outbox's
 * unsent entries are shown applied.
 */
export function useWorklist(params: WorklistParams) {
  const me = useSession();
  const entries = useOutbox();
  const query = useQuery({
    queryKey: followUpKeys.worklist(params),
    queryFn: async ({ signal }): Promise<Worklist & { fromCopy?: boolean }> => {
      try {
        const list = await getWorklist(params, signal);
        void keepList(me, list);
        return list;
      } catch (error) {
        if (isApiRequestError(error) && error.statusCode === 0) {
          const copy = await offlineList(params);
          if (copy) return { ...copy, fromCopy: true };
        }
        throw error;
      }
    },
  });
  const data = useMemo(() => (query.data ? withOutbox(query.data, entries, me.centre.feverThreshold) : undefined), [query.data, entries, me.centre.feverThreshold]);
  return { ...query, data } as Omit<typeof query, 'data'> & { data: ShownWorklist | undefined };
}
