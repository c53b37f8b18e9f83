import type { RecordedEvent } from '@polku/event-store';
import type { PoolClient } from 'pg';
import { dataOf, flag, KeepFirst, list, text, updatePathRow, type Projection } from './projection';

type Fields = Readonly<Record<string, unknown>>;
const TABLE = 'kpi_path_facts';

/** The item whose due date defines an on-time initial interview (DOMAIN.md "Outcome KPIs"). */
const INTERVIEW_RULE = 'INIT-INTERVIEW';

/** Column changes per event type; the KPI views (kpi_monthly, …) aggregate these facts. */
const CHANGES: Readonly<Record<string, (data: Fields) => Record<string, unknown> | undefined>> = {
  DeadlinesScheduled: (data) => interviewDue(list(data, 'items')),
  // A pause moves the interview deadline later: on time is measured against the moved date.
  PathResumed: (data) => interviewDue(list(data, 'rescheduled')),
  InitialInterviewHeld: (data) => ({
    interview_held_on: new KeepFirst(text(data, 'heldOn')),
    ...(data['employmentPlan'] ? { plan_recorded_on: new KeepFirst(text(data, 'heldOn')) } : {}),
  }),
  // Days to plan count to the first plan; later revisions do not move it.
  EmploymentPlanRecorded: (data) => ({ plan_recorded_on: new KeepFirst(text(data, 'recordedOn')) }),
  PathExited: (data) => ({ exited_on: text(data, 'exitedOn'), outcome: text(data, 'outcome'), goal_attained: flag(data, 'goalAttained') }),
  // The KPIs count a path's latest exit: a reopening takes the earlier one (and its follow-ups) back.
  PathReopened: () => ({ exited_on: null, outcome: null, goal_attained: null, follow_up_3: null, follow_up_6: null }),
  FollowUpRecorded: (data) => {
    const months = data['months'];
    if (months !== 3 && months !== 6) return undefined;
    return { [`follow_up_${months}`]: flag(data, 'inWorkOrStudy') };
  },
};

/** One row of KPI facts per path: registration, interview, plan, exit and follow-up dates. */
export const kpiPathFactsProjection: Projection = {
  name: 'kpi-path-facts',
  tables: [TABLE],
  async apply(client, event) {
    if (event.type === 'PathStarted') return started(client, event);
    const change = CHANGES[event.type]?.(dataOf(event));
    if (change) await updatePathRow(client, TABLE, event, change);
  },
};

async function started(client: PoolClient, event: RecordedEvent): Promise<void> {
  const data = dataOf(event);
  await client.query(
    `INSERT INTO kpi_path_facts (path_id, employment_area, municipality, registered_on, version)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (path_id) DO NOTHING`,
    [event.streamId, text(data, 'employmentArea'), text(data, 'municipality'), text(data, 'registeredOn'), event.streamVersion],
  );
}

function interviewDue(items: readonly unknown[]): Record<string, unknown> | undefined {
  const deadline = items.find((item): item is Fields => {
    const fields = item as Fields | null;
    return typeof fields === 'object' && fields !== null && fields['rule'] === INTERVIEW_RULE && fields['kind'] === 'DEADLINE';
  });
  return deadline ? { interview_due_on: text(deadline, 'dueOn') } : undefined;
}
