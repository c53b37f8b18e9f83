import { survivalCheck } from './chaos/fault';
import { restoreServices, type Service } from './service';

/** A service as restore sees it: whether it answers, whether its process lives, what start() does. */
function fakeService(name: string, state: { answers: boolean; lives: boolean; startFails?: string }): Service & { starts: number } {
  const service = {
    name,
    endpoints: [],
    starts: 0,
    install: async () => undefined,
    async start() {
      service.starts += 1;
      if (state.startFails !== undefined) throw new Error(`${state.startFails}\nlog tail`);
      state.lives = true;
      state.answers = true;
    },
    healthy: async () => state.answers,
    running: () => state.lives,
    stop: async () => false,
  };
  return service;
}

describe('restoreServices', () => {
  it('leaves a service that answers alone', async () => {
    const up = fakeService('api-1', { answers: true, lives: true });
    expect(await restoreServices([up])).toEqual({ died: [], unhealthy: [] });
    expect(up.starts).toBe(0);
  });

  // C1 on the cluster: the consumers' kafkajs kept heartbeating the killed broker (their group's
  // coordinator), restarted their consumer in-process and rejoined. The suite counted that as a death.
  it('waits for a live process that does not answer yet, and does not count it as dead', async () => {
    const consumer = fakeService('municipal-consumer-1', { answers: false, lives: true });
    const restored = await restoreServices([consumer]);
    expect(restored.died).toEqual([]);
    expect(restored.unhealthy).toEqual([expect.stringMatching(/^municipal-consumer-1 \(answered again after \d+\.\d s\)$/)]);
    expect(survivalCheck(restored)).toMatchObject({ passed: true, detail: expect.stringContaining('none died; waited for municipal-consumer-1') });
  });

  it('starts a service whose process is gone again and counts it as dead', async () => {
    const relay = fakeService('relay-2', { answers: false, lives: false });
    const restored = await restoreServices([relay]);
    expect([restored, relay.starts]).toEqual([{ died: ['relay-2'], unhealthy: [] }, 1]);
    expect(survivalCheck(restored)).toMatchObject({ passed: false, detail: 'started again: relay-2' });
  });

  it('counts a live process that never answers again as not come back, with the first line of the reason', async () => {
    const worker = fakeService('worker-1', { answers: false, lives: true, startFails: 'worker-1 did not become healthy' });
    const restored = await restoreServices([worker]);
    expect(restored).toEqual({ died: ['worker-1 did not come back: worker-1 did not become healthy'], unhealthy: [] });
    expect(survivalCheck(restored).passed).toBe(false);
  });

  it('goes through every service, whatever the one before it did', async () => {
    const gone = fakeService('kafka-cluster', { answers: false, lives: false, startFails: 'no quorum' });
    const slow = fakeService('api-2', { answers: false, lives: true });
    const restored = await restoreServices([gone, slow]);
    expect(restored.died).toEqual(['kafka-cluster did not come back: no quorum']);
    expect(restored.unhealthy).toHaveLength(1);
  });
});
