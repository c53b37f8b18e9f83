import type { Me, StaffRole } from '@polku/contracts';
import { STAFF_ROLES } from '@polku/domain';

/** The part of the Web Storage API the session needs (window.sessionStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Session {
  readonly token: string;
  readonly me: Me;
}

const KEY = 'polku.session';

/** The bearer token and who it belongs to, kept in sessionStorage: gone when the tab closes. */
export function createSessionStore(store: KeyValueStore) {
  return {
    load(): Session | null {
      return parseSession(store.getItem(KEY));
    },
    save(session: Session): void {
      store.setItem(KEY, JSON.stringify(session));
    },
    clear(): void {
      store.removeItem(KEY);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function parseSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as { token?: unknown; me?: Partial<Record<keyof Me, unknown>> };
    const me = value.me;
    if (typeof value.token !== 'string' || !me || typeof me.userId !== 'string' || typeof me.employmentArea !== 'string') return null;
    if (!(STAFF_ROLES as readonly string[]).includes(me.role as StaffRole)) return null;
    return { token: value.token, me: { userId: me.userId, role: me.role as StaffRole, employmentArea: me.employmentArea } };
  } catch {
    return null;
  }
}
