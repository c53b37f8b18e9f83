import type { ProducerConfig } from 'kafkajs';

/**
 * The relay's producer: acks from all in-sync replicas (publish-pipeline sends acks -1; the topics
 * need two in sync) and one request in flight, so a path's partition is never reordered.
 *
 * No retries inside kafkajs: a failed send fails the relay's pass, the batch stays unmarked and
 * the next pass sends all of it again (a message delivered the first time arrives twice; the
 * consumers drop it by event id). kafkajs 2.2.4 retries a batch by broker, not by partition: it
 * resends only to brokers that have not answered yet, so when a broker dies and one of its
 * partitions moves to a broker that had already answered for other partitions, that partition's
 * messages are never sent again, and the send resolves as if they had been (found by the cluster
 * suite's C1, a broker `kill -9`: an event marked sent and never on its topic).
 *
 * Not idempotent: kafkajs refuses an idempotent producer without retries, and without retries
 * there is no resend of one request for idempotence to deduplicate; the resends are the relay's,
 * whole batches, which the consumers deduplicate by event id either way.
 */
export const RELAY_PRODUCER: ProducerConfig = { idempotent: false, maxInFlightRequests: 1, retry: { retries: 0 } };
