import type { KeyValueStore } from './session';

const PREFIX = 'polku.action.';

/**
 * The Idempotency-Key of each user action: one intended change, a POST of one body to one URL
 * (the URL names the path and the command, or the path start). Every attempt of the action
 * sends its key, so the API applies it at most once, until an answer settles it; the next
 * submission is then a new action with a new key.
 *
 * Kept in sessionStorage, not memory: a user unsure whether a save went through reloads the
 * page, and the same form sent again must still carry the first key, as the first request may
 * have been applied. sessionStorage lives as long as the tab (like the session's token) and is
 * not shared with other tabs. The body is stored only as a short hash — it can hold an identity
 * code — and an entry goes when its action settles.
 */
export interface ActionKeys {
  /** The action's key: the one an earlier unsettled attempt used, else a new one, kept. */
  keyFor(action: string): string;
  /** The action got its final answer: forget its key. */
  settle(action: string): void;
}

export function createActionKeys(store: KeyValueStore, newKey: () => string): ActionKeys {
  return {
    keyFor(action) {
      const kept = store.getItem(PREFIX + action);
      if (kept) return kept;
      const key = newKey();
      store.setItem(PREFIX + action, key);
      return key;
    },
    settle(action) {
      store.removeItem(PREFIX + action);
    },
  };
}

/** Names the action of sending `body` (the exact JSON text sent) to `url`. */
export function actionOf(url: string, body: string): string {
  return `${url}#${hashText(body)}`;
}

/**
 * cyrb53, a 53-bit non-cryptographic hash: only this tab's few pending actions for one URL are
 * told apart by it. Synchronous and dependency-free, unlike SubtleCrypto (secure contexts only).
 */
function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
