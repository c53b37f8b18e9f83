import type { ApiErrorBody, DevTokenRequest } from '@polku/contracts';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ActionKeys } from '../api/action-keys';
import { createApiClient, type FetchLike } from '../api/api-client';
import type { Session, SessionStore } from '../api/session';
import { staffApi, type StaffApi } from '../api/staff-api';
import { homeFor } from '../routing/routes';
import { navigate } from './router';

export interface SessionDeps {
  readonly fetch: FetchLike;
  readonly sessions: SessionStore;
  /** Fresh ids for the forms' new-id fields. */
  readonly newKey: () => string;
  /** Idempotency-Keys of the user's actions, kept across a reload until each settles. */
  readonly actionKeys: ActionKeys;
}

interface SessionValue {
  readonly session: Session | null;
  readonly api: StaffApi;
  readonly newKey: () => string;
  readonly signIn: (request: DevTokenRequest) => Promise<ApiErrorBody | null>;
  readonly signOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ deps, children }: { readonly deps: SessionDeps; readonly children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => deps.sessions.load());
  const signOut = useCallback(() => {
    deps.sessions.clear();
    setSession(null);
    navigate({ page: 'sign-in' });
  }, [deps]);
  const apiFor = useCallback(
    (token: () => string | null) => staffApi(createApiClient({ fetch: deps.fetch, keys: deps.actionKeys, token, onUnauthorized: signOut })),
    [deps, signOut],
  );
  const api = useMemo(() => apiFor(() => deps.sessions.load()?.token ?? null), [apiFor, deps]);
  const signIn = useCallback(
    async (request: DevTokenRequest): Promise<ApiErrorBody | null> => {
      const issued = await api.devToken(request);
      if (!issued.ok) return issued.error;
      const me = await apiFor(() => issued.data.accessToken).me();
      if (!me.ok) return me.error;
      const next = { token: issued.data.accessToken, me: me.data };
      deps.sessions.save(next);
      setSession(next);
      navigate(homeFor(me.data.role));
      return null;
    },
    [api, apiFor, deps],
  );
  const value = useMemo(() => ({ session, api, newKey: deps.newKey, signIn, signOut }), [session, api, deps, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
