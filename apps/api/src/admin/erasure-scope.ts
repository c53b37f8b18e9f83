import type { PoolClient } from 'pg';

/**
 * The employment area answerable for a client (docs/erasure.md, "Who may erase"): the area of
 * the path the client has active, else the area of the client's latest path. `null`: the
 * client was registered but no path of theirs was ever started (a failed start), which no
 * area holds. Read inside the erasure's transaction, after the vault has locked the client's
 * row: a path started or reopened meanwhile waits for that lock, so the answer holds until
 * the erasure commits.
 */
export async function answerableAreaOf(tx: PoolClient, clientReference: string): Promise<string | null> {
  const { rows } = await tx.query<{ area: string }>(
    `SELECT s.data->>'employmentArea' AS area
       FROM events s
       LEFT JOIN client_active_paths a ON a.path_id = s.stream_id
      WHERE s.event_type = 'PathStarted' AND s.data->>'clientReference' = $1
      ORDER BY (a.path_id IS NOT NULL) DESC, s.global_position DESC
      LIMIT 1`,
    [clientReference],
  );
  return rows[0]?.area ?? null;
}

/**
 * Only an admin of the answerable area may erase; a registration no area holds, any admin
 * (whoever has the code in hand). There is deliberately no cross-area erasure: another area's
 * admin is told only what an unknown client would tell them.
 */
export function mayErase(adminArea: string, answerableArea: string | null): boolean {
  return answerableArea === null || answerableArea === adminArea;
}
