import { KafkaJSProtocolError } from 'kafkajs';
import { whileMetadataSpreads } from './metadata-retry';

/** What a broker that has not heard of a new topic yet answers (kafkajs' UNKNOWN_TOPIC_OR_PARTITION). */
const protocolError = (message: string, type: string, code: number, retriable: boolean) => new KafkaJSProtocolError(Object.assign(new Error(message), { type, code, retriable }));
const notHosted = () => protocolError('This server does not host this topic-partition', 'UNKNOWN_TOPIC_OR_PARTITION', 3, true);

describe('whileMetadataSpreads', () => {
  it('asks again while a broker does not host the new topic yet, and returns the answer once it does', async () => {
    let calls = 0;
    const created = await whileMetadataSpreads(async () => {
      calls += 1;
      if (calls < 3) throw notHosted();
      return ['polku.path-events.v1'];
    }, 5_000, 1);
    expect([calls, created]).toEqual([3, ['polku.path-events.v1']]);
  });

  it('throws a non-retriable error at once', async () => {
    let calls = 0;
    const denied = protocolError('Cluster authorization failed', 'CLUSTER_AUTHORIZATION_FAILED', 31, false);
    await expect(whileMetadataSpreads(async () => {
      calls += 1;
      throw denied;
    }, 5_000, 1)).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it('gives up with the last error once its time is over', async () => {
    await expect(whileMetadataSpreads(async () => {
      throw notHosted();
    }, 20, 5)).rejects.toThrow('does not host this topic-partition');
  });
});
