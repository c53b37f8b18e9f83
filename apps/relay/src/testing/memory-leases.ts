import type { Fence, LeaseStore } from '../lease.repository';

interface Lease {
  holder: string;
  epoch: number;
  expiresAt: number;
}

/** relay_lease in memory, on a clock the test moves: the same rules as the SQL in LeaseRepository. */
export class MemoryLeases implements LeaseStore {
  private readonly leases = new Map<string, Lease>();

  constructor(private readonly now: () => number) {}

  async acquire(name: string, holder: string, leaseMs: number): Promise<number | undefined> {
    const lease = this.leases.get(name);
    if (lease && lease.expiresAt > this.now()) return undefined;
    const epoch = (lease?.epoch ?? 0) + 1;
    this.leases.set(name, { holder, epoch, expiresAt: this.now() + leaseMs });
    return epoch;
  }

  async renew(fence: Fence, leaseMs: number): Promise<boolean> {
    if (!this.holds(fence)) return false;
    this.leases.set(fence.name, { holder: fence.holder, epoch: fence.epoch, expiresAt: this.now() + leaseMs });
    return true;
  }

  async release(fence: Fence): Promise<void> {
    if (this.holds(fence)) this.leases.set(fence.name, { holder: fence.holder, epoch: fence.epoch, expiresAt: this.now() });
  }

  /** What the outbox's fenced UPDATE checks: this holder, this epoch, not expired. */
  holds(fence: Fence): boolean {
    const lease = this.leases.get(fence.name);
    return lease !== undefined && lease.holder === fence.holder && lease.epoch === fence.epoch && lease.expiresAt > this.now();
  }
}
