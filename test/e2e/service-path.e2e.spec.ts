import { loadConfig } from '@polku/config';
import { applyPathCommandUpdate, getPathStateQuery, PATH_TASK_QUEUE, pathWorkflowId, SERVICE_PATH_WORKFLOW, type ServicePathWorkflow } from '@polku/contracts';
import { FI_POLICY_VERSIONS, helsinkiDateOf, type PathCommand, type PolicyVersion } from '@polku/domain';
import { eventually } from '@polku/testing';
import { connectTemporalClient } from '@polku/temporal';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { Pool } from 'pg';
import { bringBack, pidOf } from '../support/local-system';

const config = loadConfig();

/** The 2026 policy with the initial-interview rule shortened to seconds, for a real-time drill. */
const DRILL: PolicyVersion = {
  ...(FI_POLICY_VERSIONS[1] as PolicyVersion),
  id: 'DRILL-1',
  validFrom: '2000-01-01',
  rules: {
    ...(FI_POLICY_VERSIONS[1] as PolicyVersion).rules,
    'INIT-INTERVIEW': { deadline: { after: { seconds: 6 } }, onDeadline: 'MISSED', reminders: [{ seconds: -3 }], escalation: { from: 'DEADLINE', offset: { seconds: 2 }, to: 'TEAM_LEAD' } },
  },
};
const FIRINGS = ['ReminderIssued', 'DeadlineMissed', 'EscalationRaised'];

function cmd<T extends PathCommand['type']>(type: T, data: Extract<PathCommand, { type: T }>['data']): PathCommand {
  return { type, data, metadata: { occurredAt: new Date().toISOString(), actor: { userId: 'coach-e2e', role: 'coach' } } } as PathCommand;
}

const today = (): string => helsinkiDateOf(new Date().toISOString());
const id = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`.padEnd(16, '0');

describe('service path on the real Temporal dev server, PostgreSQL and worker', () => {
  let pool: Pool;
  let temporal: Client;

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    temporal = await connectTemporalClient(config.temporal);
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await pool?.end();
  });

  async function startPath(pathId: string): Promise<WorkflowHandle> {
    const handle = await temporal.workflow.start<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, { taskQueue: PATH_TASK_QUEUE, workflowId: pathWorkflowId(pathId), args: [{ pathId, catalogue: [DRILL] }] });
    await handle.executeUpdate(applyPathCommandUpdate, {
      args: [cmd('StartPath', { pathId, clientReference: `cref_${id()}`, employmentArea: 'Päijät-Häme', municipality: 'Lahti', referralSource: 'KELA', registeredOn: today(), coachId: 'coach-e2e', consents: [] })],
    });
    return handle;
  }

  const storedTypes = async (pathId: string): Promise<string[]> =>
    (await pool.query('SELECT event_type FROM events WHERE stream_id = $1 ORDER BY stream_version', [pathId])).rows.map((row) => row.event_type);

  const firedOnce = (pathId: string) =>
    eventually(async () => {
      const types = await storedTypes(pathId);
      return FIRINGS.every((type) => types.includes(type)) ? types : undefined;
    }, { timeoutMs: 60_000, what: `the drill's reminder, deadline and escalation of ${pathId}` });

  it('runs a path through every stage, with its drill deadlines firing and staff notified', async () => {
    const pathId = `e2e-${id()}`;
    const handle = await startPath(pathId);
    await firedOnce(pathId);
    const on = today();
    for (const command of [
      cmd('HoldInitialInterview', { heldOn: on, serviceNeed: 'work trial', employmentPlan: { applicationsPerMonth: 3, goals: ['logistics'] } }),
      cmd('StartAssessment', { startedOn: on }),
      cmd('RecordAssessment', { recordedOn: on, strengths: ['punctual'], ownGoals: ['forklift'], recommendedNextService: 'WORK_TRIAL' }),
      cmd('StartWorkTrial', { trialId: 'wt-1', organiser: { name: 'Lahden kaupunki', businessId: '0112038-9', kind: 'MUNICIPALITY', isCurrentEmployer: false }, tasks: 'stock', goal: 'skills', startOn: on, plannedEndOn: on, daysPerWeek: 5, hoursPerDay: 6, agreementReference: 'TK-1', guide: 'lead' }),
      cmd('EndWorkTrial', { endedOn: on, result: 'COMPLETED', organiserFeedback: 'good' }),
      cmd('StartWageSubsidy', { subsidyId: 'ws-1', employerBusinessId: '0737546-2', employerKind: 'COMPANY', rate: 50, workingTimePercent: 100, startOn: on, endOn: on }),
      cmd('EndWageSubsidy', { endedOn: on }),
      cmd('ExitPath', { outcome: 'EMPLOYED_SUBSIDISED', exitedOn: on }),
    ]) {
      await handle.executeUpdate(applyPathCommandUpdate, { args: [command] });
    }
    expect(await handle.query(getPathStateQuery)).toMatchObject({ status: 'EXITED', outcome: 'EMPLOYED_SUBSIDISED' });
    const types = await storedTypes(pathId);
    expect(types.filter((type) => !['DeadlinesScheduled', 'ScheduledItemsCancelled'].includes(type))).toEqual([
      'PathStarted', 'ReminderIssued', 'DeadlineMissed', 'EscalationRaised', 'InitialInterviewHeld', 'AssessmentStarted', 'AssessmentRecorded',
      'WorkTrialStarted', 'WorkTrialEnded', 'WageSubsidyStarted', 'WageSubsidyEnded', 'PathExited',
    ]);
    const { rows } = await pool.query('SELECT recipient, recipient_user_id, kind FROM notifications WHERE path_id = $1 ORDER BY due_at', [pathId]);
    expect(rows).toEqual([
      { recipient: 'COACH', recipient_user_id: 'coach-e2e', kind: 'REMINDER' },
      { recipient: 'COACH', recipient_user_id: 'coach-e2e', kind: 'DEADLINE' },
      { recipient: 'TEAM_LEAD', recipient_user_id: null, kind: 'ESCALATION' },
    ]);
    await handle.terminate('e2e done');
  });

  it('loses nothing and fires nothing twice when the worker is killed with SIGKILL mid-path', async () => {
    const pathId = `e2e-kill-${id()}`;
    const handle = await startPath(pathId);
    const workerPid = pidOf('worker');
    process.kill(workerPid, 'SIGKILL');
    // npm start brings back exactly what is missing: here, the worker.
    bringBack();

    await firedOnce(pathId);
    await eventually(async () => (Object.keys(((await handle.query(getPathStateQuery)) as { schedule: object }).schedule).length === 0 ? true : undefined), { what: 'an empty schedule' });
    const types = await storedTypes(pathId);
    expect(types.filter((type) => FIRINGS.includes(type)).sort()).toEqual([...FIRINGS].sort());
    const { rows } = await pool.query('SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version', [pathId]);
    expect(rows.map((row) => row.stream_version)).toEqual(rows.map((_, index) => index + 1));
    await handle.terminate('e2e done');
  });
});
