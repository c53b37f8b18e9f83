import { loadConfig } from '@polku/config';
import { initialPathState } from '@polku/domain';
import { createPool, type RecordedEvent } from '@polku/event-store';
import type { ProducerBatch } from 'kafkajs';
import { LeaseRepository } from '../lease.repository';
import { OutboxListener } from '../outbox-listener';
import { OutboxRelay, RELAY_LEASE } from '../outbox-relay';
import type { OutgoingMessage } from '../outgoing-batch';
import { OutboxRepository } from '../outbox.repository';

/**
 * One relay replica in a process of its own, so a test can SIGSTOP it like a real zombie:
 *   node -r @swc-node/register apps/relay/src/testing/relay-process.ts <holder> <leaseMs>
 * with DATABASE_URL naming a throwaway database. Instead of Kafka it "publishes" by inserting
 * (holder, event id) into test_publications; its log lines go to stdout as JSON.
 */
const [holder = 'relay-test', leaseMs = '1500'] = process.argv.slice(2);
const pool = createPool(loadConfig().databaseUrl, 4);
const line = (level: string) => (fields: object, message: string) => void process.stdout.write(`${JSON.stringify({ level, holder, message, ...fields })}\n`);
const log = { info: line('info'), warn: line('warn') };

const toMessage = (event: RecordedEvent): OutgoingMessage => ({ topic: 'test', key: event.streamId, value: event.eventId, headers: { 'event-id': event.eventId } });

async function publish(batch: ProducerBatch): Promise<never[]> {
  const eventIds = (batch.topicMessages ?? []).flatMap((topic) => topic.messages.map((message) => String(message.headers?.['event-id'])));
  await pool.query('INSERT INTO test_publications (holder, event_id) SELECT $1, unnest($2::text[])', [holder, eventIds]);
  return [];
}

const relay = new OutboxRelay(
  {
    outbox: new OutboxRepository(pool),
    states: { after: async () => initialPathState },
    producer: { sendBatch: publish },
    translate: (event) => [toMessage(event)],
    deadLetter: toMessage,
    leases: new LeaseRepository(pool),
    listener: new OutboxListener(pool),
  },
  { batchSize: 50, pollMs: 100, maxBackoffMs: 500, lease: { name: RELAY_LEASE, holder, leaseMs: Number(leaseMs) } },
  log,
);

relay.start();
log.info({}, 'ready');
process.on('SIGTERM', () => {
  void relay
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
