import { kafkaFor, type PolkuConfig } from '@polku/config';
import { createKafka } from '@polku/kafka';
import type { Pool } from 'pg';
import { eventually } from '@polku/testing';
import { LeaseRepository } from '../../apps/relay/src/lease.repository';
import { DEFAULT_LEASE_MS, OutboxRelay, RELAY_LEASE } from '../../apps/relay/src/outbox-relay';
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
  const parts = { outbox: new OutboxRepository(pool), states: new PathStates(pool), producer, translate: translateForKafka, deadLetter: deadLetterOf, leases: new LeaseRepository(pool) };
  const lease = { name: RELAY_LEASE, holder: 'bench-pipeline', leaseMs: DEFAULT_LEASE_MS };
  const relay = new OutboxRelay(parts, { batchSize: config.relay.batchSize, pollMs: 1_000, maxBackoffMs: 1_000, lease }, quiet);
  // The benchmark stopped the relay app, which handed its lease back: this relay takes it.
  relay.leadership.start();
  await eventually(async () => (relay.leadership.current() ? true : undefined), { timeoutMs: 3 * DEFAULT_LEASE_MS, what: 'the relay lease' });
  const begun = process.hrtime.bigint();
  let rows = 0;
  try {
    while (Date.now() < deadlineMs) {
      const sent = await relay.publishBatch();
      if (sent === 0) break;
      rows += sent;
    }
  } finally {
    await relay.leadership.stop();
  }
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  await producer.disconnect();
  return { seconds, rows };
}
