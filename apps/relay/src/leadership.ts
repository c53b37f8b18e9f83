import type { Fence, LeaseStore } from './lease.repository';

/** A clock that never jumps (not wall time): a pause or an NTP step must not stretch a lease. */
export type MonotonicClock = () => number;

export const monotonicClock: MonotonicClock = () => performance.now();

// The leader renews this many times per lease, so one or two slow renewals do not cost it the
// lease; the last share of the lease is also the margin within which it stops sending.
const RENEWALS_PER_LEASE = 3;

export interface LeadershipSettings {
  /** One lease for all replicas that publish the same outbox. */
  readonly name: string;
  /** This process, unique among replicas (host, pid, random). */
  readonly holder: string;
  readonly leaseMs: number;
}

export interface LeadershipLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface LeadershipStatus {
  readonly role: 'leader' | 'standby';
  readonly epoch: number | undefined;
}

interface Held {
  readonly fence: Fence;
  /** By our own clock, started before the statement that took or renewed the lease: never later than the database's expiry. */
  readonly validUntil: number;
}

/**
 * One replica's view of the relay lease: takes it when free, renews it while it holds it, and
 * answers whether it may publish now. Renewals run on their own timer; a SIGSTOP freezes them
 * with everything else, which is exactly when the lease must run out.
 */
export class Leadership {
  private held: Held | undefined;
  private timer: NodeJS.Timeout | undefined;
  private campaigning: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly leaders: (() => void)[] = [];

  constructor(
    private readonly store: LeaseStore,
    private readonly settings: LeadershipSettings,
    private readonly log: LeadershipLog,
    private readonly clock: MonotonicClock = monotonicClock,
  ) {}

  /** Called whenever this replica becomes the leader (to wake the publishing loop). */
  onLead(listener: () => void): void {
    this.leaders.push(listener);
  }

  /** The fence to publish under, or undefined unless the lease holds beyond the safety margin. */
  current(): Fence | undefined {
    if (!this.held) return undefined;
    const now = this.clock();
    if (now >= this.held.validUntil) {
      this.lose('lease ran out before it was renewed');
      return undefined;
    }
    return now + this.margin() < this.held.validUntil ? this.held.fence : undefined;
  }

  /** One step: renew the lease we hold, or try to take a free or expired one. */
  async campaign(): Promise<void> {
    const startedAt = this.clock();
    const { name, holder, leaseMs } = this.settings;
    if (this.held) {
      const { fence } = this.held;
      const renewed = await this.store.renew(fence, leaseMs);
      // Lost while the renewal was under way (a fenced mark, the clock): lost stays lost.
      if (this.held?.fence !== fence) return;
      if (renewed) this.held = { fence, validUntil: startedAt + leaseMs };
      else this.lose('lease expired or taken over');
      return;
    }
    const epoch = await this.store.acquire(name, holder, leaseMs);
    if (epoch === undefined) return;
    this.held = { fence: { name, holder, epoch }, validUntil: startedAt + leaseMs };
    this.log.info({ lease: name, epoch }, 'relay took the lease; publishing as leader');
    this.leaders.forEach((listener) => listener());
  }

  /** Stops publishing at once; the next campaign may take the lease again with a new epoch. */
  lose(reason: string): void {
    if (!this.held) return;
    this.log.warn({ lease: this.settings.name, epoch: this.held.fence.epoch, reason }, 'relay lost the lease; standing by');
    this.held = undefined;
  }

  status(): LeadershipStatus {
    const fence = this.held && this.clock() < this.held.validUntil ? this.held.fence : undefined;
    return { role: fence ? 'leader' : 'standby', epoch: fence?.epoch };
  }

  /** Campaigns now and every lease/RENEWALS_PER_LEASE until stopped. */
  start(): void {
    this.stopped = false;
    this.tick();
  }

  /** Stops campaigning and hands the lease back, so a standby takes over without waiting it out. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.campaigning;
    const fence = this.held?.fence;
    this.held = undefined;
    if (fence) await this.store.release(fence).catch(() => undefined);
  }

  private tick(): void {
    this.campaigning = this.campaign()
      .catch((error: Error) => this.log.warn({ err: { name: error.name, message: error.message } }, 'relay lease campaign failed'))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.settings.leaseMs / RENEWALS_PER_LEASE);
      });
  }

  private margin(): number {
    return this.settings.leaseMs / RENEWALS_PER_LEASE;
  }
}
