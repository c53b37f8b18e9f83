import { type RuleId, type ScheduledItem } from '@polku/domain';
import type { PoolClient } from 'pg';
import { addDays, changeVersion, daysUpTo, keepFirst, SqlChange, type VersionChange, type VersionedTable } from './fact-versions';
import type { ProjectedEvent, Projection } from './projection-contract';

const FACTS: VersionedTable = {
  table: 'kpi_fact_versions',
  columns: [
    'client_reference', 'employment_area', 'municipality', 'referral_source', 'age_band', 'registered_on', 'served', 'multisectoral_on',
    'interview_due_on', 'interview_held_on', 'plan_recorded_on', 'exited_on', 'outcome', 'goal_attained', 'follow_up_3', 'follow_up_6',
    'discussion_due_on', 'discussions_on_time', 'discussions_missed', 'shared_client',
  ],
};

/** The items whose due dates define on-time interviews and job-search discussions (DOMAIN.md "Outcome KPIs"). */
const INTERVIEW_RULE: RuleId = 'INIT-INTERVIEW';
const DISCUSSION_RULE: RuleId = 'JOB-SEARCH-DISCUSSION';
/** The reason the decider gives when a held discussion settles its deadline (intake.decision.ts). */
const DISCUSSION_HELD = 'job-search discussion held';

/** Column changes per event, typed by the event union. */
function changeOf(event: ProjectedEvent): VersionChange | undefined {
  switch (event.type) {
    case 'DeadlinesScheduled':
      return dueDates(event.data.items);
    // A pause moves the deadlines later: on time is measured against the moved dates.
    case 'PathResumed':
      return dueDates(event.data.rescheduled);
    case 'InitialInterviewHeld':
      return { interview_held_on: keepFirst(event.data.heldOn), ...(event.data.employmentPlan ? { plan_recorded_on: keepFirst(event.data.heldOn) } : {}) };
    // Days to plan count to the first plan; later revisions do not move it.
    case 'EmploymentPlanRecorded':
      return { plan_recorded_on: keepFirst(event.data.recordedOn) };
    case 'ClientReferredToWellbeingService': {
      const { service, legalBasis, referredOn } = event.data;
      return service === 'MULTISECTORAL_SCREENING' || legalBasis === 'MULTISECTORAL_SUPPORT' ? { multisectoral_on: addDays(referredOn, referredOn) } : undefined;
    }
    case 'ScheduledItemsCancelled':
      return event.data.reason === DISCUSSION_HELD && event.data.itemIds.some(isDiscussionDeadline) ? settled('discussions_on_time') : undefined;
    case 'DeadlineMissed':
      return isDiscussionDeadline(event.data.item.id) ? settled('discussions_missed') : undefined;
    case 'PathExited':
      return { exited_on: event.data.exitedOn, outcome: event.data.outcome, goal_attained: event.data.goalAttained, served: daysUpTo(event.data.exitedOn) };
    // The KPIs count a path's latest exit: a reopening takes the earlier one (and its follow-ups) back.
    case 'PathReopened':
      return { exited_on: null, outcome: null, goal_attained: null, follow_up_3: null, follow_up_6: null, served: addDays(event.data.reopenedOn, null) };
    // The KPIs are the 3- and 6-month follow-ups of DOMAIN.md (a column each); other rounds are not counted.
    case 'FollowUpRecorded':
      return event.data.months === 3 || event.data.months === 6 ? { [`follow_up_${event.data.months}`]: event.data.inWorkOrStudy } : undefined;
    default:
      return undefined;
  }
}

/**
 * The facts the KPIs of any period are counted from (apps/api kpis), one version per path and
 * recording instant: a KPI answer as of a past date reads the versions in force then.
 */
export const kpiPathFactsProjection: Projection = {
  name: 'kpi-fact-versions',
  tables: [FACTS.table],
  async apply(client, event) {
    if (event.type === 'PathStarted') return started(client, event);
    const change = changeOf(event);
    if (change) await changeVersion(client, FACTS, { path_id: event.streamId }, event, change);
  },
};

/**
 * A new path's first facts. When its client has another path, both are marked `shared_client`
 * from this instant on (the other one in a new version): only such clients can be counted twice
 * over a period, so only they need DISTINCT (apps/api kpi-period.query.ts).
 */
async function started(client: PoolClient, event: Extract<ProjectedEvent, { type: 'PathStarted' }>): Promise<void> {
  const { data } = event;
  const { rowCount } = await client.query(
    `INSERT INTO kpi_fact_versions (path_id, recorded_from, version, client_reference, employment_area, municipality, referral_source, age_band, registered_on, served, shared_client)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, datemultirange(daterange($9::date, NULL)),
             EXISTS (SELECT 1 FROM kpi_fact_versions o WHERE o.client_reference = $4 AND o.recorded_until IS NULL AND o.path_id <> $1))
     ON CONFLICT DO NOTHING`,
    [event.streamId, event.recordedAt, event.streamVersion, data.clientReference, data.employmentArea, data.municipality, data.referralSource, data.ageBand ?? null, data.registeredOn],
  );
  if (rowCount) await markShared(client, event.streamId, data.clientReference, event.recordedAt);
}

/** The client's other paths become shared from `at`: a new version each, their stream versions kept (no event of theirs). */
async function markShared(client: PoolClient, pathId: string, clientReference: string, at: string): Promise<void> {
  const others = `client_reference = $2 AND path_id <> $1 AND recorded_until IS NULL AND NOT shared_client`;
  const copied = FACTS.columns.map((column) => (column === 'shared_client' ? 'true' : column));
  await client.query(`UPDATE kpi_fact_versions SET shared_client = true WHERE ${others} AND recorded_from >= $3::timestamptz`, [pathId, clientReference, at]);
  await client.query(
    `WITH closed AS (UPDATE kpi_fact_versions SET recorded_until = $3::timestamptz WHERE ${others} AND recorded_from < $3::timestamptz RETURNING *)
     INSERT INTO kpi_fact_versions (path_id, recorded_from, recorded_until, version, ${FACTS.columns.join(', ')})
     SELECT path_id, $3::timestamptz, NULL, version, ${copied.join(', ')} FROM closed`,
    [pathId, clientReference, at],
  );
}

function dueDates(items: readonly ScheduledItem[]): VersionChange | undefined {
  const interview = items.find((item) => item.rule === INTERVIEW_RULE && item.kind === 'DEADLINE');
  const discussion = items.find((item) => item.rule === DISCUSSION_RULE && item.kind === 'DEADLINE');
  const change = { ...(interview ? { interview_due_on: interview.dueOn } : {}), ...(discussion ? { discussion_due_on: discussion.dueOn } : {}) };
  return Object.keys(change).length > 0 ? change : undefined;
}

const isDiscussionDeadline = (itemId: string) => itemId.startsWith(`${DISCUSSION_RULE}:`) && itemId.endsWith(':DEADLINE');

/** The pending discussion's due date moves to the list of those held on time, or of those missed. */
function settled(list: 'discussions_on_time' | 'discussions_missed'): VersionChange {
  return {
    [list]: new SqlChange((column) => `CASE WHEN discussion_due_on IS NULL THEN ${column} ELSE array_append(${column}, discussion_due_on) END`),
    discussion_due_on: null,
  };
}
