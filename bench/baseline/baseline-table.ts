import type { Pool } from 'pg';

/**
 * The raw baselines' tables in the run's database, with the worker role's grants (the baseline
 * activities run as polku_worker, like ours). `written_at` defaults like events.recorded_at.
 */
export async function createBaselineTables(ownerPool: Pool): Promise<void> {
  await ownerPool.query(`
    CREATE TABLE bench_baseline_rows (id text PRIMARY KEY, due_at timestamptz, written_at timestamptz NOT NULL DEFAULT now());
    GRANT SELECT, INSERT ON bench_baseline_rows TO polku_worker;
    CREATE TABLE bench_raw_rows (id uuid PRIMARY KEY, data jsonb NOT NULL);`);
}
