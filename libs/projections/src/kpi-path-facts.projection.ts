import type { RuleId, ScheduledItem } from '@polku/domain';
import type { PoolClient } from 'pg';
import { type Columns, KeepFirst, updatePathRow } from './path-row';
import type { ProjectedEvent, Projection } from './projection-contract';

const TABLE = 'kpi_path_facts';

/** The item whose due date defines an on-time initial interview (DOMAIN.md "Outcome KPIs"). */
const INTERVIEW_RULE: RuleId = 'INIT-INTERVIEW';

/** Column changes per event; the KPI views (kpi_monthly, …) aggregate these facts. */
function changeOf(event: ProjectedEvent): Columns | undefined {
  switch (event.type) {
    case 'DeadlinesScheduled':
      return interviewDue(event.data.items);
    // A pause moves the interview deadline later: on time is measured against the moved date.
    case 'PathResumed':
      return interviewDue(event.data.rescheduled);
    case 'InitialInterviewHeld':
      return { interview_held_on: new KeepFirst(event.data.heldOn), ...(event.data.employmentPlan ? { plan_recorded_on: new KeepFirst(event.data.heldOn) } : {}) };
    // Days to plan count to the first plan; later revisions do not move it.
    case 'EmploymentPlanRecorded':
      return { plan_recorded_on: new KeepFirst(event.data.recordedOn) };
    case 'PathExited':
      return { exited_on: event.data.exitedOn, outcome: event.data.outcome, goal_attained: event.data.goalAttained };
    // The KPIs count a path's latest exit: a reopening takes the earlier one (and its follow-ups) back.
    case 'PathReopened':
      return { exited_on: null, outcome: null, goal_attained: null, follow_up_3: null, follow_up_6: null };
    // The KPIs are the 3- and 6-month follow-ups of DOMAIN.md (a column each); other rounds are not counted.
    case 'FollowUpRecorded':
      return event.data.months === 3 || event.data.months === 6 ? { [`follow_up_${event.data.months}`]: event.data.inWorkOrStudy } : undefined;
    default:
      return undefined;
  }
}

/** One row of KPI facts per path: registration, interview, plan, exit and follow-up dates. */
export const kpiPathFactsProjection: Projection = {
  name: 'kpi-path-facts',
  tables: [TABLE],
  async apply(client, event) {
    if (event.type === 'PathStarted') return started(client, event);
    const change = changeOf(event);
    if (change) await updatePathRow(client, TABLE, event, change);
  },
};

async function started(client: PoolClient, event: Extract<ProjectedEvent, { type: 'PathStarted' }>): Promise<void> {
  const { data } = event;
  await client.query(
    `INSERT INTO kpi_path_facts (path_id, employment_area, municipality, registered_on, version)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (path_id) DO NOTHING`,
    [event.streamId, data.employmentArea, data.municipality, data.registeredOn, event.streamVersion],
  );
}

function interviewDue(items: readonly ScheduledItem[]): Columns | undefined {
  const deadline = items.find((item) => item.rule === INTERVIEW_RULE && item.kind === 'DEADLINE');
  return deadline ? { interview_due_on: deadline.dueOn } : undefined;
}
