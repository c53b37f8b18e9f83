import type { RecordedEvent } from '@polku/event-store';
import type { Fence } from '../lease.repository';
import type { OutboxRow, SentRow } from '../outbox.repository';

/** An outbox row of `streamId` at `streamVersion`; its event id is `e-<outboxId>`. */
export function outboxRow(outboxId: number, streamId: string, streamVersion: number, type = 'PathStarted'): OutboxRow {
  const event = { globalPosition: String(outboxId), transactionId: '1', streamId, streamVersion, eventId: `e-${outboxId}`, type, schemaVersion: 1, data: {}, metadata: {}, recordedAt: '2026-01-05T08:00:00.000Z' } as RecordedEvent;
  return { outboxId: String(outboxId), event };
}

/**
 * The outbox in memory with the repository's contract: unsent rows in outbox order (skipping
 * the ones asked to), marked only while `holds(fence)`, failures counted with their reason.
 * `reads` and `marks` record every call, for tests of what the relay asked and when.
 */
export class MemoryOutbox {
  readonly sent: string[] = [];
  readonly failures = new Map<string, { attempts: number; lastError: string }>();
  readonly reads: { limit: number; skip: string[] }[] = [];
  readonly marks: string[][] = [];
  /** Runs before a mark takes effect; a test makes it wait or throw. */
  beforeMark: (ids: readonly string[]) => Promise<void> = async () => undefined;

  constructor(
    private readonly rows: OutboxRow[],
    private readonly holds: (fence: Fence) => boolean = () => true,
  ) {}

  /** Appends rows, as a commit would. */
  add(...rows: OutboxRow[]): void {
    this.rows.push(...rows);
  }

  unsent = async (limit: number, skip: readonly string[] = []): Promise<OutboxRow[]> => {
    this.reads.push({ limit, skip: [...skip] });
    return this.rows.filter((row) => !this.sent.includes(row.outboxId) && !skip.includes(row.outboxId)).slice(0, limit);
  };

  markSent = async (rows: readonly SentRow[], fence: Fence): Promise<number> => {
    const ids = rows.map((row) => row.outboxId);
    this.marks.push(ids);
    await this.beforeMark(ids);
    if (!this.holds(fence)) return 0;
    this.sent.push(...ids);
    rows.forEach((row) => row.parkedReason !== undefined && this.fail(row.outboxId, row.parkedReason));
    return rows.length;
  };

  recordFailure = async (ids: readonly string[], reason: string): Promise<void> => ids.forEach((id) => this.fail(id, reason));

  private fail(id: string, reason: string): void {
    this.failures.set(id, { attempts: (this.failures.get(id)?.attempts ?? 0) + 1, lastError: reason });
  }
}
