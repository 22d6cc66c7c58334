import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { IsoDay } from '@campus/shared';
import { useCentreToday } from '@/lib/centre-day';

/**
 * A day kept in the address (`?day=2026-11-28`) so it survives a reload and
 * can be shared. Absent, malformed or in the future reads as today; choosing
 * today drops the parameter, so the link keeps meaning "today" tomorrow.
 */
export function useDayParam(name = 'day'): [day: string, setDay: (day: string) => void, today: string] {
  const today = useCentreToday();
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const day = raw && IsoDay.safeParse(raw).success && raw <= today ? raw : today;
  const setDay = useCallback(
    (next: string) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next >= today) updated.delete(name);
        else updated.set(name, next);
        return updated;
      }),
    [name, setParams, today],
  );
  return [day, setDay, today];
}
