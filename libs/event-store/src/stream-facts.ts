import type { Pool, PoolClient } from 'pg';

/*
 * Facts a path's first event fixes for good, read from the store itself: authorisation needs them
 * the moment a path has started, and the projections (path_summaries) lag the store. Everything
 * else reads them from the projections.
 */

/** The employment area a started path belongs to; undefined when no path has that id. */
export async function employmentAreaOf(db: Pool | PoolClient, pathId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ area: string }>(
    `SELECT data->>'employmentArea' AS area FROM events WHERE stream_id = $1 AND stream_version = 1 AND event_type = 'PathStarted'`,
    [pathId],
  );
  return rows[0]?.area;
}

/**
 * The employment area answerable for a client: the area of the path the client has active, else
 * of the client's latest path; null when no path of theirs ever started. Read in the caller's
 * transaction, so a lock the caller holds on the client keeps the answer until it commits.
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
