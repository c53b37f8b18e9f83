import type { History } from '@temporalio/worker';
import { featuresOf } from './histories';

type HistoryEvent = NonNullable<History['events']>[number];
const historyOf = (...events: HistoryEvent[]): History => ({ events }) as History;
const marker = (markerName: string, failure?: object): HistoryEvent => ({ markerRecordedEventAttributes: { markerName, ...(failure ? { failure } : {}) } }) as HistoryEvent;

describe('the deploy gate reads what a history holds', () => {
  it('counts a local activity whose marker records a failure as an activity failure (appends are local activities)', () => {
    expect(featuresOf(historyOf(marker('core_local_activity', { message: 'The client already has an active service path.' }))).has('activity failure')).toBe(true);
  });

  it('does not count a local activity that succeeded, nor a patch marker', () => {
    expect([...featuresOf(historyOf(marker('core_local_activity'), marker('core_patch')))]).toEqual(['patch marker']);
  });

  it('counts a failed regular activity and one that succeeded only on a retry', () => {
    expect(featuresOf(historyOf({ activityTaskFailedEventAttributes: {} } as HistoryEvent)).has('activity failure')).toBe(true);
    expect(featuresOf(historyOf({ activityTaskStartedEventAttributes: { attempt: 2 } } as HistoryEvent)).has('activity failure')).toBe(true);
  });
});
