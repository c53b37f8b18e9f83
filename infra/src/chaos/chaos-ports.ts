import { KAFKA_PROXIED_PORTS_ENV } from '../kafka';
import { HOME, Ports } from '../layout';
import { CHAOS_HOME, CHAOS_PORT_OFFSET } from './chaos-stack-env';

/**
 * Ports only the chaos stack has, next to its shifted ports: the TCP proxies in front of
 * PostgreSQL and Kafka (F5), the broker's second listener that advertises the Kafka proxy, and
 * the standby relay's health port (F7).
 */
export const ChaosPorts = {
  postgresProxy: Ports.postgres + 100,
  kafkaProxy: Ports.kafka + 100,
  kafkaProxiedListener: Ports.kafka + 2,
  standbyRelay: Ports.relay + 1,
} as const;

/**
 * Faults kill, stop and cut processes found by pid files: refuse to run unless this process
 * is the chaos stack's (its home and shifted ports), never the stack everyone else uses.
 */
export function assertChaosStack(): void {
  const offset = process.env['POLKU_PORT_OFFSET'];
  if (HOME !== CHAOS_HOME || offset !== String(CHAOS_PORT_OFFSET)) {
    throw new Error(`the chaos run only acts on the chaos stack (POLKU_HOME=${CHAOS_HOME}, POLKU_PORT_OFFSET=${CHAOS_PORT_OFFSET}); this process has POLKU_HOME=${HOME}, POLKU_PORT_OFFSET=${offset ?? 'unset'}`);
  }
}

/** Before the chaos stack's broker starts: give it the listener the Kafka proxy forwards to. */
export function enableProxiedKafkaListener(): void {
  process.env[KAFKA_PROXIED_PORTS_ENV] = `${ChaosPorts.kafkaProxiedListener}:${ChaosPorts.kafkaProxy}`;
}
