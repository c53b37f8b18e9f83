import { z } from 'zod';
import { Topics, type TopicName } from '../topics';

/**
 * The CloudEvents 1.0 envelope (structured JSON mode) every integration message travels in.
 *
 * `source` is one fixed URI for the whole service-path producer rather than one per employment
 * area: CloudEvents makes `source` + `id` the identity consumers dedupe on, so it must never
 * change when an event is re-published, and areas get merged and renamed. The area is in `data`.
 */
export const CLOUD_EVENT_SOURCE = 'urn:polku:servicepath';
export const CLOUD_EVENT_TYPE_PREFIX = 'fi.polku.servicepath';
export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/** The three audiences, each with its own topic (ARCHITECTURE.md, "Kafka: audiences and contracts"). */
export const AUDIENCES = ['events', 'municipal', 'wellbeing'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_TOPICS: Readonly<Record<Audience, TopicName>> = {
  events: Topics.events,
  municipal: Topics.municipal,
  wellbeing: Topics.wellbeing,
};

export function cloudEventType(eventName: string, major: number): string {
  return `${CLOUD_EVENT_TYPE_PREFIX}.${eventName}.v${major}`;
}

/** An identifier of the event version's JSON Schema (generated/json-schema/<Name>.v<major>.json), not a fetchable URL. */
export function dataSchemaUri(eventName: string, major: number): string {
  return `https://schemas.polku.fi/servicepath/${eventName}/v${major}.json`;
}

/** Stream versions as the CloudEvents `sequence` extension wants them: lexicographically ordered strings. */
export function sequenceOf(streamVersion: number): string {
  return String(streamVersion).padStart(10, '0');
}

/**
 * Free-form identifiers: bounded, and never anything shaped like a personal identity code. The
 * code must stand alone (no letter or digit either side): a random UUID such as
 * `7d781839-7757-…` contains the shape inside its hex groups and is not an identity code.
 */
export const OpaqueId = z
  .string()
  .regex(/^(?![\s\S]*(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z]))[\s\S]{1,100}$/, 'an opaque id (1–100 characters, no identity code)');

/** The pseudonymous client reference intake issues; it can never match an identity code. */
export const ClientReference = z.string().regex(/^cref_[a-z0-9]{16,40}$/, 'a client reference: cref_ and 16–40 lower-case letters or digits');

function envelopeAttributes() {
  return {
    specversion: z.literal('1.0'),
    id: z.uuid().describe('The domain event id: consumers dedupe on it.'),
    source: z.literal(CLOUD_EVENT_SOURCE),
    subject: OpaqueId.describe('The path id (also the Kafka key).'),
    time: z.iso.datetime().describe('When the fact happened (the domain event’s occurredAt), UTC.'),
    datacontenttype: z.literal('application/json'),
    correlationid: OpaqueId.describe('Extension: the correlation id of the originating request.'),
    causationid: OpaqueId.describe('Extension: the id of what caused this event (the event id itself when nothing is recorded).'),
    audience: z.enum(AUDIENCES).describe('Extension: the audience (topic) this minimised copy was made for.'),
    sequence: z.string().regex(/^\d{10}$/).describe('Extension (CloudEvents sequence): the stream version, zero-padded.'),
  };
}

/** The attributes every integration event shares (all but type, dataschema and data). */
export const CloudEventAttributesSchema = z.strictObject(envelopeAttributes());

/** The envelope of one integration event version, its `data` described by `data`. */
export function cloudEventSchema<Data extends z.ZodType>(eventName: string, major: number, data: Data) {
  return z.strictObject({
    ...envelopeAttributes(),
    type: z.literal(cloudEventType(eventName, major)),
    dataschema: z.literal(dataSchemaUri(eventName, major)),
    data,
  });
}

/** Any integration event of this producer, before its `type` is looked at. */
export const CloudEventSchema = z.strictObject({
  ...envelopeAttributes(),
  type: z.string().regex(/^fi\.polku\.servicepath\.[A-Z][A-Za-z]+\.v[1-9]\d*$/),
  dataschema: z.url(),
  data: z.record(z.string(), z.unknown()),
});

export type CloudEvent = z.infer<typeof CloudEventSchema>;
