import { z } from 'zod';
import { dataSchemaUri } from './cloud-event';
import { INTEGRATION_EVENT_NAMES, INTEGRATION_EVENTS_V1, type IntegrationEventName } from './events.v1';

export type JsonSchema = { readonly [key: string]: unknown };

const FORMATS_WITH_PATTERN = new Set(['date', 'date-time', 'uuid']);

/**
 * Producers are strict (the translator rejects an unknown field), consumers should be tolerant
 * readers: a v1 may gain optional fields, so the published schemas do not forbid extra ones.
 * zod spells `date`, `date-time` and `uuid` out as long regular expressions as well; the
 * standard `format` says the same, readably, so the copy is dropped.
 */
export function published(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(published);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = schema as Record<string, unknown>;
  const redundantPattern = typeof node['format'] === 'string' && FORMATS_WITH_PATTERN.has(node['format']);
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false) && !(key === 'pattern' && redundantPattern))
      .map(([key, value]) => [key, published(value)]),
  );
}

export function toJsonSchema(schema: z.ZodType, target: 'draft-2020-12' | 'draft-7'): JsonSchema {
  return published(z.toJSONSchema(schema, { target })) as JsonSchema;
}

/** The published JSON Schema of one v1 integration event's `data`. */
export function jsonSchemaV1(name: IntegrationEventName): JsonSchema {
  const { $schema, ...rest } = toJsonSchema(INTEGRATION_EVENTS_V1[name], 'draft-2020-12');
  return { $schema, $id: dataSchemaUri(name, 1), title: `${name} v1 (data of fi.polku.servicepath.${name}.v1)`, ...rest };
}

/** Every v1 schema by event name, in a stable order: what the compatibility snapshot records. */
export function jsonSchemasV1(): Record<string, JsonSchema> {
  return Object.fromEntries([...INTEGRATION_EVENT_NAMES].sort().map((name) => [name, jsonSchemaV1(name)]));
}
