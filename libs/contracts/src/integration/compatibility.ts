import type { JsonSchema } from './json-schemas';

/** Documentation only: changing these never breaks a reader. */
const IGNORED = new Set(['$schema', '$id', 'title', 'description', 'examples']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);

/**
 * What a new set of v1 schemas breaks against the committed snapshot. Additive only: a new event
 * type or a new optional property is fine; removing a property or an event, changing a type, a
 * format, an enum (added values too — readers switch on them), or which properties are required
 * (either way: old records must still validate and readers rely on what was required) is not.
 * Such a change is a v2.
 */
export function breakingChanges(before: Readonly<Record<string, JsonSchema>>, after: Readonly<Record<string, JsonSchema>>): string[] {
  return Object.keys(before).flatMap((name) => (after[name] ? compare(name, before[name] as JsonSchema, after[name] as JsonSchema) : [`${name}: event type removed`]));
}

function compare(at: string, before: JsonSchema, after: JsonSchema): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !IGNORED.has(key));
  return keys.flatMap((key) => {
    if (key === 'properties') return compareProperties(at, before, after);
    if (key === 'required') return compareRequired(at, before, after);
    return compareKeyword(`${at}.${key}`, before[key], after[key]);
  });
}

function compareProperties(at: string, before: JsonSchema, after: JsonSchema): string[] {
  const was = (before['properties'] ?? {}) as Record<string, JsonSchema>;
  const now = (after['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((after['required'] ?? []) as string[]);
  return [
    ...Object.keys(was).flatMap((name) => (now[name] ? compare(`${at}.${name}`, was[name] as JsonSchema, now[name] as JsonSchema) : [`${at}.${name}: property removed`])),
    ...Object.keys(now).filter((name) => !was[name] && required.has(name)).map((name) => `${at}.${name}: required property added`),
  ];
}

function compareRequired(at: string, before: JsonSchema, after: JsonSchema): string[] {
  const was = new Set((before['required'] ?? []) as string[]);
  const now = new Set((after['required'] ?? []) as string[]);
  const existed = (before['properties'] ?? {}) as Record<string, unknown>;
  return [
    ...[...now].filter((name) => !was.has(name) && name in existed).map((name) => `${at}.${name}: optional property made required`),
    ...[...was].filter((name) => !now.has(name)).map((name) => `${at}.${name}: required property made optional`),
  ];
}

function compareKeyword(at: string, before: unknown, after: unknown): string[] {
  if (isSchema(before) && isSchema(after)) return compare(at, before, after);
  if (Array.isArray(before) && Array.isArray(after) && SCHEMA_LISTS.has(at.slice(at.lastIndexOf('.') + 1)) && before.length === after.length) {
    return before.flatMap((schema, i) => compareKeyword(`${at}[${i}]`, schema, after[i]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [`${at}: changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`];
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
