import { waitWhileAlive } from './process';

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
