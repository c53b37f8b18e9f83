import type { StoredEvent } from '@polku/contracts';
import { addDays, addMonths, helsinkiDateOf, type ScheduledItem } from '@polku/domain';
import { temporalDataConverter } from '@polku/temporal';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { command, ORGANISER, startPath } from './testing/path-commands';
import { type PathHarness, recordedHistories, timeSkippingSuite, withPath } from './testing/path-harness';

const DAY = 24 * 60 * 60 * 1000;
const FIRING = new Set(['ReminderIssued', 'DeadlineMissed', 'EscalationRaised', 'ConsentExpired']);

function today(ms: number): string {
  return helsinkiDateOf(new Date(ms).toISOString());
}

function firings(events: readonly StoredEvent[]): { event: StoredEvent; item: ScheduledItem }[] {
  return events.filter((event) => FIRING.has(event.type)).map((event) => ({ event, item: (event.data as { item: ScheduledItem }).item }));
}

function scheduledIds(events: readonly StoredEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'DeadlinesScheduled' ? event.data.items.map((item) => item.id) : []));
}

function cancelledIds(events: readonly StoredEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'ScheduledItemsCancelled' ? [...event.data.itemIds] : []));
}

/**
 * A durable timer is a duration from when the workflow task is recorded, so it fires at the due
 * instant plus that task's latency (milliseconds): never early, never a second late.
 */
function expectFiredAt(firedAt: string, dueAt: number): void {
  const lateness = Date.parse(firedAt) - dueAt;
  expect(lateness).toBeGreaterThanOrEqual(0);
  expect(lateness).toBeLessThan(1_000);
}

/** Does what a coach does on a given day: the command's dates are that day in Helsinki. */
async function act(path: PathHarness, type: Parameters<typeof command>[0], data: (on: string) => object): Promise<void> {
  const now = await path.now();
  await path.send(command(type, data(today(now)) as never, now));
}

describe('servicePathWorkflow on the time-skipping server', () => {
  const suite = timeSkippingSuite();

  it('runs intake → assessment → work trial → wage subsidy → exit → both follow-ups; every item fires once, at its instant', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'full-path' }, async (path) => {
      const start = await path.now();
      const registeredOn = today(start);
      await path.send(startPath('full-path', registeredOn, start, [{ audience: 'WELLBEING_COUNTY', scope: 'work-ability referral', givenOn: registeredOn, expiresOn: addDays(registeredOn, 400) }]));
      await suite.env.sleep(20 * DAY); // the interview is late: its reminders, deadline and escalation fire
      await act(path, 'HoldInitialInterview', (on) => ({ heldOn: on, serviceNeed: 'work trial towards logistics', employmentPlan: { applicationsPerMonth: 4, goals: ['warehouse work'] } }));
      await act(path, 'StartAssessment', (on) => ({ startedOn: on }));
      await suite.env.sleep(5 * DAY);
      await act(path, 'RecordAssessment', (on) => ({ recordedOn: on, strengths: ['reliable'], ownGoals: ['forklift licence'], recommendedNextService: 'WORK_TRIAL' }));
      await act(path, 'StartWorkTrial', (on) => ({ trialId: 'wt-1', organiser: ORGANISER, tasks: 'warehouse', goal: 'skills', startOn: on, plannedEndOn: addMonths(on, 3), daysPerWeek: 4, hoursPerDay: 6, agreementReference: 'TK-2026-1', guide: 'supervisor' }));
      await suite.env.sleep(50 * DAY); // midpoint check-in missed; job-search discussion reminders run
      await act(path, 'HoldJobSearchDiscussion', (on) => ({ heldOn: on }));
      await suite.env.sleep(45 * DAY);
      await act(path, 'EndWorkTrial', (on) => ({ endedOn: on, result: 'COMPLETED', organiserFeedback: 'good' }));
      await act(path, 'StartWageSubsidy', (on) => ({ subsidyId: 'ws-1', employerBusinessId: '0737546-2', employerKind: 'COMPANY', rate: 50, workingTimePercent: 100, startOn: on, endOn: addMonths(on, 5) }));
      await suite.env.sleep(160 * DAY); // renewal reminder, escalation and the period end fire
      await act(path, 'EndWageSubsidy', (on) => ({ endedOn: on }));
      await act(path, 'ExitPath', (on) => ({ outcome: 'EMPLOYED_OPEN_MARKET', exitedOn: on }));
      await suite.env.sleep(95 * DAY);
      await act(path, 'RecordFollowUp', (on) => ({ months: 3, inWorkOrStudy: true, recordedOn: on }));
      await suite.env.sleep(110 * DAY); // the 6-month follow-up is due and its answer goes missing
      await act(path, 'RecordFollowUp', (on) => ({ months: 6, inWorkOrStudy: false, recordedOn: on }));

      const final = await path.handle.result(); // closes after 30 quiet days
      expect(final).toMatchObject({ status: 'EXITED', outcome: 'EMPLOYED_OPEN_MARKET', followUps: { 3: true, 6: false } });
      expect((await path.now()) - start).toBeGreaterThan(450 * DAY);

      const { events, appends, notifications } = path.activities;
      const fired = firings(events);
      // Exactly once, at the due instant, and every item either fired or was cancelled.
      expect(new Set(fired.map((f) => f.item.id)).size).toBe(fired.length);
      for (const { event, item } of fired) expectFiredAt(event.metadata.occurredAt, Date.parse(item.dueAt));
      expect(new Set([...fired.map((f) => f.item.id), ...cancelledIds(events)])).toEqual(new Set(scheduledIds(events)));
      expect(fired.map((f) => f.item.id)).toEqual(
        expect.arrayContaining([
          'INIT-INTERVIEW:path:REMINDER-1',
          'INIT-INTERVIEW:path:REMINDER-2',
          'INIT-INTERVIEW:path:DEADLINE',
          'INIT-INTERVIEW:path:ESCALATION',
          'WORK-TRIAL-MID:wt-1:DEADLINE',
          'WAGE-SUBSIDY-END:ws-1:REMINDER-1',
          'WAGE-SUBSIDY-END:ws-1:ESCALATION',
          'FOLLOW-UP:follow-up-3:REMINDER-1',
          'FOLLOW-UP:follow-up-6:ESCALATION',
          `CONSENT-EXPIRY:WELLBEING_COUNTY@${addDays(registeredOn, 400)}:DEADLINE`,
        ]),
      );
      expect(fired.map((f) => f.item.id)).not.toContain('ASSESSMENT-DONE:path:DEADLINE');
      // One append per decision, versions contiguous; one notification per firing, to its recipient.
      expect(appends.map((a) => a.expectedVersion)).toEqual(appends.map((_, i) => appends.slice(0, i).reduce((n, a) => n + a.events.length, 0)));
      expect(notifications.map((n) => n.notificationId)).toEqual(fired.map((f) => f.event.eventId));
      expect(notifications.find((n) => n.rule === 'INIT-INTERVIEW' && n.kind === 'ESCALATION')).toMatchObject({ recipient: 'TEAM_LEAD', pathId: 'full-path' });
      expect(notifications.find((n) => n.rule === 'INIT-INTERVIEW' && n.kind === 'REMINDER')).toMatchObject({ recipient: 'COACH', recipientUserId: 'coach-17' });
    });
  });

  it('rejects an invalid Update with its domain code before anything is appended', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'rejected' }, async (path) => {
      const now = await path.now();
      await path.send(startPath('rejected', today(now), now));
      const appendsBefore = path.activities.appends.length;
      const attempt = path.send(command('StartWorkTrial', { trialId: 'wt', organiser: ORGANISER, tasks: 't', goal: 'g', startOn: today(now), plannedEndOn: today(now), daysPerWeek: 3, hoursPerDay: 6, agreementReference: 'a', guide: 'g' }, now));
      await expect(attempt).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(attempt).rejects.toMatchObject({ cause: { type: 'PATH.INVALID_TRANSITION', details: [{ from: 'INTAKE', to: 'StartWorkTrial' }] } });
      expect(path.activities.appends).toHaveLength(appendsBefore);
      const history = await path.handle.fetchHistory();
      const updates = history.events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(updates).toHaveLength(1); // only StartPath entered history
      await path.handle.terminate('test done');
    });
  });

  it('cancels a stage’s pending items when the path leaves the stage: nothing of them ever fires', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'leave-stage' }, async (path) => {
      const now = await path.now();
      await path.send(startPath('leave-stage', today(now), now));
      await act(path, 'HoldInitialInterview', (on) => ({ heldOn: on, serviceNeed: 'x', employmentPlan: { applicationsPerMonth: 2, goals: [] } }));
      await act(path, 'StartAssessment', (on) => ({ startedOn: on }));
      await act(path, 'RecordAssessment', (on) => ({ recordedOn: on, strengths: [], ownGoals: [], recommendedNextService: 'OPEN_MARKET_JOB' }));
      await suite.env.sleep(100 * DAY);
      const fired = firings(path.activities.events).map((f) => f.item.rule);
      expect(fired.filter((rule) => rule === 'ASSESSMENT-DONE' || rule === 'INIT-INTERVIEW')).toEqual([]);
      expect(fired).toContain('JOB-SEARCH-DISCUSSION');
      await path.handle.terminate('test done');
    });
  });

  it('freezes timers while paused and shifts them by the paused time on resume', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'pause' }, async (path) => {
      const now = await path.now();
      await path.send(startPath('pause', today(now), now));
      const started = await path.state();
      const planned = started.status === 'NONE' ? [] : Object.values(started.schedule);
      await path.send(command('PausePath', { reason: 'SICK_LEAVE' }, now));
      await suite.env.sleep(40 * DAY);
      expect(firings(path.activities.events)).toEqual([]);
      const resumedAt = await path.now();
      await path.send(command('ResumePath', {}, resumedAt));
      await suite.env.sleep(30 * DAY);
      const fired = firings(path.activities.events);
      expect(fired.map((f) => f.item.id).sort()).toEqual(planned.map((item) => item.id).sort());
      for (const { event, item } of fired) {
        const original = planned.find((p) => p.id === item.id);
        expectFiredAt(event.metadata.occurredAt, Date.parse(original?.dueAt ?? '') + (resumedAt - now));
      }
      await path.handle.terminate('test done');
    });
  });

  it('continues as new with its state and pending timers', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'can', continueAsNewAfter: 20 }, async (path) => {
      const now = await path.now();
      const firstRun = (await path.handle.describe()).runId;
      await path.send(startPath('can', today(now), now));
      for (let i = 0; i < 4; i += 1) await path.send(command('ReassignCoach', { coachId: `coach-${i}` }, now));
      await suite.env.sleep(DAY); // give the loop a turn to roll over
      const described = await path.handle.describe();
      expect(described.runId).not.toBe(firstRun);
      expect(await path.state()).toMatchObject({ status: 'ACTIVE', coachId: 'coach-3', version: 6 });
      await suite.env.sleep(30 * DAY);
      expect(firings(path.activities.events).map((f) => f.item.id)).toContain('INIT-INTERVIEW:path:ESCALATION');
      await path.handle.terminate('test done');
    });
  });

  it('replays every history these tests just produced with the current workflow code', async () => {
    expect(recordedHistories.size).toBeGreaterThanOrEqual(4);
    for (const [pathId, json] of recordedHistories) {
      await expect(Worker.runReplayHistory({ workflowBundle: suite.bundle, dataConverter: temporalDataConverter() }, JSON.parse(json), `path-${pathId}`)).resolves.toBeUndefined();
    }
  });
});
