import { RebuildProgress } from './rebuild-progress';

const START = new Date('2026-03-01T10:00:00Z');
const partitions = [{ partition: 0, end: 2, next: 1 }];

describe('RebuildProgress', () => {
  it('fills, swaps and finishes, counting what the shadow did with each record', () => {
    const progress = new RebuildProgress(() => partitions, START.toISOString());
    progress.count('applied');
    progress.count('applied');
    progress.count('refused');
    expect(progress.status()).toEqual({ state: 'FILLING', startedAt: '2026-03-01T10:00:00.000Z', partitions, records: { applied: 2, duplicates: 0, refused: 1 } });
    expect(progress.active).toBe(true);
    progress.swapping();
    expect(progress.status().state).toBe('SWAPPING');
    expect(progress.active).toBe(true);
    progress.done(new Date('2026-03-01T10:05:00Z'));
    expect(progress.status()).toMatchObject({ state: 'DONE', finishedAt: '2026-03-01T10:05:00.000Z' });
    expect(progress.active).toBe(false);
  });

  it('reports a failed rebuild with its code and message, and a finished one stays finished', () => {
    const progress = new RebuildProgress(() => [], START.toISOString());
    progress.fail('REBUILD.SWAP_FAILED', 'Swapping the rebuilt tables in failed (error 55P03); the live read model is unchanged.');
    progress.done();
    expect(progress.status()).toEqual(
      expect.objectContaining({ state: 'FAILED', error: { code: 'REBUILD.SWAP_FAILED', message: 'Swapping the rebuilt tables in failed (error 55P03); the live read model is unchanged.' } }),
    );
    expect(progress.active).toBe(false);
  });
});
