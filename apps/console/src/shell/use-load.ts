import type { ApiErrorBody } from '@polku/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../api/api-client';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'ok'; readonly data: T } | { readonly state: 'error'; readonly error: ApiErrorBody };

/**
 * Loads on mount and whenever `key` changes; `reload` fetches again keeping the shown data until
 * the answer arrives. An answer to a superseded request is dropped.
 */
export function useLoad<T>(load: () => Promise<ApiResult<T>>, key: string): { readonly loaded: Loaded<T>; readonly reload: () => Promise<void>; readonly set: (data: T) => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await loadRef.current();
    if (ticket !== latest.current) return;
    setLoaded(result.ok ? { state: 'ok', data: result.data } : { state: 'error', error: result.error });
  }, []);
  useEffect(() => {
    setLoaded({ state: 'loading' });
    void reload();
  }, [key, reload]);
  const set = useCallback((data: T) => setLoaded({ state: 'ok', data }), []);
  return { loaded, reload, set };
}
