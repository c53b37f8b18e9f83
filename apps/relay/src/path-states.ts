import { evolve, initialPathState, type PathState } from '@polku/domain';
import { foldPath, readStreams, toPathEvent, type RecordedEvent } from '@polku/event-store';
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
 * event; after a restart or eviction the paths of a batch are folded from the store together
 * (`prefetch`), and one the prefetch could not fold, event by event.
 */
export class PathStates {
  private readonly known = new Map<string, Known>();

  constructor(private readonly pool: Pool) {}

  /**
   * Folds, in one query, every path whose state before its first event in `events` is not
   * cached: a batch then costs one read of the store, not one per path.
   */
  async prefetch(events: readonly RecordedEvent[]): Promise<void> {
    const upTo = new Map<string, number>();
    const seen = new Set<string>();
    for (const { streamId, streamVersion } of events) {
      if (seen.has(streamId)) continue;
      seen.add(streamId);
      if (streamVersion > 1 && this.known.get(streamId)?.version !== streamVersion - 1) upTo.set(streamId, streamVersion - 1);
    }
    if (upTo.size === 0) return;
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of await readStreams(this.pool, upTo)) {
      const stream = byStream.get(event.streamId);
      if (stream) stream.push(event);
      else byStream.set(event.streamId, [event]);
    }
    for (const [streamId, version] of upTo) this.foldInto(streamId, version, byStream.get(streamId) ?? []);
  }

  /** The path as it stands right after `event`: what the translator decides audiences on. */
  async after(event: RecordedEvent): Promise<PathState> {
    const cached = this.known.get(event.streamId);
    const before = cached?.version === event.streamVersion - 1 ? cached.state : await this.fold(event.streamId, event.streamVersion - 1);
    const after = evolve(before, toPathEvent(event));
    this.remember(event.streamId, { version: event.streamVersion, state: after });
    return after;
  }

  /**
   * Caches a prefetched stream's fold. A stream with a gap, or with an event the domain cannot
   * fold, is left out: `after` folds it again for its event, and the relay parks that event.
   */
  private foldInto(streamId: string, version: number, events: readonly RecordedEvent[]): void {
    if (events.length !== version) return;
    let state: PathState;
    try {
      state = events.reduce<PathState>((folded, event) => evolve(folded, toPathEvent(event)), initialPathState);
    } catch {
      return;
    }
    this.remember(streamId, { version, state });
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
