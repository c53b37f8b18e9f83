import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { withAdmin } from '@polku/kafka';
import type { Pool } from 'pg';
import type { ConsumerLog, RecordSource } from './event-consumer';
import { swapInShadow } from './read-model-swap';
import { RebuildProgress, type RebuildStatus } from './rebuild-progress';
import { asRebuildError, RebuildError, type RebuildErrorCode } from './rebuild-error';
import { applyRecord, type EventHandler } from './record-handler';
import { tryRebuildLock } from './rebuild-lock';
import { ShadowReader } from './shadow-reader';
import { createShadow, dropShadow, shadowSchemaOf } from './shadow-schema';
import { committedOffsets, topicEnds, wholeHistoryEnds, type PartitionEnd } from './topic-history';

const POLL_MS = 200;

/** What a rebuild needs of the live consumer it replaces the tables of. */
export interface LiveConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  hasHandled(partition: number, offset: number): boolean;
  deadLetter(source: RecordSource, reason: string): Promise<void>;
}

export interface RebuildSpec {
  readonly kafka: Kafka;
  readonly topic: string;
  /** The live group, whose committed offsets move to the rebuilt tables' position. */
  readonly groupId: string;
  readonly schema: string;
  /** The live schema's pool (the swap runs on it). */
  readonly pool: Pool;
  readonly databaseUrl: string;
  readonly migrationsDir: string;
  readonly handle: EventHandler;
  readonly live: LiveConsumer;
  readonly log: ConsumerLog;
}

type Phase = 'reading' | 'swapping' | 'restarting';
const FAILURES: Record<Phase, readonly [RebuildErrorCode, string, string?]> = {
  reading: ['REBUILD.READ_FAILED', 'Reading the topic into the rebuild tables'],
  swapping: ['REBUILD.SWAP_FAILED', 'Swapping the rebuilt tables in'],
  restarting: ['REBUILD.LIVE_NOT_RESTARTED', 'Starting the live consumer again', 'the rebuilt read model is in place, restart the app to resume consuming'],
};

/**
 * Rebuilds the read model beside the live one (docs/consumers.md, "Rebuild"): a shadow schema
 * filled from offset 0 in a group of its own, while the live tables are served and kept current;
 * then the live consumer pauses, the shadow reads to the topic's end, and one transaction swaps
 * the tables (processed_events included). The live group then resumes from that end. Needs the
 * live group to be this process alone (one replica), and refuses a topic that lost its oldest records.
 */
export class ShadowRebuild {
  private progress: RebuildProgress | undefined;
  private reader: ShadowReader | undefined;
  private running: Promise<void> | undefined;
  private starting = false;
  private aborted = false;
  private phase: Phase = 'reading';
  // The async context this was made in (the app's start, no request). A rebuild runs in it, not
  // in the admin's request: otherwise every later log line of the rebuild, and of the live
  // consumer it restarts, would carry that request's context (a request logger's headers).
  private readonly scope = new AsyncResource('polku-shadow-rebuild');

  constructor(private readonly spec: RebuildSpec) {}

  status(): RebuildStatus | undefined {
    return this.progress?.status();
  }

  /** Starts a rebuild and resolves as it begins; refuses (RebuildError) one already running or a topic without its whole history. */
  async start(): Promise<RebuildStatus> {
    if (this.starting || this.progress?.active) throw new RebuildError('REBUILD.IN_PROGRESS', 'A rebuild is already running; follow it with GET /admin/rebuild.');
    this.starting = true;
    try {
      const release = await tryRebuildLock(this.spec.pool, this.spec.schema);
      if (release === undefined) throw new RebuildError('REBUILD.IN_PROGRESS', `Another process is rebuilding ${this.spec.schema}; nothing was changed.`);
      const ends = await withAdmin(this.spec.kafka, (admin) => wholeHistoryEnds(admin, this.spec.topic)).catch(async (error: unknown) => {
        await release();
        throw error;
      });
      const progress = new RebuildProgress(() => this.reader?.progress() ?? []);
      this.progress = progress;
      this.phase = 'reading';
      this.spec.log.info({ topic: this.spec.topic, ends }, 'rebuild started');
      this.running = this.scope.runInAsyncScope(() =>
        this.execute(ends, progress)
          .catch((error: unknown) => this.failed(progress, error))
          .finally(release),
      );
      return progress.status();
    } finally {
      this.starting = false;
    }
  }

  /** Stops a rebuild under way (shutdown); the live tables stay as they are. */
  async close(): Promise<void> {
    this.aborted = true;
    await this.running;
  }

  private async execute(ends: readonly PartitionEnd[], progress: RebuildProgress): Promise<void> {
    // Below these, some earlier process of the live group handled (and parked) every record.
    const committed = await withAdmin(this.spec.kafka, (admin) => committedOffsets(admin, this.spec.groupId, this.spec.topic));
    const handled = (partition: number, offset: number) => offset < (committed.get(partition) ?? 0) || this.spec.live.hasHandled(partition, offset);
    const shadowPool = await createShadow(this.spec.databaseUrl, this.spec.schema, this.spec.migrationsDir);
    const groupId = `${this.spec.groupId}-rebuild-${randomUUID().slice(0, 8)}`;
    const reader = new ShadowReader({ kafka: this.spec.kafka, groupId, topic: this.spec.topic, apply: (partition, message) => this.applyToShadow(shadowPool, progress, handled, partition, message) });
    this.reader = reader;
    try {
      await reader.start(ends);
      await this.until(reader);
      progress.swapping();
      await this.switchOver(reader);
    } finally {
      await reader.close().catch(() => undefined);
      await dropShadow(shadowPool, this.spec.schema).catch(() => undefined);
      await shadowPool.end();
    }
    progress.done();
    this.spec.log.info({ topic: this.spec.topic, ...progress.status().records }, 'rebuild done: the rebuilt read model is live');
  }

  // The live consumer is stopped first, so every record it applied lies below the ends read next,
  // and the shadow holds every record below them: the swapped-in tables contain all it ever did.
  private async switchOver(reader: ShadowReader): Promise<void> {
    await this.spec.live.stop();
    try {
      await withAdmin(this.spec.kafka, (admin) => this.assertGroupEmpty(admin));
      const ends = await withAdmin(this.spec.kafka, (admin) => topicEnds(admin, this.spec.topic));
      reader.extendTo(ends);
      await this.until(reader);
      // The reader stays connected but applies nothing at or past `ends`: it is closed after the
      // swap, which keeps its disconnect (a fetch's long poll) out of the time the live model is paused.
      this.phase = 'swapping';
      await swapInShadow(this.spec.pool, this.spec.schema);
      this.phase = 'restarting';
      await this.moveLiveOffsets(ends);
    } finally {
      await this.spec.live.start();
    }
  }

  private async applyToShadow(pool: Pool, progress: RebuildProgress, handled: (partition: number, offset: number) => boolean, partition: number, message: KafkaMessage): Promise<void> {
    const outcome = await applyRecord({ schema: shadowSchemaOf(this.spec.schema), pool, handle: this.spec.handle }, message.value);
    progress.count(outcome.kind === 'applied' ? 'applied' : outcome.kind === 'duplicate' ? 'duplicates' : 'refused');
    // Parked already if the live group got this far; otherwise the live group will resume past
    // it after the swap, so it is parked now (at worst twice, which a replay dedupes).
    if (outcome.kind === 'refused' && !handled(partition, Number(message.offset))) {
      await this.spec.live.deadLetter({ topic: this.spec.topic, partition, message }, outcome.reason);
    }
  }

  private async assertGroupEmpty(admin: Admin): Promise<void> {
    const { groups } = await admin.describeGroups([this.spec.groupId]);
    const members = groups[0]?.members.length ?? 0;
    if (members > 0) {
      throw new RebuildError('REBUILD.GROUP_NOT_EMPTY', `Consumer group ${this.spec.groupId} still has ${members} other member(s): stop the other replicas, then rebuild again. Nothing was changed.`);
    }
  }

  // Not in the swap's transaction (Kafka is not PostgreSQL), and it need not be: should this fail,
  // the group resumes from its older commit, and every event up to `ends` is in the new
  // processed_events, so it is skipped as a duplicate.
  private async moveLiveOffsets(ends: readonly PartitionEnd[]): Promise<void> {
    const partitions = ends.map(({ partition, end }) => ({ partition, offset: String(end) }));
    await withAdmin(this.spec.kafka, (admin) => admin.setOffsets({ groupId: this.spec.groupId, topic: this.spec.topic, partitions })).catch((error: Error) => {
      this.spec.log.warn({ groupId: this.spec.groupId, error: error.name }, 'live group offsets not moved after the rebuild; it re-reads and skips what the rebuild applied');
    });
  }

  private async until(reader: ShadowReader): Promise<void> {
    for (;;) {
      if (this.aborted) throw new RebuildError('REBUILD.ABORTED', 'The consumer is shutting down; the rebuild stopped and the live read model is unchanged.');
      if (reader.failed !== undefined) throw reader.failed;
      if (reader.caughtUp) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private failed(progress: RebuildProgress, error: unknown): void {
    const [code, what, consequence] = FAILURES[this.phase];
    const failure = asRebuildError(error, code, what, consequence);
    progress.fail(failure.code, failure.message);
    this.spec.log.error({ topic: this.spec.topic, code: failure.code }, `rebuild failed: ${failure.message}`);
  }
}
