import { evolve, helsinkiDateOf, initialPathState, type PathEvent, type PathState } from '@polku/domain';
import type { TopicName } from '../topics';
import { AUDIENCE_TABLE, cellOf, type PublishedEventType } from './audience-table';
import { AUDIENCE_TOPICS, AUDIENCES, CLOUD_EVENT_CONTENT_TYPE, CLOUD_EVENT_SOURCE, cloudEventType, dataSchemaUri, sequenceOf, type Audience, type CloudEvent } from './cloud-event';
import { envelopeSchemaV1, type IntegrationEventName } from './events.v1';
import { TO_PUBLIC } from './public-data';
import { translationContextOf, type TranslationContext } from './translation-context';

/** A domain event as the event store recorded it. */
export type StoredDomainEvent = PathEvent & {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  /** The id of the event or command that caused this one, when the store has it. */
  readonly causationId?: string;
};

/** One Kafka record: key = path id, value = the CloudEvent (structured JSON mode). */
export interface IntegrationMessage {
  readonly topic: TopicName;
  readonly key: string;
  readonly value: CloudEvent;
  readonly headers: Readonly<Record<string, string>>;
}

export const SCHEMA_MAJOR = 1;

/** Thrown when a produced message breaks its own schema: a bug in the table, never data to publish. */
export class IntegrationContractError extends Error {
  override readonly name = 'IntegrationContractError';
}

/**
 * The one translator from domain events to integration messages: one message per audience
 * that AUDIENCE_TABLE gives the event to, cut to that audience's fields. Pure. `context` is the
 * path as it stands right after the event (translation-context.ts).
 */
export function translate(event: StoredDomainEvent, context: TranslationContext): IntegrationMessage[] {
  const route = AUDIENCE_TABLE[event.type];
  if (!route) return [];
  const toPublic = TO_PUBLIC[event.type as PublishedEventType] as (event: PathEvent, context: TranslationContext) => Record<string, unknown>;
  const data = toPublic(event, context);
  return AUDIENCES.flatMap((audience) => {
    const cell = cellOf(event.type, audience);
    if (!cell || (cell.when && !cell.when.test(data, context))) return [];
    return [messageFor(event, context, route.as, audience, pick(data, cell.fields))];
  });
}

/** Translates a whole stream from its first event, folding the context as it goes. */
export function translateStream(events: readonly StoredDomainEvent[]): IntegrationMessage[] {
  let state: PathState = initialPathState;
  return events.flatMap((event) => {
    state = evolve(state, event);
    return translate(event, translationContextOf(state, helsinkiDateOf(event.metadata.occurredAt)));
  });
}

function pick(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]));
}

function messageFor(event: StoredDomainEvent, context: TranslationContext, name: IntegrationEventName, audience: Audience, data: Record<string, unknown>): IntegrationMessage {
  const correlationid = event.metadata.correlationId ?? event.eventId;
  const causationid = event.causationId ?? event.eventId;
  const type = cloudEventType(name, SCHEMA_MAJOR);
  const value = {
    specversion: '1.0',
    id: event.eventId,
    source: CLOUD_EVENT_SOURCE,
    type,
    subject: context.pathId,
    time: event.metadata.occurredAt,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(name, SCHEMA_MAJOR),
    correlationid,
    causationid,
    audience,
    sequence: sequenceOf(event.streamVersion),
    data,
  };
  const parsed = envelopeSchemaV1(name).safeParse(value);
  if (!parsed.success) {
    // Paths and codes only: the values may be personal data and this ends up in a log.
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`).join('; ');
    throw new IntegrationContractError(`${type} for ${audience} breaks its schema (event ${event.eventId}): ${issues}`);
  }
  const headers = {
    'content-type': CLOUD_EVENT_CONTENT_TYPE,
    'event-type': type,
    'schema-version': String(SCHEMA_MAJOR),
    'event-id': event.eventId,
    'correlation-id': correlationid,
    'causation-id': causationid,
  };
  return { topic: AUDIENCE_TOPICS[audience], key: context.pathId, value: value as CloudEvent, headers };
}
