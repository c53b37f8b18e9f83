import { randomUUID } from 'node:crypto';
import { kafkaFor, loadConfig, type KafkaPrincipal } from '@polku/config';
import { applyPathCommandUpdate, pathWorkflowId, Topics } from '@polku/contracts';
import { addDays, helsinkiDateOf, type PathCommand } from '@polku/domain';
import { createKafka } from '@polku/kafka';
import { eventually } from '@polku/testing';
import { connectTemporalClient } from '@polku/temporal';
import type { Client } from '@temporalio/client';
import type { Consumer } from 'kafkajs';
import { devToken, startPath } from '../support/staff-api';

const config = loadConfig();

interface Received {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly raw: string;
}

/** Reads one audience topic as that audience's own principal, collecting one path's messages. */
async function listen(principal: Extract<KafkaPrincipal, 'municipal' | 'wellbeing'>, topic: string, into: Map<string, Received[]>): Promise<Consumer> {
  const consumer = createKafka(kafkaFor(config, principal)).consumer({ groupId: `polku-${principal}-consumer-e2e-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key?.toString() ?? '';
      const raw = message.value?.toString() ?? '';
      if (!raw.startsWith('{"specversion"')) return; // other tests' raw test records
      const event = JSON.parse(raw) as { type: string; data: Record<string, unknown> };
      into.set(key, [...(into.get(key) ?? []), { type: event.type.replace(/^fi\.polku\.servicepath\.(\w+)\.v1$/, '$1'), data: event.data, raw }]);
    },
  });
  await eventually(async () => ((await consumer.describeGroup()).state === 'Stable' ? true : undefined), { what: `the ${principal} consumer group` });
  return consumer;
}

/**
 * The audience rules on the real topics, read by the agencies' own principals. Each path's
 * messages share a partition and arrive in order, so a later message proves an earlier one
 * was not sent.
 */
describe('audience topics carry only what each agency may see', () => {
  let temporal: Client;
  // Collected by path id: the API assigns the id, and the first message may arrive before it answers.
  const municipalByPath = new Map<string, Received[]>();
  const wellbeingByPath = new Map<string, Received[]>();
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    temporal = await connectTemporalClient(config.temporal);
    consumers.push(await listen('municipal', Topics.municipal, municipalByPath));
    consumers.push(await listen('wellbeing', Topics.wellbeing, wellbeingByPath));
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    await temporal?.connection.close();
  });

  it('keeps health data off the municipal topic and shares with the wellbeing county only while consent is in force', async () => {
    const token = await devToken({ userId: 'coach-e2e', role: 'coach', employmentArea: 'Päijät-Häme' });
    const { pathId } = await startPath(token, { municipality: 'Lahti', coachId: 'coach-e2e' });
    const municipal = (): Received[] => municipalByPath.get(pathId) ?? [];
    const wellbeing = (): Received[] => wellbeingByPath.get(pathId) ?? [];
    const today = helsinkiDateOf(new Date().toISOString());
    const consent = { audience: 'WELLBEING_COUNTY' as const, scope: 'work-ability referral', givenOn: today, expiresOn: addDays(today, 365) };
    const send = (type: PathCommand['type'], data: object) =>
      temporal.workflow.getHandle(pathWorkflowId(pathId)).executeUpdate(applyPathCommandUpdate, {
        args: [{ type, data, metadata: { occurredAt: new Date().toISOString(), actor: { userId: 'coach-e2e', role: 'coach' } } } as PathCommand],
      });

    await send('HoldInitialInterview', { heldOn: today, serviceNeed: 'work-ability questions', employmentPlan: { applicationsPerMonth: 2, goals: [] } });
    await send('StartAssessment', { startedOn: today });
    await send('RecordConsent', { consent });
    await send('ReferToWellbeingService', { referralId: 'ref-1', service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'CONSENT', referredOn: today, workCapacityLimitation: true });
    await send('PausePath', { reason: 'SICK_LEAVE' });
    await send('ResumePath', {});
    await send('WithdrawConsent', { audience: 'WELLBEING_COUNTY' });
    await send('ExitPath', { outcome: 'REHABILITATION', exitedOn: today });
    await send('RecordConsent', { consent }); // a marker: it reaches the county after everything before it

    await eventually(async () => (wellbeing().length >= 4 && municipal().some((m) => m.type === 'PathExited') ? true : undefined), { timeoutMs: 60_000, what: 'both topics' });

    expect(municipal().map((m) => m.type)).toEqual(['PathStarted', 'InitialInterviewHeld', 'AssessmentStarted', 'PathPaused', 'PathResumed', 'PathExited']);
    expect(municipal().find((m) => m.type === 'PathPaused')?.data).not.toHaveProperty('reason');
    expect(municipal().find((m) => m.type === 'PathExited')?.data).toMatchObject({ outcomeCategory: 'LONG_TERM_SOLUTION' });
    for (const message of municipal()) expect(message.raw).not.toMatch(/workCapacityLimitation|SICK_LEAVE|WORK_ABILITY|REHABILITATION"/);

    // Nothing before the consent, the referral with its work-capacity summary while it holds,
    // the withdrawal itself, and nothing after it (the exit) until consent is given again.
    expect(wellbeing().map((m) => m.type)).toEqual(['ConsentRecorded', 'ClientReferredToWellbeingService', 'ConsentWithdrawn', 'ConsentRecorded']);
    expect(wellbeing()[1]?.data).toMatchObject({ referralId: 'ref-1', service: 'WORK_ABILITY_ASSESSMENT', workCapacityLimitation: true });

    for (const message of [...municipal(), ...wellbeing()]) expect(message.raw).not.toMatch(/(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])/);
    await temporal.workflow.getHandle(pathWorkflowId(pathId)).terminate('e2e done');
  });
});
