import type { z } from 'zod';
import { deadLetterTopicOf } from '../topics';
import { AUDIENCE_TABLE, type Cell } from './audience-table';
import { AUDIENCE_TOPICS, AUDIENCES, CloudEventAttributesSchema, cloudEventType, CLOUD_EVENT_SOURCE, dataSchemaUri, type Audience } from './cloud-event';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import { INTEGRATION_EVENTS_V1, type IntegrationEventName } from './events.v1';
import { toJsonSchema, type JsonSchema } from './json-schemas';

const AUDIENCE_TITLES: Readonly<Record<Audience, string>> = {
  events: 'Internal: the full stream of path events (structured fields only, no identity codes, no free text).',
  municipal: 'Employment-area systems: the path lifecycle, with no health or work-ability data.',
  wellbeing: 'Wellbeing-county systems: only clients with a legal basis or a consent in force, only the events and fields the county needs.',
};

const HEADERS: JsonSchema = {
  type: 'object',
  properties: Object.fromEntries(['content-type', 'event-type', 'schema-version', 'event-id', 'correlation-id', 'causation-id'].map((name) => [name, { type: 'string' }])),
  required: ['content-type', 'event-type', 'schema-version', 'event-id', 'correlation-id', 'causation-id'],
};

/** Which integration events each audience receives, with its cell, in table order. */
function routesFor(audience: Audience): { name: IntegrationEventName; cell: Cell<IntegrationEventName> }[] {
  return Object.values(AUDIENCE_TABLE).flatMap((route) => {
    const cell = route?.[audience] as Cell<IntegrationEventName> | null | undefined;
    return route && cell ? [{ name: route.as, cell }] : [];
  });
}

/** The audience's copy: the event's schema cut to the table's fields, in a CloudEvent. */
function messageOf(audience: Audience, name: IntegrationEventName, cell: Cell<IntegrationEventName>): JsonSchema {
  const schema: z.ZodObject = INTEGRATION_EVENTS_V1[name];
  const view = schema.pick(Object.fromEntries(cell.fields.map((field) => [field, true])) as Record<string, true>);
  const condition = cell.when ? ` Sent ${cell.when.describe}.` : '';
  return {
    name,
    title: `${name} v1 (${audience})`,
    summary: `fi.polku.servicepath.${name}.v1 on ${AUDIENCE_TOPICS[audience]}.${condition}`,
    contentType: 'application/cloudevents+json',
    headers: ref('#/components/schemas/MessageHeaders'),
    payload: {
      allOf: [
        ref('#/components/schemas/CloudEventAttributes'),
        {
          type: 'object',
          properties: { type: { const: cloudEventType(name, 1) }, dataschema: { const: dataSchemaUri(name, 1) }, data: draft7(view) },
          required: ['type', 'dataschema', 'data'],
        },
      ],
    },
  };
}

function deadLetterMessage(): JsonSchema {
  return {
    name: 'DeadLetter',
    title: 'A record a consumer could not process',
    summary: 'The original value and headers, unchanged, plus the failure reason.',
    headers: { type: 'object', properties: Object.fromEntries(Object.values(DEAD_LETTER_HEADERS).map((name) => [name, { type: 'string' }])), required: Object.values(DEAD_LETTER_HEADERS) },
    payload: {},
  };
}

const ref = ($ref: string) => ({ $ref });

function draft7(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, 'draft-7');
  return rest;
}

/** The AsyncAPI 3 document of Polku's topics, generated from the schemas and AUDIENCE_TABLE. */
export function asyncApiDocument(): JsonSchema {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = { DeadLetter: deadLetterMessage() };
  for (const audience of AUDIENCES) {
    const routes = routesFor(audience);
    for (const { name, cell } of routes) messages[`${audience}.${name}`] = messageOf(audience, name, cell);
    const channelMessages = Object.fromEntries(routes.map(({ name }) => [name, ref(`#/components/messages/${audience}.${name}`)]));
    const messageRefs = routes.map(({ name }) => ref(`#/channels/${audience}/messages/${name}`));
    channels[audience] = { address: AUDIENCE_TOPICS[audience], title: audience, description: AUDIENCE_TITLES[audience], messages: channelMessages };
    channels[`${audience}Dlq`] = { address: deadLetterTopicOf(AUDIENCE_TOPICS[audience]), title: `${audience} dead letters`, messages: { DeadLetter: ref('#/components/messages/DeadLetter') } };
    operations[`publish-${audience}`] = { action: 'send', channel: ref(`#/channels/${audience}`), summary: 'The outbox relay publishes (the only writer; key = path id).', messages: messageRefs };
    operations[`consume-${audience}`] = { action: 'receive', channel: ref(`#/channels/${audience}`), summary: 'Consumers of this audience dedupe by event id.', messages: messageRefs };
    operations[`dead-letter-${audience}`] = { action: 'send', channel: ref(`#/channels/${audience}Dlq`), summary: 'A consumer parks a poison record with the reason.', messages: [ref(`#/channels/${audience}Dlq/messages/DeadLetter`)] };
  }
  return {
    asyncapi: '3.0.0',
    id: CLOUD_EVENT_SOURCE,
    info: {
      title: 'Polku service-path integration events',
      version: '1.0.0',
      description: 'CloudEvents 1.0 (structured JSON) per audience topic. Generated by `npm run contracts:generate` from libs/contracts; do not edit.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local single-node broker (SASL/SCRAM).', security: [ref('#/components/securitySchemes/scramSha512')] },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: { CloudEventAttributes: draft7(CloudEventAttributesSchema), MessageHeaders: HEADERS },
      securitySchemes: { scramSha512: { type: 'scramSha512', description: 'A SCRAM-SHA-512 principal per agency; ACLs let each read only its own topic, and only the relay write.' } },
    },
  };
}
