/* eslint-disable no-console -- a child process's last word goes to its log file */
import { databaseUrlFor, kafkaFor, loadConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { startProjections, type ProjectionsHandle } from '@polku/projections';
import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { LeaseRepository } from '../../apps/relay/src/lease.repository';
import { OutboxListener } from '../../apps/relay/src/outbox-listener';
import { DEFAULT_LEASE_MS, OutboxRelay, RELAY_LEASE } from '../../apps/relay/src/outbox-relay';
import { OutboxRepository } from '../../apps/relay/src/outbox.repository';
import { PathStates } from '../../apps/relay/src/path-states';
import { RELAY_PRODUCER } from '../../apps/relay/src/relay-producer';
import { deadLetterOfStoredEvent, translateForKafka } from '../../apps/relay/src/translation';
import { renameTopic } from './topics';

/** As apps/relay's RelayRunner (relay.module.ts): its pool size and longest backoff. */
const RELAY_POOL_SIZE = 8;
const MAX_BACKOFF_MS = 30_000;

type Command = { readonly type: 'start'; readonly projections: boolean } | { readonly type: 'stop' };
type Log = { info(fields: object, message: string): void; warn(fields: object, message: string): void };

/**
 * The relay's own parts, composed as apps/relay's RelayRunner composes them (its role's pool,
 * the outbox, path states, translator, lease and NOTIFY listener, the same producer settings and
 * batch size), in a process of its own against the run's database. One difference: every batch
 * goes to the run's topics (BENCH_TOPIC_PREFIX), as the admin principal, since the relay
 * principal may write only the live topics, which live consumers read. Driven over IPC:
 * `start` (with or without the projections the relay app also runs), `stop`.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(databaseUrlFor(config, 'relay'), RELAY_POOL_SIZE);
  const producer = createKafka(kafkaFor(config, 'admin')).producer(RELAY_PRODUCER);
  await producer.connect();
  const sender = renamingSender(producer, required('BENCH_TOPIC_PREFIX'));
  const line = (level: string) => (fields: object, message: string): void => console.error(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }));
  const log: Log = { info: line('info'), warn: line('warn') };
  let running: { relay: OutboxRelay; projections?: ProjectionsHandle } | undefined;
  const handle = async (command: Command): Promise<void> => {
    if (command.type === 'start' && !running) {
      const relay = composeRelay(pool, sender, config.relay, log);
      relay.start();
      running = { relay, ...(command.projections ? { projections: startProjections({ pool, log }) } : {}) };
    } else if (command.type === 'stop' && running) {
      await running.relay.stop();
      await running.projections?.stop();
      running = undefined;
    }
    process.send?.({ type: command.type === 'start' ? 'started' : 'stopped' });
  };
  process.on('message', (command: Command) => void handle(command).catch(fail));
  process.send?.({ type: 'ready' });
}

function composeRelay(pool: Pool, producer: Pick<Producer, 'sendBatch'>, settings: { batchSize: number; pollMs: number }, log: Log): OutboxRelay {
  const parts = { outbox: new OutboxRepository(pool), states: new PathStates(pool), producer, translate: translateForKafka, deadLetter: deadLetterOfStoredEvent, leases: new LeaseRepository(pool), listener: new OutboxListener(pool) };
  const lease = { name: RELAY_LEASE, holder: `polku-bench/${process.pid}`, leaseMs: DEFAULT_LEASE_MS };
  return new OutboxRelay(parts, { batchSize: settings.batchSize, pollMs: settings.pollMs, maxBackoffMs: MAX_BACKOFF_MS, lease }, log);
}

/** The relay's batches, each topic renamed into the run's own: the only change to what it sends. */
function renamingSender(producer: Producer, prefix: string): Pick<Producer, 'sendBatch'> {
  return { sendBatch: (batch) => producer.sendBatch({ ...batch, topicMessages: (batch.topicMessages ?? []).map((topic) => ({ ...topic, topic: renameTopic(prefix, topic.topic) })) }) };
}

function fail(error: unknown): never {
  console.error('bench relay failed', error);
  process.exit(1);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch(fail);
