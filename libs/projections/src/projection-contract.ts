import type { PathEvent } from '@polku/domain';
import type { RecordedEvent } from '@polku/event-store';
import type { PoolClient } from 'pg';

/**
 * A recorded event as a projection sees it: the domain event, typed by its `type` like the
 * downstream consumers' integration events, and where it stands in its stream.
 */
export type ProjectedEvent = PathEvent & Pick<RecordedEvent, 'eventId' | 'streamId' | 'streamVersion' | 'recordedAt'>;

/**
 * A read model fed from the global log. `apply` runs inside the runner's transaction and must be
 * idempotent per event: rows remember the stream version they last took in and ignore older or
 * equal ones, so a redelivered event changes nothing.
 */
export interface Projection {
  readonly name: string;
  /** Tables the projection owns: truncated by a rebuild, compared by the rebuild test. */
  readonly tables: readonly string[];
  apply(client: PoolClient, event: ProjectedEvent): Promise<void>;
}

/** A recorded event whose data the projection cannot use: parked, not thrown. */
export class ProjectionDataError extends Error {
  override readonly name = 'ProjectionDataError';
}

/**
 * The one place a stored row becomes a typed event. The store holds what the decider decided,
 * so only the envelope is checked; a field that is still missing fails its column's NOT NULL
 * constraint and the event is parked the same way.
 */
export function projectedEvent(recorded: RecordedEvent): ProjectedEvent {
  const { data, metadata } = recorded;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ProjectionDataError('data is not an object');
  const { eventId, streamId, streamVersion, recordedAt, type } = recorded;
  return { type, data, metadata, eventId, streamId, streamVersion, recordedAt } as unknown as ProjectedEvent;
}

/**
 * When the fact happened: the command's `occurredAt`, else the time it was recorded. Both are
 * stored with the event, so a rebuild derives the same instant (never now()).
 */
export function occurredAt(event: ProjectedEvent): string {
  const value: unknown = event.metadata.occurredAt;
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : event.recordedAt;
}
