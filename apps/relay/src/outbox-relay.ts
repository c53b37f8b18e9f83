import type { Producer } from 'kafkajs';
import { Leadership, type LeadershipSettings, type MonotonicClock } from './leadership';
import type { Fence, LeaseStore } from './lease.repository';
import type { OutboxListener } from './outbox-listener';
import type { OutboxRepository, OutboxRow } from './outbox.repository';
import { outgoingBatch, reasonOf, type BatchStates, type DeadLetter, type RelayLog, type Translate } from './outgoing-batch';
import { PublishPipeline, type Pass } from './publish-pipeline';
import { WakeUps, type Sleep } from './wake-ups';

/** How long a lease lasts unless renewed: a paused or cut-off leader publishes at most this long. */
export const DEFAULT_LEASE_MS = 6_000;

/** Every replica publishing one database's outbox competes for this one lease. */
export const RELAY_LEASE = 'outbox-relay';

export interface RelaySettings {
  readonly batchSize: number;
  /** Fallback poll when no NOTIFY arrives (lost connection, a notification dropped). */
  readonly pollMs: number;
  readonly maxBackoffMs: number;
  /** The lease's name, this replica's holder id and the lease length (DEFAULT_LEASE_MS). */
  readonly lease: LeadershipSettings;
}

export interface RelayParts {
  readonly outbox: Pick<OutboxRepository, 'unsent' | 'markSent' | 'recordFailure'>;
  readonly states: BatchStates;
  readonly producer: Pick<Producer, 'sendBatch'>;
  readonly translate: Translate;
  readonly deadLetter: DeadLetter;
  readonly leases: LeaseStore;
  /** Absent in tests that drive the relay step by step. */
  readonly listener?: Pick<OutboxListener, 'onNotify' | 'ensure' | 'close'>;
  /** Monotonic; tests pass one they move by hand. */
  readonly clock?: MonotonicClock;
  /** How the loop idles and backs off; tests pass one they release by hand. */
  readonly sleep?: Sleep;
}

// Fewer than this between a failed batch and the next would hammer a broker that is down.
const MIN_BACKOFF_MS = 200;

/**
 * Publishes outbox rows to Kafka while this replica holds the relay lease. A row is marked
 * sent only after the broker acknowledged all its messages and only under the current lease
 * (fenced), so a crash re-publishes (at least once), never loses, and a paused ex-leader cannot
 * mark what its successor publishes; consumers dedupe by event id. While there is work it runs
 * pass after pass (PublishPipeline) without sleeping; idle, it waits for a NOTIFY or the poll.
 */
export class OutboxRelay {
  private stopping = false;
  private backoffMs = 0;
  private loop: Promise<void> | undefined;
  private readonly wakeUps: WakeUps;
  private readonly pipeline: PublishPipeline;
  /** Whether this replica may publish; `status()` is what /health shows. */
  readonly leadership: Leadership;

  constructor(
    private readonly parts: RelayParts,
    private readonly settings: RelaySettings,
    private readonly log: RelayLog,
  ) {
    this.leadership = new Leadership(parts.leases, settings.lease, log, parts.clock);
    this.wakeUps = new WakeUps(parts.sleep);
    this.leadership.onLead(() => this.wakeUps.ring());
    parts.listener?.onNotify(() => this.wakeUps.ring());
    const batchParts = { states: parts.states, translate: parts.translate, deadLetter: parts.deadLetter, log };
    const prepare = (rows: readonly OutboxRow[]) => outgoingBatch(rows, batchParts);
    this.pipeline = new PublishPipeline({ outbox: parts.outbox, producer: parts.producer, prepare, log }, settings.batchSize);
  }

  start(): void {
    this.leadership.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUps.stop();
    await this.loop;
    await this.leadership.stop();
    this.parts.listener?.close();
  }

  /** Publishes until the outbox has nothing unsent left, if this replica leads; returns the rows marked sent. */
  async catchUp(): Promise<number> {
    const fence = this.leadership.current();
    if (!fence) return 0;
    return this.pipeline.run(this.passUnder(fence));
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.parts.listener?.ensure();
        await this.catchUp();
        this.backoffMs = 0;
        await this.wakeUps.idle(this.settings.pollMs);
      } catch (error) {
        this.backoffMs = Math.min(this.settings.maxBackoffMs, Math.max(MIN_BACKOFF_MS, this.backoffMs * 2));
        this.log.warn({ err: reasonOf(error), retryInMs: this.backoffMs }, 'relay batch failed; backing off');
        await this.wakeUps.backOff(this.backoffMs);
      }
    }
  }

  private passUnder(fence: Fence): Pass {
    return {
      fence,
      // Asked again right before each send: folding took time, and a pause (GC, SIGSTOP) since
      // the last check may have let the lease run out and a standby take over.
      mayContinue: () => !this.stopping && this.leadership.current()?.epoch === fence.epoch,
      beforeRead: () => this.wakeUps.answer(),
      fencedOff: () => this.leadership.lose('outbox refused the mark: another relay holds the lease'),
    };
  }
}
