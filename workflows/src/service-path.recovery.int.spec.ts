import { appliedCommandsOf, PathFailureTypes, type StoredEvent } from '@polku/contracts';
import { evolve, helsinkiDateOf, initialPathState, type PathCommand, type PathEvent, type PathState } from '@polku/domain';
import { temporalDataConverter } from '@polku/temporal';
import { Worker } from '@temporalio/worker';
import { command, startPath } from './testing/path-commands';
import { type PathHarness, recordedHistories, timeSkippingSuite, withPath } from './testing/path-harness';

const DAY = 24 * 60 * 60 * 1000;

function today(ms: number): string {
  return helsinkiDateOf(new Date(ms).toISOString());
}

/** The command as the API sends it for a request with an Idempotency-Key. */
function keyed(sent: PathCommand, commandId: string): PathCommand {
  return { ...sent, metadata: { ...sent.metadata, commandId } } as PathCommand;
}

function ofType(events: readonly StoredEvent[], type: StoredEvent['type']): StoredEvent[] {
  return events.filter((event) => event.type === type);
}

function fold(events: readonly StoredEvent[]): PathState {
  return events.reduce<PathState>((state, event) => evolve(state, event), initialPathState);
}

/** Sleeps (workflow time) until a minute past the item's due instant. */
async function sleepPast(path: PathHarness, itemId: string): Promise<void> {
  const state = await path.state();
  const item = state.status === 'NONE' ? undefined : state.schedule[itemId];
  if (!item) throw new Error(`${itemId} is not scheduled`);
  await path.env.sleep(Date.parse(item.dueAt) - (await path.now()) + 60_000);
}

/** What another writer appends behind the workflow's back. */
function reassignedElsewhere(at: number): PathEvent {
  return { type: 'CoachReassigned', data: { fromCoachId: 'coach-17', toCoachId: 'coach-elsewhere' }, metadata: { occurredAt: new Date(at).toISOString(), actor: { userId: 'lead-1', role: 'coach' } } } as PathEvent;
}

async function started(path: PathHarness, pathId: string): Promise<number> {
  const now = await path.now();
  await path.send(startPath(pathId, today(now), now));
  return now;
}

describe('servicePathWorkflow: conflicts, refusals and repeated commands', () => {
  const suite = timeSkippingSuite();

  it('reloads a stale state after a version conflict and decides the command again, on its own', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'conflict-command' }, async (path) => {
      const now = await started(path, 'conflict-command');
      path.activities.appendBehind('conflict-command', [reassignedElsewhere(now)]);

      const answer = await path.send(command('PausePath', { reason: 'SICK_LEAVE' }, now));

      expect(answer).toMatchObject({ status: 'PAUSED', coachId: 'coach-elsewhere', version: 4 });
      expect(path.activities.loads).toHaveLength(1);
      expect(path.activities.appends.map((append) => append.expectedVersion)).toEqual([0, 3]);
      expect(fold(path.activities.stored('conflict-command'))).toEqual(await path.state());
      await expect(path.send(command('ResumePath', {}, now))).resolves.toMatchObject({ status: 'ACTIVE', version: 5 });
      await path.handle.terminate('test done');
    });
  });

  it('fires a due item after its append met a conflict, without failing the workflow', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'conflict-firing' }, async (path) => {
      const now = await started(path, 'conflict-firing');
      path.activities.appendBehind('conflict-firing', [reassignedElsewhere(now)]);

      await sleepPast(path, 'INIT-INTERVIEW:path:REMINDER-1');

      const reminders = ofType(path.activities.stored('conflict-firing'), 'ReminderIssued');
      expect(reminders.map((event) => (event.data as { item: { id: string } }).item.id)).toEqual(['INIT-INTERVIEW:path:REMINDER-1']);
      expect(path.activities.notifications).toEqual([expect.objectContaining({ notificationId: reminders[0]?.eventId, recipientUserId: 'coach-elsewhere' })]);
      expect((await path.handle.describe()).status.name).toBe('RUNNING');
      await path.handle.terminate('test done');
    });
  });

  it('answers a conflict no reload can mend with its stable code, and takes the next command', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'id-conflict' }, async (path) => {
      const now = await started(path, 'id-conflict');
      path.activities.refuseNextAppends(PathFailureTypes.eventIdConflict);

      const refused = path.send(command('PausePath', { reason: 'SICK_LEAVE' }, now));

      await expect(refused).rejects.toMatchObject({ cause: { type: 'EVENT_STORE.EVENT_ID_CONFLICT' } });
      expect(path.activities.appends).toHaveLength(1);
      await expect(path.send(command('PausePath', { reason: 'SICK_LEAVE' }, now))).resolves.toMatchObject({ status: 'PAUSED', version: 3 });
      await path.handle.terminate('test done');
    });
  });

  it('tries a firing the store refused again later instead of failing the workflow', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'refused-firing' }, async (path) => {
      await started(path, 'refused-firing');
      path.activities.refuseNextAppends(PathFailureTypes.unstorable);

      await sleepPast(path, 'INIT-INTERVIEW:path:REMINDER-1');
      expect(ofType(path.activities.events, 'ReminderIssued')).toEqual([]); // refused once…
      await suite.env.sleep(2 * 60_000); // …and tried again a minute later

      const reminders = ofType(path.activities.events, 'ReminderIssued');
      expect(reminders.map((event) => (event.data as { item: { id: string } }).item.id)).toEqual(['INIT-INTERVIEW:path:REMINDER-1']);
      expect((await path.handle.describe()).status.name).toBe('RUNNING');
      await path.handle.terminate('test done');
    });
  });

  it('recognises a command repeated after continue-as-new and answers with its first outcome, applied once', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'repeat-can', continueAsNewAfter: 20 }, async (path) => {
      const now = await started(path, 'repeat-can');
      const reassign = keyed(command('ReassignCoach', { coachId: 'coach-first' }, now), 'cmd-reassign-1');
      const first = await path.send(reassign, 'update-1');
      const firstRun = (await path.handle.describe()).runId;
      for (let i = 0; i < 4; i += 1) await path.send(command('ReassignCoach', { coachId: `coach-${i}` }, now));
      await suite.env.sleep(DAY); // the loop rolls over into a new run
      expect((await path.handle.describe()).runId).not.toBe(firstRun);

      // Temporal deduplicates an Update id within one run only: the path must know the command.
      const repeated = await path.send(reassign, 'update-1');

      expect(repeated).toEqual(first);
      expect(await path.state()).toMatchObject({ coachId: 'coach-3', version: 7 });
      expect(path.activities.stored('repeat-can').filter((event) => event.metadata.commandId === 'cmd-reassign-1')).toHaveLength(1);
      await path.handle.terminate('test done');
    });
  });

  it('recognises a repeated command after a restart from the store, with or without the ids carried in', async () => {
    await withPath(suite.env, suite.bundle, { pathId: 'repeat-restart' }, async (path) => {
      const now = await started(path, 'repeat-restart');
      const reassign = keyed(command('ReassignCoach', { coachId: 'coach-first' }, now), 'cmd-reassign-2');
      const first = await path.send(reassign);
      await path.send(command('ReassignCoach', { coachId: 'coach-later' }, now));
      const stored = path.activities.stored('repeat-restart');
      const state = fold(stored);

      // Beyond the idempotency window nothing is carried in: the store recognises the command.
      await path.startAgain({ pathId: 'repeat-restart', state });
      await expect(path.send(reassign)).resolves.toEqual(first);
      // As the API restarts a closed path: the ids come along, and no append is even tried.
      const commands = appliedCommandsOf(stored.map((event, index) => ({ streamVersion: index + 1, metadata: event.metadata })), new Date(now).toISOString());
      await path.startAgain({ pathId: 'repeat-restart', state, commands });
      const appendsBefore = path.activities.appends.length;
      await expect(path.send(reassign)).resolves.toEqual(first);

      expect(path.activities.appends).toHaveLength(appendsBefore);
      expect(path.activities.stored('repeat-restart').filter((event) => event.metadata.commandId === 'cmd-reassign-2')).toHaveLength(1);
      expect(await path.state()).toMatchObject({ coachId: 'coach-later', version: 4 });
      await path.handle.terminate('test done');
    });
  });

  it('replays every history these tests produced', async () => {
    for (const pathId of ['conflict-command', 'conflict-firing', 'id-conflict', 'refused-firing', 'repeat-can']) {
      const json = recordedHistories.get(pathId);
      expect(json).toBeDefined();
      await expect(Worker.runReplayHistory({ workflowBundle: suite.bundle, dataConverter: temporalDataConverter() }, JSON.parse(json ?? '{}'), `path-${pathId}`)).resolves.toBeUndefined();
    }
  });
});
