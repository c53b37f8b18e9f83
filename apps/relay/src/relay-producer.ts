import type { ProducerConfig } from 'kafkajs';

/**
 * The relay's producer. Idempotent, acks from all replicas (publish-pipeline sends acks -1) and
 * one request in flight: no duplicates from a resend of the same request, and no reordering
 * within a path's partition.
 *
 * No retries inside kafkajs: a failed send fails the relay's pass, the batch stays unmarked and
 * the next pass sends all of it again (a message delivered the first time arrives twice; the
 * consumers drop it by event id). kafkajs 2.2.4 retries a batch by broker, not by partition: it
 * resends only to brokers that have not answered yet, so when a broker dies and one of its
 * partitions moves to a broker that had already answered for other partitions, that partition's
 * messages are never sent again, and the send resolves as if they had been (found by the cluster
 * suite's C1, a broker `kill -9`: an event marked sent and never on its topic).
 */
export const RELAY_PRODUCER: ProducerConfig = { idempotent: true, maxInFlightRequests: 1, retry: { retries: 0 } };
