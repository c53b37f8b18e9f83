import { startSupervised, waitWhileAlive, type StartOutcome } from './process';

describe('waitWhileAlive', () => {
  it('waits for a slow start as long as the process lives', async () => {
    let polls = 0;
    const outcome = await waitWhileAlive(async () => ++polls >= 5, () => true, 5_000, 1);
    expect([outcome, polls]).toEqual(['up', 5]);
  });

  it('reports a process that ended at once, not at the deadline', async () => {
    let polls = 0;
    let alive = true;
    const outcome = await waitWhileAlive(async () => {
      polls += 1;
      if (polls === 2) alive = false;
      return false;
    }, () => alive, 60_000, 1);
    expect([outcome, polls]).toEqual(['ended', 2]);
  });

  it('reports a process that lives but never comes up as timed out', async () => {
    expect(await waitWhileAlive(async () => false, () => true, 20, 5)).toBe('timed out');
  });

  it('counts a start as up when the check throws until it answers', async () => {
    let polls = 0;
    const outcome = await waitWhileAlive(async () => {
      polls += 1;
      if (polls < 3) throw new Error('connection refused');
      return true;
    }, () => true, 5_000, 1);
    expect(outcome).toBe('up');
  });
});

describe('startSupervised', () => {
  /** A daemon whose starts end in these outcomes, one per start. */
  function daemon(outcomes: StartOutcome[]): { launches: number; ended: number[]; run: (attempts: number) => Promise<StartOutcome> } {
    const record = { launches: 0, ended: [] as number[] };
    const run = (attempts: number): Promise<StartOutcome> =>
      startSupervised(() => void (record.launches += 1), async () => outcomes[record.launches - 1] ?? 'up', attempts, (attempt) => record.ended.push(attempt));
    return Object.assign(record, { run });
  }

  // Cluster start, 2026-12-02: temporal-matching ended a second after its start; the whole run stopped.
  it('starts a process that ended during its start again, and reports each end', async () => {
    const matching = daemon(['ended', 'up']);
    expect(await matching.run(3)).toBe('up');
    expect([matching.launches, matching.ended]).toEqual([2, [1]]);
  });

  it('gives up after its attempts when the process keeps ending', async () => {
    const crashing = daemon(['ended', 'ended', 'ended', 'up']);
    expect(await crashing.run(3)).toBe('ended');
    expect([crashing.launches, crashing.ended]).toEqual([3, [1, 2, 3]]);
  });

  it('does not start a process twice that lives but did not come up in time', async () => {
    const slow = daemon(['timed out', 'up']);
    expect(await slow.run(3)).toBe('timed out');
    expect(slow.launches).toBe(1);
  });

  it('starts a process once when it comes up', async () => {
    const healthy = daemon(['up']);
    expect([await healthy.run(3), healthy.launches]).toEqual(['up', 1]);
  });
});
