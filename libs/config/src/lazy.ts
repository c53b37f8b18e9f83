/**
 * A setting only some apps use is resolved when first read and then remembered: a deployment
 * gives each app only its own secrets (the relay never holds the API's database password), and
 * an app that reads a missing one at start-up refuses to start with the variable named.
 */
export function once<T>(resolve: () => T): () => T {
  let resolved: { readonly value: T } | undefined;
  return () => (resolved ??= { value: resolve() }).value;
}

/** A record whose entries are each resolved on first read (see `once`). */
export function lazyRecord<K extends string, V>(keys: readonly K[], resolve: (key: K) => V): Readonly<Record<K, V>> {
  const record = {} as Record<K, V>;
  for (const key of keys) Object.defineProperty(record, key, { enumerable: true, get: once(() => resolve(key)) });
  return record;
}

/** `once(resolve)`, resolved at once when `now` (a value was given: check it at start-up, not at first use). */
export function onceResolvedNowIf<T>(now: boolean, resolve: () => T): () => T {
  const resolved = once(resolve);
  if (now) resolved();
  return resolved;
}
