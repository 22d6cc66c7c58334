import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** A list's page in the address (`?page=3`), so that back, reload and a shared link keep it; page 1 has no parameter. */
export function usePageParam(): [page: number, setPage: (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('page'));
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const setPage = useCallback(
    (next: number) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next <= 1) updated.delete('page');
        else updated.set('page', String(next));
        return updated;
      }),
    [setParams],
  );
  return [page, setPage];
}
