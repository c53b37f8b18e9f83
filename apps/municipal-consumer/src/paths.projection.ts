import type { IntegrationEvent } from '@polku/consumer';
import type { PoolClient } from 'pg';
import { UnknownPathError } from './unknown-path.error';

export const STAGES = ['INTAKE', 'ASSESSMENT', 'WORK_TRIAL', 'WAGE_SUBSIDY'] as const;

type Change = { readonly sql: string; readonly params: readonly unknown[] };

/**
 * What an event changes on its path's row: SET clauses numbered from $3 ($1 path id, $2 its
 * sequence). Events that change nothing the read model shows still advance last_sequence.
 */
export function changeOf(event: IntegrationEvent): Change {
  switch (event.name) {
    case 'AssessmentStarted':
      return { sql: "stage = 'ASSESSMENT'", params: [] };
    case 'WorkTrialStarted':
      return { sql: "stage = 'WORK_TRIAL'", params: [] };
    case 'WageSubsidyStarted':
      return { sql: "stage = 'WAGE_SUBSIDY'", params: [] };
    case 'PathPaused':
      return { sql: "status = 'PAUSED'", params: [] };
    case 'PathResumed':
      return { sql: "status = 'ACTIVE'", params: [] };
    case 'PathExited': {
      const { exitedOn, outcomeCategory, goalAttained } = event.data;
      return { sql: "stage = 'EXITED', status = 'EXITED', exited_on = $3, outcome_category = $4, goal_attained = $5", params: [exitedOn, outcomeCategory, goalAttained] };
    }
    case 'PathReopened':
      // The path is open again: its earlier exit no longer counts as where it ended.
      return { sql: "stage = 'INTAKE', status = 'ACTIVE', exited_on = NULL, outcome_category = NULL, goal_attained = NULL", params: [] };
    default:
      return { sql: '', params: [] };
  }
}

/**
 * Applies one municipal event to `paths`. An event not newer than the row's sequence is a late or
 * replayed copy (delivery is at least once) and changes nothing; an event for a path with no row
 * throws UnknownPathError, so it is dead-lettered instead of silently lost.
 */
export async function projectPath(event: IntegrationEvent, db: PoolClient): Promise<void> {
  if (event.name === 'PathStarted') return startPath(event, db);
  const change = changeOf(event);
  const set = change.sql === '' ? 'last_sequence = $2' : `${change.sql}, last_sequence = $2`;
  const updated = await db.query(`UPDATE paths SET ${set} WHERE path_id = $1 AND last_sequence < $2`, [event.subject, event.sequence, ...change.params]);
  if (updated.rowCount === 0 && !(await pathKnown(db, event.subject))) throw new UnknownPathError(event.name);
}

async function startPath(event: Extract<IntegrationEvent, { name: 'PathStarted' }>, db: PoolClient): Promise<void> {
  const { pathId, employmentArea, municipality, registeredOn } = event.data;
  await db.query(
    `INSERT INTO paths (path_id, employment_area, municipality, stage, status, registered_on, last_sequence)
     VALUES ($1, $2, $3, 'INTAKE', 'ACTIVE', $4, $5)
     ON CONFLICT (path_id) DO UPDATE SET employment_area = $2, municipality = $3, stage = 'INTAKE', status = 'ACTIVE', registered_on = $4, last_sequence = $5
     WHERE paths.last_sequence < $5`,
    [pathId, employmentArea, municipality, registeredOn, event.sequence],
  );
}

// Asked only when the UPDATE touched nothing: it tells "no row" (dead-letter) from "row already
// newer" (a no-op). Each path's events come in order on one partition, so no insert can race it.
async function pathKnown(db: PoolClient, pathId: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM paths WHERE path_id = $1', [pathId]);
  return rowCount === 1;
}
