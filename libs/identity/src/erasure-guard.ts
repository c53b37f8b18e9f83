import type { Pool, PoolClient } from 'pg';

type Queryable = Pool | PoolClient;

/**
 * The one-active-path rule across an erasure (docs/erasure.md). Erasure destroys the code, and
 * the same code registered again would get a new reference, which the rule (keyed by reference
 * in `client_active_paths`) cannot see. So an erased client whose path is still active keeps a
 * keyed fingerprint of the code, and only until that path exits (a trigger drops it then).
 */

/** The erased reference whose path is still active for this fingerprint, if any; a stale guard counts for nothing. */
export async function guardedReferenceOf(db: Queryable, fingerprint: Buffer): Promise<string | undefined> {
  const { rows } = await db.query<{ client_reference: string }>(
    `SELECT g.client_reference FROM erased_client_guards g JOIN client_active_paths a USING (client_reference)
      WHERE g.fingerprint = $1 LIMIT 1`,
    [fingerprint],
  );
  return rows[0]?.client_reference;
}

/**
 * Called by the erasure, holding the identity row's lock: an activation of the reference waits
 * for that lock (0014's trigger), so "has an active path" cannot change under us. The
 * fingerprint is computed only when needed; undefined when the code can no longer be read.
 */
export async function guardWhileActive(tx: PoolClient, clientReference: string, fingerprint: () => Buffer | undefined): Promise<boolean> {
  const { rowCount } = await tx.query('SELECT 1 FROM client_active_paths WHERE client_reference = $1', [clientReference]);
  if (rowCount === 0) return false;
  const value = fingerprint();
  if (value === undefined) return false;
  await tx.query(
    'INSERT INTO erased_client_guards (client_reference, fingerprint) VALUES ($1, $2) ON CONFLICT (client_reference) DO NOTHING',
    [clientReference, value],
  );
  return true;
}
