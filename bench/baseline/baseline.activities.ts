import type { Pool } from 'pg';
import type { BaselineActivities } from './baseline.messages';

/**
 * The baselines' activities, on the run's table (baseline-table.ts). ON CONFLICT: a retried
 * activity must not fail or count twice, as ours (idempotent appends) does not.
 */
export function createBaselineActivities(pool: Pool): BaselineActivities {
  return {
    async insertRow(id) {
      await pool.query('INSERT INTO bench_baseline_rows (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [id]);
    },
    async insertFiring(id, dueAt) {
      await pool.query('INSERT INTO bench_baseline_rows (id, due_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, dueAt]);
    },
  };
}
