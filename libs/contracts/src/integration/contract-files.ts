import { asyncApiDocument } from './asyncapi';
import { jsonSchemasV1, type JsonSchema } from './json-schemas';

/** Where the generated, committed contract files live (relative to the repository root). */
export const GENERATED_DIR = 'libs/contracts/generated';
/** The v1 schemas as last accepted: `contracts:generate` only moves it forward additively. */
export const V1_SNAPSHOT_FILE = 'v1-snapshot.json';

export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every generated file but the snapshot, by path relative to GENERATED_DIR. */
export function renderContractFiles(): Record<string, string> {
  const schemas = jsonSchemasV1();
  return {
    'asyncapi.json': stableJson(asyncApiDocument()),
    ...Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [`json-schema/${name}.v1.json`, stableJson(schema)])),
  };
}

export function renderV1Snapshot(schemas: Readonly<Record<string, JsonSchema>> = jsonSchemasV1()): string {
  return stableJson(schemas);
}
