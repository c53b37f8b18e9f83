export type QueryValue = string | number | boolean | undefined | null;

/** `?a=1&b=x` from the set values only: empty strings, false and nulls are left out. */
export function toQuery(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
