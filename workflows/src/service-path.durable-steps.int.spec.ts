import { helsinkiDateOf } from '@polku/domain';
import { temporalDataConverter } from '@polku/temporal';
import { Worker } from '@temporalio/worker';
import { command, startPath } from './testing/path-commands';
import { type PathHarness, recordedHistories, timeSkippingSuite, withPath } from './testing/path-harness';

type HistoryEvent = NonNullable<Awaited<ReturnType<PathHarness['handle']['fetchHistory']>>['events']>[number];

/** What the server recorded for the path so far, by kind of durable step. */
async function steps(path: PathHarness): Promise<{ timersStarted: number; timersCancelled: number; activitiesScheduled: number; markers: number }> {
  const events: HistoryEvent[] = (await path.handle.fetchHistory()).events ?? [];
  const count = (has: (event: HistoryEvent) => unknown): number => events.filter((event) => has(event) != null).length;
  return {
    timersStarted: count((event) => event.timerStartedEventAttributes),
    timersCancelled: count((event) => event.timerCanceledEventAttributes),
    activitiesScheduled: count((event) => event.activityTaskScheduledEventAttributes),
    markers: count((event) => event.markerRecordedEventAttributes),
  };
}

/**
 * The write path at the cost of its durable steps (issue 12): appends with their notifications
 * are local activities (markers, no scheduled activity tasks), a path started with its StartPath
 * waits for no grace timer, and a command that leaves the earliest due item where it was
 * touches no timer.
 */
describe('servicePathWorkflow: durable steps', () => {
  const suite = timeSkippingSuite();

  it('starts a path with one timer (its earliest item) and no activity task, and keeps that timer through a command that does not move it', async () => {
    const now = await suite.env.currentTimeMs();
    const first = startPath('durable-steps', helsinkiDateOf(new Date(now).toISOString()), now);
    await withPath(suite.env, suite.bundle, { pathId: 'durable-steps' }, async (path) => {
      expect(await steps(path)).toMatchObject({ timersStarted: 1, timersCancelled: 0, activitiesScheduled: 0 });
      await path.send(command('ReassignCoach', { coachId: 'coach-2' }, now));
      await path.send(command('ReassignCoach', { coachId: 'coach-3' }, now));
      expect(await steps(path)).toMatchObject({ timersStarted: 1, timersCancelled: 0, activitiesScheduled: 0 });
      // Paused, nothing is due: the timer goes. Resumed, the shifted earliest item gets one.
      await path.send(command('PausePath', { reason: 'SICK_LEAVE' }, now));
      await path.send(command('ResumePath', {}, now));
      expect(await steps(path)).toMatchObject({ timersStarted: 2, timersCancelled: 1, activitiesScheduled: 0 });
      expect(path.activities.appends).toHaveLength(5);
      await path.handle.terminate('test done');
    }, first);
  });

  it('fires a due item and stores its notification in the same local append', async () => {
    const now = await suite.env.currentTimeMs();
    await withPath(suite.env, suite.bundle, { pathId: 'durable-firing' }, async (path) => {
      const state = await path.state();
      const reminder = state.status === 'NONE' ? undefined : state.schedule['INIT-INTERVIEW:path:REMINDER-1'];
      await suite.env.sleep(Date.parse(reminder?.dueAt ?? '') - (await path.now()) + 60_000);
      const fired = path.activities.events.filter((event) => event.type === 'ReminderIssued');
      expect(fired).toHaveLength(1);
      expect(path.activities.notifications.map((note) => note.notificationId)).toEqual([fired[0]?.eventId]);
      expect((await steps(path)).activitiesScheduled).toBe(0);
      await path.handle.terminate('test done');
    }, startPath('durable-firing', helsinkiDateOf(new Date(now).toISOString()), now));
  });

  it('replays the histories these tests produced', async () => {
    for (const pathId of ['durable-steps', 'durable-firing']) {
      await expect(Worker.runReplayHistory({ workflowBundle: suite.bundle, dataConverter: temporalDataConverter() }, JSON.parse(recordedHistories.get(pathId) ?? '{}'), `path-${pathId}`)).resolves.toBeUndefined();
    }
  });
});
