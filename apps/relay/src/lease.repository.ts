import type { Pool } from 'pg';

/** Who may write to the outbox right now: the lease's holder at the epoch it took it with. */
export interface Fence {
  readonly name: string;
  readonly holder: string;
  readonly epoch: number;
}

/** The lease table's contract (relay_lease); the relay's tests give it an in-memory twin. */
export interface LeaseStore {
  /** Takes the lease if it is free or expired, one epoch past the last; undefined while another holds it. */
  acquire(name: string, holder: string, leaseMs: number): Promise<number | undefined>;
  /** Extends the lease; false once it expired or another relay took it. */
  renew(fence: Fence, leaseMs: number): Promise<boolean>;
  /** Ends the lease now, so a standby need not wait for it to run out. */
  release(fence: Fence): Promise<void>;
}

/**
 * The lease on PostgreSQL. Expiry is judged by the database's clock in each statement, so
 * replicas on different hosts agree on it; concurrent takeovers serialise on the row.
 */
export class LeaseRepository implements LeaseStore {
  constructor(private readonly pool: Pool) {}

  async acquire(name: string, holder: string, leaseMs: number): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ epoch: string }>(
      `INSERT INTO relay_lease AS l (name, holder, epoch, expires_at)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, epoch = l.epoch + 1, expires_at = EXCLUDED.expires_at
        WHERE l.expires_at <= now()
       RETURNING epoch`,
      [name, holder, leaseMs],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].epoch);
  }

  async renew(fence: Fence, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE relay_lease SET expires_at = now() + $4 * interval '1 millisecond'
        WHERE name = $1 AND holder = $2 AND epoch = $3 AND expires_at > now()`,
      [fence.name, fence.holder, fence.epoch, leaseMs],
    );
    return rowCount === 1;
  }

  async release(fence: Fence): Promise<void> {
    await this.pool.query('UPDATE relay_lease SET expires_at = now() WHERE name = $1 AND holder = $2 AND epoch = $3 AND expires_at > now()', [fence.name, fence.holder, fence.epoch]);
  }
}
