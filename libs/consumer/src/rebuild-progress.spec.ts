import { DEAD_LETTER_HEADERS } from '@polku/contracts';
import { deadLetterOf } from './dead-letter';
import { RebuildProgress } from './rebuild-progress';

describe('RebuildProgress', () => {
  it('is starting until the end offsets are known, then catches up partition by partition', () => {
    const progress = new RebuildProgress();
    expect(progress.status()).toBeUndefined();
    progress.begin(new Date('2026-03-01T10:00:00Z'));
    expect(progress.status()).toEqual({ state: 'STARTING', startedAt: '2026-03-01T10:00:00.000Z', partitions: [] });
    progress.target([{ partition: 0, high: 2 }, { partition: 1, high: 0 }]);
    progress.reached(0, 0);
    expect(progress.status()?.state).toBe('CATCHING_UP');
    expect(progress.active).toBe(true);
    progress.reached(0, 1);
    expect(progress.status()).toEqual({ state: 'DONE', startedAt: '2026-03-01T10:00:00.000Z', partitions: [{ partition: 0, end: 2, next: 2 }, { partition: 1, end: 0, next: 0 }] });
    expect(progress.active).toBe(false);
  });

  it('reports a failed rebuild with its error', () => {
    const progress = new RebuildProgress();
    progress.begin();
    progress.fail(new Error('group not empty'));
    expect(progress.status()).toEqual(expect.objectContaining({ state: 'FAILED', error: 'group not empty' }));
  });
});

describe('deadLetterOf', () => {
  it('keeps key, value and headers and adds where the record came from and why', () => {
    const message = { key: Buffer.from('path-1'), value: Buffer.from('junk'), headers: { 'ce-type': 'x' }, offset: '41', timestamp: '0', attributes: 0, size: undefined };
    const letter = deadLetterOf({ topic: 'polku.servicepath.municipal.v1', partition: 3, message, groupId: 'polku-municipal-consumer' }, 'INVALID_JSON: the value is not JSON');
    expect(letter).toEqual({
      key: message.key,
      value: message.value,
      headers: {
        'ce-type': 'x',
        [DEAD_LETTER_HEADERS.reason]: 'INVALID_JSON: the value is not JSON',
        [DEAD_LETTER_HEADERS.originalTopic]: 'polku.servicepath.municipal.v1',
        [DEAD_LETTER_HEADERS.originalPartition]: '3',
        [DEAD_LETTER_HEADERS.originalOffset]: '41',
        [DEAD_LETTER_HEADERS.consumerGroup]: 'polku-municipal-consumer',
      },
    });
  });
});
