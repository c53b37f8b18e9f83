import { OUTBOX_CHANNEL } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { catchUp, type ProjectionLog } from './projection-runner';
import type { Projection } from './projection-contract';
import { PROJECTIONS } from './all-projections';

export interface StartProjectionsOptions {
  readonly pool: Pool;
  readonly log: ProjectionLog;
  readonly projections?: readonly Projection[];
  /** Poll even without a NOTIFY: an event can become readable later than its notification. */
  readonly pollMs?: number;
  readonly maxBackoffMs?: number;
}

export interface ProjectionsHandle {
  stop(): Promise<void>;
}

/**
 * Keeps the projections up to date: catches up, then waits for a NOTIFY on the outbox channel
 * or the poll interval. A failing batch (database down) is retried with backoff, never skipped.
 */
export function startProjections(options: StartProjectionsOptions): ProjectionsHandle {
  const { pool, log, projections = PROJECTIONS, pollMs = 1_000, maxBackoffMs = 30_000 } = options;
  let stopping = false;
  let wake: (() => void) | undefined;
  let listener: PoolClient | undefined;
  let backoffMs = 0;

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const listen = async (): Promise<void> => {
    if (listener) return;
    const client = await pool.connect();
    client.on('notification', () => wake?.());
    client.on('error', () => {
      if (listener === client) listener = undefined;
      client.release(true);
    });
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    listener = client;
  };

  const loop = (async () => {
    while (!stopping) {
      try {
        await listen();
        const applied = await catchUp(pool, projections, { log });
        if (applied > 0) log.info({ applied }, 'projections caught up');
        backoffMs = 0;
        await idle(pollMs);
      } catch (error) {
        backoffMs = Math.min(maxBackoffMs, Math.max(200, backoffMs * 2));
        log.warn({ err: { name: (error as Error).name, code: (error as { code?: unknown }).code }, retryInMs: backoffMs }, 'projection batch failed; backing off');
        await idle(backoffMs);
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      listener?.release();
      listener = undefined;
    },
  };
}
