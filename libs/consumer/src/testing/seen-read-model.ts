import { join } from 'node:path';
import type { EventHandler } from '../record-handler';

/** The migrations of the test read model (`seen`). */
export const SEEN_MIGRATIONS = join(__dirname, 'seen-migrations');

/** Counts each path's events: the simplest handler whose rows tell a full rebuild from a partial one. */
export const countSeen: EventHandler = async (event, db) => {
  await db.query(
    `INSERT INTO seen (path_id, events, last_sequence) VALUES ($1, 1, $2)
     ON CONFLICT (path_id) DO UPDATE SET events = seen.events + 1, last_sequence = GREATEST(seen.last_sequence, $2)`,
    [event.subject, event.sequence],
  );
};

/**
 * A handler that, once armed, stops at one event (one the live consumer has already applied, so
 * only a rebuild reaches it): it waits there until released, or fails there with a transient
 * error, as a database restart would make it.
 */
export class HandlerGate {
  private armed: { eventId: string; fail: boolean; reached: () => void; release: Promise<void> } | undefined;
  private open: () => void = () => undefined;

  constructor(private readonly inner: EventHandler) {}

  readonly handle: EventHandler = async (event, db) => {
    const armed = this.armed;
    if (armed !== undefined && event.id === armed.eventId) {
      armed.reached();
      if (armed.fail) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      await armed.release;
    }
    await this.inner(event, db);
  };

  /** Resolves once the gate event is being handled. */
  arm(eventId: string, fail = false): Promise<void> {
    return new Promise((reached) => {
      const release = new Promise<void>((resolve) => (this.open = resolve));
      this.armed = { eventId, fail, reached, release };
    });
  }

  release(): void {
    this.armed = undefined;
    this.open();
  }
}
