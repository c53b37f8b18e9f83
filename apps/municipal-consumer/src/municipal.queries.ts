import type { Pool } from 'pg';
import { STAGES } from './paths.projection';

export interface ActivePathsByStage {
  readonly area: string | null;
  /** Open paths (active or paused) at each stage, zero included. */
  readonly stages: Readonly<Record<(typeof STAGES)[number], number>>;
}

export async function activePathsByStage(pool: Pool, area: string | undefined): Promise<ActivePathsByStage> {
  const { rows } = await pool.query<{ stage: (typeof STAGES)[number]; count: number }>(
    `SELECT stage, count(*)::int AS count FROM paths
     WHERE status IN ('ACTIVE', 'PAUSED') AND ($1::text IS NULL OR employment_area = $1)
     GROUP BY stage`,
    [area ?? null],
  );
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, rows.find((row) => row.stage === stage)?.count ?? 0]));
  return { area: area ?? null, stages: stages as ActivePathsByStage['stages'] };
}

export interface ExitsInMonth {
  readonly month: string;
  readonly outcomeCategory: string;
  readonly count: number;
}

export async function exitsByOutcome(pool: Pool, area: string | undefined): Promise<{ area: string | null; exits: ExitsInMonth[] }> {
  const { rows } = await pool.query<ExitsInMonth>(
    `SELECT to_char(exited_on, 'YYYY-MM') AS month, outcome_category AS "outcomeCategory", count(*)::int AS count FROM paths
     WHERE status = 'EXITED' AND ($1::text IS NULL OR employment_area = $1)
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [area ?? null],
  );
  return { area: area ?? null, exits: rows };
}
