import type { RecordedEvent } from '@polku/event-store';
import type { PoolClient } from 'pg';
import { dataOf, flag, occurredAt, text, updatePathRow, type Projection } from './projection';

/** Column changes each event type makes to its path's summary; types not listed change nothing. */
const CHANGES: Readonly<Record<string, (event: RecordedEvent) => Record<string, unknown>>> = {
  InitialInterviewHeld: (event) => ({ interview_held_on: text(dataOf(event), 'heldOn') }),
  AssessmentStarted: () => ({ stage: 'ASSESSMENT' }),
  WorkTrialStarted: () => ({ stage: 'WORK_TRIAL' }),
  WageSubsidyStarted: () => ({ stage: 'WAGE_SUBSIDY' }),
  PathPaused: () => ({ status: 'PAUSED' }),
  PathResumed: () => ({ status: 'ACTIVE' }),
  CoachReassigned: (event) => ({ coach_id: text(dataOf(event), 'toCoachId') }),
  PathExited: (event) => {
    const data = dataOf(event);
    return { status: 'EXITED', exited_on: text(data, 'exitedOn'), outcome: text(data, 'outcome'), goal_attained: flag(data, 'goalAttained') };
  },
  // Mirrors evolve: a reopened path plans its services again from intake.
  PathReopened: () => ({ status: 'ACTIVE', stage: 'INTAKE', exited_on: null, outcome: null, goal_attained: null }),
};

/** One row per service path: who, where, which coach, status and stage — the staff list view. */
export const pathSummaryProjection: Projection = {
  name: 'path-summaries',
  tables: ['path_summaries'],
  async apply(client, event) {
    if (event.type === 'PathStarted') return started(client, event);
    const change = CHANGES[event.type];
    if (change) await updatePathRow(client, 'path_summaries', event, { ...change(event), updated_at: occurredAt(event) });
  },
};

async function started(client: PoolClient, event: RecordedEvent): Promise<void> {
  const data = dataOf(event);
  // The first version wins: a redelivered PathStarted meets the existing row and does nothing.
  await client.query(
    `INSERT INTO path_summaries (path_id, client_reference, employment_area, municipality, coach_id, status, stage, registered_on, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'ACTIVE', 'INTAKE', $6, $7, $8) ON CONFLICT (path_id) DO NOTHING`,
    [event.streamId, text(data, 'clientReference'), text(data, 'employmentArea'), text(data, 'municipality'), text(data, 'coachId'), text(data, 'registeredOn'), event.streamVersion, occurredAt(event)],
  );
}
