import type { PathActivities, PathStartedResult, StartPathInput } from '@polku/contracts';
import { Topics } from '@polku/contracts';
import { appendToStream } from '@polku/event-store';
import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { eventIdFor } from '@polku/domain';

export interface PathActivityDeps {
  readonly pool: Pool;
  readonly producer: Producer;
}

/**
 * Walking-skeleton activities: record the path's first event, then publish it.
 * (The event-pipeline issue moves publishing behind the outbox relay.)
 */
export function createPathActivities(deps: PathActivityDeps): PathActivities {
  return {
    async recordPathStarted(input: StartPathInput): Promise<PathStartedResult> {
      const eventId = eventIdFor(input.pathId, 1);
      const data = { pathId: input.pathId, clientReference: input.clientReference, employmentArea: input.employmentArea };
      await appendToStream(deps.pool, input.pathId, 0, [{ eventId, type: 'PathStarted', data }]);
      await deps.producer.send({
        topic: Topics.events,
        acks: -1,
        messages: [
          {
            key: input.pathId,
            value: JSON.stringify({ id: eventId, type: 'PathStarted', subject: input.pathId, time: input.startedAt, data }),
            headers: { 'event-id': eventId, 'event-type': 'PathStarted' },
          },
        ],
      });
      return { pathId: input.pathId, eventId };
    },
  };
}
