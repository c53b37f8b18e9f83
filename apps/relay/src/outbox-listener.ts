import { OUTBOX_CHANNEL } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';

/**
 * LISTENs for appends on a connection of its own. Every replica listens, leader or not: the
 * lease, not this session, decides who publishes, so a standby that takes over is awake at once.
 */
export class OutboxListener {
  private client: PoolClient | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly pool: Pool) {}

  /** Called on every NOTIFY on the outbox channel. */
  onNotify(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Connects and LISTENs unless already listening; after a cut connection, listens again. */
  async ensure(): Promise<void> {
    if (this.client) return;
    const client = await this.pool.connect();
    client.on('notification', () => this.listeners.forEach((listener) => listener()));
    client.on('error', () => this.drop(client));
    try {
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
  }

  close(): void {
    if (this.client) this.drop(this.client);
  }

  private drop(client: PoolClient): void {
    if (this.client !== client) return; // released already
    this.client = undefined;
    client.release(true);
  }
}
