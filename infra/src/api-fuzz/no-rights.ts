import { readFileSync } from 'node:fs';
import type { Totals } from '../test-totals';

/** The fuzz "role" without any rights: no token at all. */
export const NO_RIGHTS = 'anonymous';

/** What a caller without rights may ever be told. */
const REFUSALS: ReadonlySet<number> = new Set([401, 403, 404]);

// Routes anyone may call (operations, docs, local sign-in): not part of the no-rights run.
export const PUBLIC_PATHS = '^/(health|hello|docs|dev-issuer|metrics)';

interface Har {
  readonly log?: { readonly entries?: readonly { readonly request: { readonly method: string; readonly url: string }; readonly response: { readonly status: number } }[] };
}

export interface NoRightsVerdict {
  readonly totals: Totals;
  /** `METHOD path → status` of each answer that told more than a refusal (the first few). */
  readonly offenders: readonly string[];
}

/**
 * Every request of the no-rights run (schemathesis's HAR) must have been refused with 401, 403
 * or 404: each answer is a test. Anything else — 200, 400, 422, 500 — told a caller without
 * rights something.
 */
export function judgeNoRights(harPath: string): NoRightsVerdict {
  const har = JSON.parse(readFileSync(harPath, 'utf8')) as Har;
  const entries = har.log?.entries ?? [];
  const offending = entries.filter((entry) => !REFUSALS.has(entry.response.status));
  const offenders = [...new Set(offending.map((entry) => `${entry.request.method} ${new URL(entry.request.url).pathname} → ${entry.response.status}`))].slice(0, 5);
  return { totals: { passed: entries.length - offending.length, failed: offending.length, skipped: 0 }, offenders };
}
