import type { Producer } from 'kafkajs';
import type { Fence } from './lease.repository';
import type { OutboxRepository, OutboxRow } from './outbox.repository';
import { reasonOf, type OutgoingBatch, type RelayLog } from './outgoing-batch';

export interface PipelineParts {
  readonly outbox: Pick<OutboxRepository, 'unsent' | 'markSent' | 'recordFailure'>;
  readonly producer: Pick<Producer, 'sendBatch'>;
  /** Folds and translates rows into the broker batch (outgoingBatch). */
  readonly prepare: (rows: readonly OutboxRow[]) => Promise<OutgoingBatch>;
  readonly log: RelayLog;
}

/** One pass of the relay under one lease epoch. */
export interface Pass {
  readonly fence: Fence;
  /** Asked right before each send: false once the lease is no longer safely held, or on stop. */
  mayContinue(): boolean;
  /** Right before each read of the outbox (WakeUps.answer). */
  beforeRead(): void;
  /** A mark was refused: another relay holds the lease now. */
  fencedOff(): void;
}

/**
 * Publishes the outbox until a read finds nothing, three batches at a time: batch N+1 is read
 * and translated while batch N is sent and batch N-1 is marked. Per-path order holds because
 * - sends are strictly one after another, N+1 only once N was acked (one request in flight), and
 *   a failed send ends the pass: nothing read after it goes out before it is read again;
 * - marks are in batch order, N only once N-1 was marked: a later batch is never marked while
 *   an earlier one is not (a failed or refused mark ends the pass; its batch and any sent after
 *   it go again, as duplicates the consumers drop by event id);
 * - a read skips the rows of batches in flight by id, and otherwise takes the unsent rows in
 *   outbox order, so a path's earlier unsent row always comes before its later ones.
 */
export class PublishPipeline {
  /** Rows read and not yet marked: a read must not take them again. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly parts: PipelineParts, private readonly batchSize: number) {}

  /** Returns the rows published and marked. */
  async run(pass: Pass): Promise<number> {
    let published = 0;
    let marking: Promise<boolean> = Promise.resolve(true);
    let next = awaitedLater(this.read(pass));
    try {
      for (;;) {
        const batch = await next;
        if (batch.rows.length === 0 || !pass.mayContinue()) break;
        next = awaitedLater(this.read(pass));
        const [sent, marked] = await Promise.allSettled([this.send(batch), marking]);
        if (marked.status === 'rejected') throw marked.reason;
        if (!marked.value) break; // fenced off: this batch went out, but is never marked
        if (sent.status === 'rejected') throw sent.reason;
        marking = awaitedLater(this.mark(batch, pass.fence).then((ok) => {
          if (ok) published += batch.rows.length;
          return ok;
        }));
      }
      await marking;
    } finally {
      const [, marked] = await Promise.allSettled([next, marking]);
      if (marked.status === 'fulfilled' && !marked.value) pass.fencedOff();
      this.inFlight.clear();
    }
    return published;
  }

  private async read(pass: Pass): Promise<OutgoingBatch> {
    pass.beforeRead();
    const rows = await this.parts.outbox.unsent(this.batchSize, [...this.inFlight]);
    rows.forEach((row) => this.inFlight.add(row.outboxId));
    return this.parts.prepare(rows);
  }

  /** A broker failure is counted on every row of the batch, then thrown (the pass ends; the rows go again). */
  private async send(batch: OutgoingBatch): Promise<void> {
    if (batch.topicMessages.length === 0) return;
    try {
      await this.parts.producer.sendBatch({ topicMessages: batch.topicMessages, acks: -1 });
    } catch (error) {
      const ids = batch.rows.map((row) => row.outboxId);
      await this.parts.outbox.recordFailure(ids, reasonOf(error)).catch((recordError: unknown) => {
        this.parts.log.warn({ err: reasonOf(recordError) }, 'could not record the failed attempt');
      });
      throw error;
    }
  }

  /** True when every row was marked; false when the fence refused them. */
  private async mark(batch: OutgoingBatch, fence: Fence): Promise<boolean> {
    const marked = (await this.parts.outbox.markSent(batch.sent, fence)) === batch.rows.length;
    if (marked) batch.rows.forEach((row) => this.inFlight.delete(row.outboxId));
    return marked;
  }
}

/**
 * A step that runs while the pass awaits another: its failure is taken when the pass gets to it,
 * so it must not count as unhandled meanwhile (Node would end the process).
 */
function awaitedLater<T>(step: Promise<T>): Promise<T> {
  step.catch(() => undefined);
  return step;
}
