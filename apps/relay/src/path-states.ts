import { evolve, initialPathState, type PathState } from '@polku/domain';
import { foldPath, toPathEvent, type RecordedEvent } from '@polku/event-store';
import type { Pool } from 'pg';

interface Known {
  readonly version: number;
  readonly state: PathState;
}

// Bounded so a long-running relay does not keep every path it ever saw.
const MAX_PATHS = 10_000;

/**
 * Path states as of each outbox event, for the translator's audience decisions (consent in
 * force, legal basis). Rows of one path arrive in version order, so the cache usually folds one
 * event; after a restart or eviction it folds the stream up to that event from the store.
 */
export class PathStates {
  private readonly known = new Map<string, Known>();

  constructor(private readonly pool: Pool) {}

  /** The path as it stands right after `event`: what the translator decides audiences on. */
  async after(event: RecordedEvent): Promise<PathState> {
    const cached = this.known.get(event.streamId);
    const before = cached?.version === event.streamVersion - 1 ? cached.state : await this.fold(event.streamId, event.streamVersion - 1);
    const after = evolve(before, toPathEvent(event));
    this.remember(event.streamId, { version: event.streamVersion, state: after });
    return after;
  }

  private async fold(streamId: string, upTo: number): Promise<PathState> {
    if (upTo < 1) return initialPathState;
    return (await foldPath(this.pool, streamId, { to: upTo })).state;
  }

  private remember(streamId: string, known: Known): void {
    this.known.delete(streamId);
    this.known.set(streamId, known);
    if (this.known.size > MAX_PATHS) this.known.delete(this.known.keys().next().value as string);
  }
}
