import { loadConfig } from '@polku/config';
import { Pool } from 'pg';

/**
 * Why a projection-backed read has not caught up with a path: the path's row against its
 * stream, the projections' checkpoints, and the oldest open transactions (a commit-safe reader
 * waits for every transaction older than the events it would read).
 */
export async function projectionLagReport(pathId: string): Promise<string> {
  const pool = new Pool({ connectionString: loadConfig().databaseUrl, max: 1 });
  try {
    const row = await pool.query(`SELECT status, version, updated_at FROM path_summaries WHERE path_id = $1`, [pathId]);
    const stream = await pool.query(`SELECT max(stream_version) AS version, max(recorded_at) AS last FROM events WHERE stream_id = $1`, [pathId]);
    const checkpoints = await pool.query(`SELECT name, updated_at FROM projection_checkpoints ORDER BY name`);
    const open = await pool.query(
      `SELECT pid, application_name, state, backend_xid::text AS xid, now() - xact_start AS age, left(query, 120) AS query
         FROM pg_stat_activity WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() ORDER BY xact_start LIMIT 5`,
    );
    return JSON.stringify({ summary: row.rows[0] ?? null, stream: stream.rows[0], checkpoints: checkpoints.rows, oldestTransactions: open.rows }, null, 1);
  } finally {
    await pool.end();
  }
}
