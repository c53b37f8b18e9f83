import { Controller, Get, HttpStatus, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown, Res } from '@nestjs/common';
import { databaseUrlFor, kafkaFor, loadConfig, type PolkuConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { startProjections, type ProjectionsHandle } from '@polku/projections';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Producer } from 'kafkajs';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { Pool } from 'pg';
import type { LeadershipStatus } from './leadership';
import { LeaseRepository } from './lease.repository';
import { OutboxListener } from './outbox-listener';
import { DEFAULT_LEASE_MS, OutboxRelay, RELAY_LEASE } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';
import { PathStates } from './path-states';
import { deadLetterOfStoredEvent, translateForKafka } from './translation';
import { RELAY_PRODUCER } from './relay-producer';

// Longest wait between retries of a failing batch (Kafka or PostgreSQL down).
const MAX_BACKOFF_MS = 30_000;

/** Owns the relay's clients, its loop and the projection runner: started after bootstrap, drained on shutdown. */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly config: PolkuConfig = loadConfig();
  // Relay: listener + batch; projections: listener, batch and read.
  private readonly pool: Pool = createPool(databaseUrlFor(this.config, 'relay'), 8);
  private readonly producer: Producer;
  readonly outbox = new OutboxRepository(this.pool);
  private readonly relay: OutboxRelay;
  private connected = false;
  private projections: ProjectionsHandle | undefined;

  constructor(private readonly logger: PinoLogger) {
    const kafka = createKafka(kafkaFor(this.config, 'relay'), (level, message, extra) => logger[level](extra, message));
    this.producer = kafka.producer(RELAY_PRODUCER);
    const { batchSize, pollMs } = this.config.relay;
    const sender: Pick<Producer, 'sendBatch'> = {
      sendBatch: async (batch) => {
        if (!this.connected) await this.producer.connect();
        return this.producer.sendBatch(batch);
      },
    };
    // The holder names a process, never a person: host, pid and a random suffix against pid reuse.
    const holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    const lease = { name: RELAY_LEASE, holder, leaseMs: DEFAULT_LEASE_MS };
    const parts = { outbox: this.outbox, states: new PathStates(this.pool), producer: sender, translate: translateForKafka, deadLetter: deadLetterOfStoredEvent, leases: new LeaseRepository(this.pool), listener: new OutboxListener(this.pool) };
    this.relay = new OutboxRelay(parts, { batchSize, pollMs, maxBackoffMs: MAX_BACKOFF_MS, lease }, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.producer.on('producer.connect', () => (this.connected = true));
    this.producer.on('producer.disconnect', () => (this.connected = false));
    await this.producer.connect().catch(() => undefined); // the loop retries while Kafka is down
    this.relay.start();
    // ARCHITECTURE: the relay app also runs the projections for the staff API.
    this.projections = startProjections({ pool: this.pool, log: this.logger });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.projections?.stop();
    await Promise.allSettled([this.producer.disconnect(), this.pool.end()]);
  }

  get kafkaConnected(): boolean {
    return this.connected;
  }

  get leadershipStatus(): LeadershipStatus {
    return this.relay.leadership.status();
  }
}

@Controller('health')
class RelayHealthController {
  constructor(private readonly runner: RelayRunner) {}

  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const backlog = await this.runner.outbox.backlog().catch(() => undefined);
    const ok = backlog !== undefined && this.runner.kafkaConnected;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    // A standby is healthy too: it takes over when the leader's lease runs out.
    const { role, epoch } = this.runner.leadershipStatus;
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres: backlog === undefined ? 'down' : 'up', kafka: this.runner.kafkaConnected ? 'up' : 'down' }, backlog, role, epoch: epoch ?? null };
  }
}

@Module({
  imports: [LoggerModule.forRoot({ pinoHttp: { name: 'relay', level: loadConfig().logLevel, autoLogging: false } })],
  controllers: [RelayHealthController],
  providers: [RelayRunner],
})
export class RelayModule {}
