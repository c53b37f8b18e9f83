import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first defined value', async () => {
    let calls = 0;
    const value = await eventually(async () => (++calls >= 3 ? 'ready' : undefined), { intervalMs: 1 });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('times out naming what it waited for and the last error', async () => {
    const failing = eventually(
      async () => {
        throw new Error('broker down');
      },
      { timeoutMs: 20, intervalMs: 5, what: 'the message' },
    );
    await expect(failing).rejects.toThrow('waiting for the message: last error broker down');
  });
});
