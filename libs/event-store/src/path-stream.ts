import { evolve, initialPathState, type PathEvent, type PathState } from '@polku/domain';
import type { Pool, PoolClient } from 'pg';
import { readStream, type RecordedEvent } from './read';

/** A stored row back as the domain event it records (the store keeps type, data and metadata). */
export function toPathEvent(event: RecordedEvent): PathEvent {
  return { type: event.type, data: event.data, metadata: event.metadata } as unknown as PathEvent;
}

/** A path's events (optionally up to a version) and the state the domain folds them to. */
export async function foldPath(pool: Pool | PoolClient, pathId: string, range: { to?: number } = {}): Promise<{ state: PathState; events: RecordedEvent[] }> {
  const events = await readStream(pool, pathId, range);
  return { state: events.reduce<PathState>((state, event) => evolve(state, toPathEvent(event)), initialPathState), events };
}
