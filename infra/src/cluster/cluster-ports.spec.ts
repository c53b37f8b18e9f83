import { startTemporalInWaves, TEMPORAL_SERVICES, type TemporalService } from './cluster-ports';

describe('startTemporalInWaves', () => {
  it('starts one service alone first, so only one writes the cluster metadata record of a fresh database', async () => {
    const events: string[] = [];
    await startTemporalInWaves(async (service: TemporalService) => {
      events.push(`begin ${service}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${service}`);
    });
    expect(events[0]).toBe('begin history');
    expect(events[1]).toBe('end history');
    expect(events.filter((event) => event.startsWith('begin')).sort()).toEqual(TEMPORAL_SERVICES.map((service) => `begin ${service}`).sort());
  });

  it('does not start the rest when the first service fails', async () => {
    const started: TemporalService[] = [];
    const run = startTemporalInWaves(async (service) => {
      started.push(service);
      if (service === 'history') throw new Error('history did not come up');
    });
    await expect(run).rejects.toThrow('history did not come up');
    expect(started).toEqual(['history']);
  });
});
