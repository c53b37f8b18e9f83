import { pollUntil } from './bounded';
import { balanced, takeLedger, type Ledger, type LedgerScope, type LedgerSources } from './ledger';

const SETTLE_POLL_MS = 1_000;

export interface Settled {
  /** The ledger that balanced, or the last one taken when none did by the deadline. */
  readonly ledger: Ledger;
  /** When it first balanced (ms since the epoch); undefined when it never did. */
  readonly balancedAt: number | undefined;
}

/**
 * Polls the ledger until it balances, not judging before `notBefore` (the last due item of the
 * fault's storm: until then items are still coming due), nor past the deadline.
 */
export async function settle(sources: LedgerSources, scope: LedgerScope, options: { notBefore: number; timeoutMs: number; signal: AbortSignal }): Promise<Settled> {
  let last: Ledger | undefined;
  const poll = await pollUntil(
    async () => {
      if (Date.now() < options.notBefore) return undefined;
      last = await takeLedger(sources, scope);
      return balanced(last) ? last : undefined;
    },
    { timeoutMs: Math.max(0, options.notBefore - Date.now()) + options.timeoutMs, intervalMs: SETTLE_POLL_MS, signal: options.signal },
  );
  return { ledger: poll.value ?? last ?? (await takeLedger(sources, scope)), balancedAt: poll.at };
}
