import { WELLBEING_SHARING_EVENTS, wellbeingSharingWindow, type Stage } from '@polku/domain';
import { foldPath } from '@polku/event-store';
import type { PoolClient } from 'pg';
import { type Columns, updatePathRow } from './path-row';
import { occurredAt, ProjectionDataError, type ProjectedEvent, type Projection } from './projection-contract';

const stage = (value: Stage): Columns => ({ stage: value });

/** Column changes each event makes to its path's summary; undefined: it changes nothing. */
function changeOf(event: ProjectedEvent): Columns | undefined {
  switch (event.type) {
    case 'InitialInterviewHeld':
      return { interview_held_on: event.data.heldOn };
    case 'AssessmentStarted':
      return stage('ASSESSMENT');
    case 'WorkTrialStarted':
      return stage('WORK_TRIAL');
    case 'WageSubsidyStarted':
      return stage('WAGE_SUBSIDY');
    case 'PathPaused':
      return { status: 'PAUSED' };
    case 'PathResumed':
      return { status: 'ACTIVE' };
    case 'CoachReassigned':
      return { coach_id: event.data.toCoachId };
    case 'PathExited':
      return { status: 'EXITED', exited_on: event.data.exitedOn, outcome: event.data.outcome, goal_attained: event.data.goalAttained };
    case 'PathReopened':
      // Mirrors evolve: a reopened path plans its services again from intake.
      return { status: 'ACTIVE', ...stage('INTAKE'), exited_on: null, outcome: null, goal_attained: null };
    default:
      return undefined;
  }
}

/** One row per service path: who, where, which coach, status and stage — the staff list view. */
export const pathSummaryProjection: Projection = {
  name: 'path-summaries',
  tables: ['path_summaries'],
  async apply(client, event) {
    if (event.type === 'PathStarted') return started(client, event);
    const change = changeOf(event);
    const sharing = WELLBEING_SHARING_EVENTS.includes(event.type) ? await sharingWindowAfter(client, event) : undefined;
    if (change || sharing) await updatePathRow(client, 'path_summaries', event, { ...change, ...sharing, updated_at: occurredAt(event) });
  },
};

/**
 * The domain's sharing window as it stands after the event, folded from the stream: wellbeing
 * staff's lists and notifications filter on it, so they agree with the path page and Kafka.
 */
async function sharingWindowAfter(client: PoolClient, event: ProjectedEvent): Promise<Columns> {
  const { state } = await foldPath(client, event.streamId, { to: event.streamVersion }).catch((error: unknown) => {
    // A stream whose events the domain cannot fold (junk data) is parked, never thrown.
    throw error instanceof Error && !('code' in error) ? new ProjectionDataError(`the stream does not fold: ${error.name}`) : error;
  });
  const window = wellbeingSharingWindow(state);
  return { wellbeing_shared_from: window?.from ?? null, wellbeing_shared_until: window?.until ?? null };
}

async function started(client: PoolClient, event: Extract<ProjectedEvent, { type: 'PathStarted' }>): Promise<void> {
  const { data } = event;
  // The first version wins: a redelivered PathStarted meets the existing row and does nothing.
  const sharing = await sharingWindowAfter(client, event);
  await client.query(
    `INSERT INTO path_summaries (path_id, client_reference, employment_area, municipality, coach_id, status, stage, registered_on, version, updated_at, wellbeing_shared_from, wellbeing_shared_until)
     VALUES ($1, $2, $3, $4, $5, 'ACTIVE', 'INTAKE', $6, $7, $8, $9, $10) ON CONFLICT (path_id) DO NOTHING`,
    [event.streamId, data.clientReference, data.employmentArea, data.municipality, data.coachId, data.registeredOn, event.streamVersion, occurredAt(event), sharing['wellbeing_shared_from'], sharing['wellbeing_shared_until']],
  );
}
