import type { RebuildErrorCode } from './rebuild-error';
import type { PartitionProgress } from './shadow-reader';

/**
 * FILLING: the shadow tables are being filled from offset 0 while the live read model is served
 * and kept current. SWAPPING: the live consumer is paused, the shadow reads up to the topic's
 * end and replaces the live tables in one transaction. DONE / FAILED: finished; after FAILED
 * the live tables are exactly as they were.
 */
export type RebuildState = 'FILLING' | 'SWAPPING' | 'DONE' | 'FAILED';

export interface RebuildStatus {
  readonly state: RebuildState;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Per partition: the end offset the shadow reads to, and the next offset it will read. */
  readonly partitions: readonly PartitionProgress[];
  /** Records the shadow applied, found already applied, or refused (poison, or refused by the handler). */
  readonly records: { readonly applied: number; readonly duplicates: number; readonly refused: number };
  readonly error?: { readonly code: RebuildErrorCode; readonly message: string };
}

type Counted = keyof RebuildStatus['records'];

/** What one rebuild has done so far; the reader's partition progress is read when asked. */
export class RebuildProgress {
  private state: RebuildState = 'FILLING';
  private finishedAt: string | undefined;
  private error: RebuildStatus['error'];
  private readonly records = { applied: 0, duplicates: 0, refused: 0 };

  constructor(
    private readonly partitions: () => readonly PartitionProgress[],
    private readonly startedAt = new Date().toISOString(),
  ) {}

  get active(): boolean {
    return this.state === 'FILLING' || this.state === 'SWAPPING';
  }

  count(kind: Counted): void {
    this.records[kind] += 1;
  }

  swapping(): void {
    this.state = 'SWAPPING';
  }

  done(now = new Date()): void {
    this.finish('DONE', now);
  }

  fail(code: RebuildErrorCode, message: string, now = new Date()): void {
    this.error = { code, message };
    this.finish('FAILED', now);
  }

  status(): RebuildStatus {
    const finished = this.finishedAt === undefined ? {} : { finishedAt: this.finishedAt };
    return { state: this.state, startedAt: this.startedAt, ...finished, partitions: this.partitions(), records: { ...this.records }, ...(this.error ? { error: this.error } : {}) };
  }

  private finish(state: 'DONE' | 'FAILED', now: Date): void {
    if (!this.active) return;
    this.state = state;
    this.finishedAt = now.toISOString();
  }
}
