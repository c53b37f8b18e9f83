export interface RebuildStatus {
  readonly state: 'STARTING' | 'CATCHING_UP' | 'DONE' | 'FAILED';
  readonly startedAt: string;
  /** Per partition: the topic's end offset when the rebuild began, and the next offset to read. */
  readonly partitions: readonly { readonly partition: number; readonly end: number; readonly next: number }[];
  readonly error?: string;
}

/** How far a rebuild got: done once every partition is read up to where it ended at the start. */
export class RebuildProgress {
  private startedAt: string | undefined;
  private ends = new Map<number, number>();
  private nexts = new Map<number, number>();
  private failure: string | undefined;
  private targeted = false;

  get active(): boolean {
    const state = this.status()?.state;
    return state === 'STARTING' || state === 'CATCHING_UP';
  }

  begin(now = new Date()): void {
    this.startedAt = now.toISOString();
    this.ends = new Map();
    this.nexts = new Map();
    this.failure = undefined;
    this.targeted = false;
  }

  target(ends: readonly { partition: number; high: number }[]): void {
    for (const { partition, high } of ends) this.ends.set(partition, high);
    this.targeted = true;
  }

  reached(partition: number, offset: number): void {
    if (this.startedAt !== undefined) this.nexts.set(partition, offset + 1);
  }

  fail(error: Error): void {
    this.failure = error.message;
  }

  status(): RebuildStatus | undefined {
    if (this.startedAt === undefined) return undefined;
    const partitions = [...this.ends].map(([partition, end]) => ({ partition, end, next: this.nexts.get(partition) ?? 0 }));
    const done = this.targeted && partitions.every(({ end, next }) => next >= end);
    const state = this.failure !== undefined ? 'FAILED' : !this.targeted ? 'STARTING' : done ? 'DONE' : 'CATCHING_UP';
    return { state, startedAt: this.startedAt, partitions, ...(this.failure === undefined ? {} : { error: this.failure }) };
  }
}
