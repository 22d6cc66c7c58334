import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DeviceAccess, Id, PersonKind, PersonSort, PersonStatus, Whereabouts, type PersonFilters } from '@campus/shared';
import type { z } from 'zod';

/**
 * The roster's filters that may live in the page address (so "back" from a
 * person restores them). The search text never does: it is a name, and names
 * stay out of URLs, history and logs; it is kept in component state only.
 */
export interface RosterParams {
  schoolId?: string;
  classId?: string;
  kind?: PersonKind;
  categoryId?: string;
  whereabouts?: Whereabouts;
  leftBehind?: boolean;
  deviceAccess?: DeviceAccess;
  status: PersonStatus;
  sort: z.infer<typeof PersonSort>;
  /** Centre and observer: every school's people in one list instead of the counts overview. */
  allSchools: boolean;
}

function parsed<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function readParams(search: URLSearchParams): RosterParams {
  const leftBehind = search.get('leftBehind');
  return {
    schoolId: parsed(Id, search.get('schoolId')),
    classId: parsed(Id, search.get('classId')),
    kind: parsed(PersonKind, search.get('kind')),
    categoryId: parsed(Id, search.get('categoryId')),
    whereabouts: parsed(Whereabouts, search.get('whereabouts')),
    leftBehind: leftBehind === 'true' ? true : leftBehind === 'false' ? false : undefined,
    deviceAccess: parsed(DeviceAccess, search.get('deviceAccess')),
    status: parsed(PersonStatus, search.get('status')) ?? 'active',
    sort: parsed(PersonSort, search.get('sort')) ?? 'class',
    allSchools: search.get('all') === '1',
  };
}

function writeParams(params: RosterParams): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string | boolean | undefined, skip?: string) => {
    if (value === undefined || String(value) === skip) return;
    search.set(key, String(value));
  };
  set('schoolId', params.schoolId);
  set('all', params.allSchools ? '1' : undefined);
  set('classId', params.classId);
  set('kind', params.kind);
  set('categoryId', params.categoryId);
  set('whereabouts', params.whereabouts);
  set('leftBehind', params.leftBehind);
  set('deviceAccess', params.deviceAccess);
  set('status', params.status, 'active');
  set('sort', params.sort, 'class');
  return search;
}

export function useRosterParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readParams(search), [search]);
  const update = useCallback(
    (patch: Partial<RosterParams>) => setSearch((current) => writeParams({ ...readParams(current), ...patch }), { replace: true }),
    [setSearch],
  );
  return [params, update] as const;
}

/** The filters sent to the server (the search text is added by the caller). */
export function filtersOf(params: RosterParams, schoolId: string | undefined): PersonFilters {
  const filters: PersonFilters = { status: params.status };
  if (schoolId) filters.schoolId = schoolId;
  if (params.classId) filters.classId = params.classId;
  if (params.kind) filters.kind = params.kind;
  if (params.categoryId) filters.categoryId = params.categoryId;
  if (params.whereabouts) filters.whereabouts = params.whereabouts;
  if (params.leftBehind !== undefined) filters.leftBehind = params.leftBehind;
  if (params.deviceAccess) filters.deviceAccess = params.deviceAccess;
  return filters;
}

/** Whether any filter beyond the school and the active status is set. */
export function hasFilters(params: RosterParams): boolean {
  return Boolean(params.classId || params.kind || params.categoryId || params.whereabouts || params.leftBehind !== undefined || params.deviceAccess || params.status !== 'active');
}
