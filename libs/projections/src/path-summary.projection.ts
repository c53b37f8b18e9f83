import { WELLBEING_SHARING_EVENTS, wellbeingSharingWindow, type PathEventType } from '@polku/domain';
import { foldPath, type RecordedEvent } from '@polku/event-store';
import type { PoolClient } from 'pg';
import { dataOf, flag, occurredAt, ProjectionDataError, text, updatePathRow, type Projection } from './projection';

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
    const sharing = WELLBEING_SHARING_EVENTS.includes(event.type as PathEventType) ? await sharingWindowAfter(client, event) : undefined;
    if (change || sharing) await updatePathRow(client, 'path_summaries', event, { ...change?.(event), ...sharing, updated_at: occurredAt(event) });
  },
};

/**
 * The domain's sharing window as it stands after the event, folded from the stream: wellbeing
 * staff's lists and notifications filter on it, so they agree with the path page and Kafka.
 */
async function sharingWindowAfter(client: PoolClient, event: RecordedEvent): Promise<Record<string, string | null>> {
  const { state } = await foldPath(client, event.streamId, { to: event.streamVersion }).catch((error: unknown) => {
    // A stream whose events the domain cannot fold (junk data) is parked, never thrown.
    throw error instanceof Error && !('code' in error) ? new ProjectionDataError(`the stream does not fold: ${error.name}`) : error;
  });
  const window = wellbeingSharingWindow(state);
  return { wellbeing_shared_from: window?.from ?? null, wellbeing_shared_until: window?.until ?? null };
}

async function started(client: PoolClient, event: RecordedEvent): Promise<void> {
  const data = dataOf(event);
  // The first version wins: a redelivered PathStarted meets the existing row and does nothing.
  const sharing = await sharingWindowAfter(client, event);
  await client.query(
    `INSERT INTO path_summaries (path_id, client_reference, employment_area, municipality, coach_id, status, stage, registered_on, version, updated_at, wellbeing_shared_from, wellbeing_shared_until)
     VALUES ($1, $2, $3, $4, $5, 'ACTIVE', 'INTAKE', $6, $7, $8, $9, $10) ON CONFLICT (path_id) DO NOTHING`,
    [event.streamId, text(data, 'clientReference'), text(data, 'employmentArea'), text(data, 'municipality'), text(data, 'coachId'), text(data, 'registeredOn'), event.streamVersion, occurredAt(event), sharing['wellbeing_shared_from'], sharing['wellbeing_shared_until']],
  );
}
