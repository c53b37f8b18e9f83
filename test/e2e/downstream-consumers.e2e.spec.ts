import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { applyPathCommandUpdate, pathWorkflowId } from '@polku/contracts';
import { helsinkiDateOf, type PathCommand } from '@polku/domain';
import { eventually } from '@polku/testing';
import { Client, Connection } from '@temporalio/client';
import { devToken, startPath as startPathThroughApi } from '../support/staff-api';

const config = loadConfig();
const municipal = `http://${config.api.host}:${config.municipalConsumer.port}`;
const wellbeing = `http://${config.api.host}:${config.wellbeingConsumer.port}`;

const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
};

function cmd<T extends PathCommand['type']>(type: T, data: Extract<PathCommand, { type: T }>['data']): PathCommand {
  return { type, data, metadata: { occurredAt: new Date().toISOString(), actor: { userId: 'coach-e2e', role: 'coach' } } } as PathCommand;
}

async function startPath(employmentArea: string): Promise<string> {
  const token = await devToken({ userId: 'coach-e2e', role: 'coach', employmentArea });
  return (await startPathThroughApi(token, { municipality: 'Hattula', coachId: 'coach-e2e' })).pathId;
}

/** API → workflow → event store → relay → Kafka → each downstream consumer's read model. */
describe('downstream consumers end to end', () => {
  let temporal: Client;

  beforeAll(async () => {
    temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }) });
  });

  afterAll(() => temporal?.connection.close());

  it('shows a path started on the API in INTAKE on the municipal read endpoint', async () => {
    // An area of this test's own, so the counts are only this path's.
    const area = `E2E-alue ${randomUUID()}`;
    await startPath(area);
    const url = `${municipal}/read/active-paths-by-stage?area=${encodeURIComponent(area)}`;
    const counts = await eventually(async () => {
      const body = await getJson<{ stages: Record<string, number> }>(url);
      return body.stages['INTAKE'] === 1 ? body : undefined;
    }, { timeoutMs: 30_000, what: 'the path in INTAKE on the municipal consumer' });
    expect(counts).toEqual({ area, stages: { INTAKE: 1, ASSESSMENT: 0, WORK_TRIAL: 0, WAGE_SUBSIDY: 0 } });
  });

  it('shows a multisectoral-support referral on the wellbeing open-referrals endpoint', async () => {
    const pathId = await startPath('Hämeenlinnan seudun työllisyysalue');
    const handle = temporal.workflow.getHandle(pathWorkflowId(pathId));
    const on = helsinkiDateOf(new Date().toISOString());
    const referralId = `ref-${randomUUID()}`;
    for (const command of [
      cmd('HoldInitialInterview', { heldOn: on, serviceNeed: 'assessment', employmentPlan: { applicationsPerMonth: 3, goals: ['work ability'] } }),
      cmd('StartAssessment', { startedOn: on }),
      cmd('ReferToWellbeingService', { referralId, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: on, workCapacityLimitation: true }),
    ]) {
      await handle.executeUpdate(applyPathCommandUpdate, { args: [command] });
    }
    const referral = await eventually(async () => {
      const { referrals } = await getJson<{ referrals: { referralId: string }[] }>(`${wellbeing}/read/open-referrals`);
      return referrals.find((row) => row.referralId === referralId);
    }, { timeoutMs: 30_000, what: `referral ${referralId} on the wellbeing consumer` });
    expect(referral).toEqual({ referralId, pathId, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: on, workCapacityLimitation: true });
    await handle.terminate('e2e done');
  });
});
