import { kafkaFor, type PolkuConfig } from '@polku/config';
import { createKafka } from '@polku/kafka';
import type { Pool } from 'pg';
import { OutboxRelay } from '../../apps/relay/src/outbox-relay';
import { OutboxRepository } from '../../apps/relay/src/outbox.repository';
import { PathStates } from '../../apps/relay/src/path-states';
import { deadLetterOf, translateForKafka } from '../../apps/relay/src/translation';

/**
 * The relay's own code, in this process, draining the backlog batch by batch with the relay
 * principal and the relay's producer settings: seconds until nothing is left unsent.
 */
export async function drainWithRelay(config: PolkuConfig, pool: Pool, deadlineMs: number): Promise<{ seconds: number; rows: number }> {
  const producer = createKafka(kafkaFor(config, 'relay')).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const quiet = { info: () => undefined, warn: () => undefined };
  const relay = new OutboxRelay(pool, new OutboxRepository(pool), new PathStates(pool), producer, translateForKafka, deadLetterOf, { batchSize: config.relay.batchSize, pollMs: 1_000, maxBackoffMs: 1_000 }, quiet);
  const begun = process.hrtime.bigint();
  let rows = 0;
  while (Date.now() < deadlineMs) {
    const sent = await relay.publishBatch();
    if (sent === 0) break;
    rows += sent;
  }
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  await producer.disconnect();
  return { seconds, rows };
}
