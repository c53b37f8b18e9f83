import type { ApiErrorBody, PathSummary } from '@polku/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PathFilters, StaffApi } from '../api/staff-api';

export type ListMode = 'mine' | 'all';

interface Paged {
  readonly items: readonly PathSummary[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly error: ApiErrorBody | null;
}

const EMPTY: Paged = { items: [], nextCursor: null, loading: true, error: null };

/**
 * `GET /me/caseload` (mine) or `GET /paths` with filters (all), a page at a time. `filters` must
 * keep its identity until it changes (page state), or every render would fetch again.
 */
export function usePagedPaths(api: StaffApi, mode: ListMode, filters: PathFilters) {
  const [paged, setPaged] = useState<Paged>(EMPTY);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | undefined, previous: readonly PathSummary[]) => {
      const ticket = generation.current;
      setPaged((current) => ({ ...current, loading: true }));
      const answer = mode === 'mine' ? await api.caseload(cursor) : await api.listPaths({ ...filters, ...(cursor ? { cursor } : {}) });
      if (ticket !== generation.current) return;
      setPaged(
        answer.ok
          ? { items: [...previous, ...answer.data.items], nextCursor: answer.data.nextCursor, loading: false, error: null }
          : { items: previous, nextCursor: null, loading: false, error: answer.error },
      );
    },
    [api, mode, filters],
  );

  useEffect(() => {
    generation.current += 1;
    setPaged(EMPTY);
    void fetchPage(undefined, []);
  }, [fetchPage]);

  const more = useCallback(() => (paged.nextCursor ? fetchPage(paged.nextCursor, paged.items) : Promise.resolve()), [fetchPage, paged]);
  return { ...paged, more };
}
