import type { Pool } from 'pg';
import { STAGES } from './paths.projection';

export interface ActivePathsByStage {
  readonly area: string;
  /** Open paths (active or paused) at each stage, zero included. */
  readonly stages: Readonly<Record<(typeof STAGES)[number], number>>;
}

/** One employment area's open paths by stage; never another area's rows. */
export async function activePathsByStage(pool: Pool, area: string): Promise<ActivePathsByStage> {
  const { rows } = await pool.query<{ stage: (typeof STAGES)[number]; count: number }>(
    `SELECT stage, count(*)::int AS count FROM paths
     WHERE status IN ('ACTIVE', 'PAUSED') AND employment_area = $1
     GROUP BY stage`,
    [area],
  );
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, rows.find((row) => row.stage === stage)?.count ?? 0]));
  return { area, stages: stages as ActivePathsByStage['stages'] };
}

export interface ExitsInMonth {
  readonly month: string;
  readonly outcomeCategory: string;
  readonly count: number;
}

export interface ExitsByOutcome {
  readonly area: string;
  readonly exits: readonly ExitsInMonth[];
}

/** One employment area's exits by month and outcome category. */
export async function exitsByOutcome(pool: Pool, area: string): Promise<ExitsByOutcome> {
  const { rows } = await pool.query<ExitsInMonth>(
    `SELECT to_char(exited_on, 'YYYY-MM') AS month, outcome_category AS "outcomeCategory", count(*)::int AS count FROM paths
     WHERE status = 'EXITED' AND employment_area = $1
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [area],
  );
  return { area, exits: rows };
}
