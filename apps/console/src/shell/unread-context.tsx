import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from './session-context';

/** The nav badge polls the unread count this often; marking one read refreshes it at once. */
export const UNREAD_POLL_MS = 10_000;

interface UnreadValue {
  readonly unread: number | null;
  readonly refresh: () => Promise<void>;
}

const UnreadContext = createContext<UnreadValue>({ unread: null, refresh: async () => undefined });

export function UnreadProvider({ children }: { readonly children: ReactNode }) {
  const { api, session } = useSession();
  const [unread, setUnread] = useState<number | null>(null);
  const refresh = useCallback(async () => {
    const answer = await api.notifications(true);
    setUnread(answer.ok ? answer.data.items.length : null);
  }, [api]);
  useEffect(() => {
    if (!session) return undefined;
    void refresh();
    const timer = setInterval(() => void refresh(), UNREAD_POLL_MS);
    return () => clearInterval(timer);
  }, [session, refresh]);
  const value = useMemo(() => ({ unread: session ? unread : null, refresh }), [session, unread, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): UnreadValue {
  return useContext(UnreadContext);
}
