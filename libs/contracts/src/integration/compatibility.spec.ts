import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakingChanges } from './compatibility';
import { GENERATED_DIR, V1_SNAPSHOT_FILE } from './contract-files';
import { jsonSchemasV1, type JsonSchema } from './json-schemas';

const snapshot = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', GENERATED_DIR, V1_SNAPSHOT_FILE), 'utf8')) as Record<string, JsonSchema>;

type Editable = { properties: Record<string, Record<string, unknown>>; required: string[] };

/** A deep copy of the current schemas with one of them changed. */
function changed(name: string, change: (schema: Editable) => void): Record<string, JsonSchema> {
  const copy = structuredClone(jsonSchemasV1()) as Record<string, Editable>;
  const schema = copy[name];
  if (!schema) throw new Error(`no schema ${name}`);
  change(schema);
  return copy;
}

function property(schema: Editable, name: string): Record<string, unknown> {
  const found = schema.properties[name];
  if (!found) throw new Error(`no property ${name}`);
  return found;
}

describe('v1 compatibility with the committed snapshot', () => {
  it('holds: the v1 schemas only grew additively', () => {
    expect(breakingChanges(snapshot, jsonSchemasV1())).toEqual([]);
  });

  it.each([
    ['a new optional property', changed('PathPaused', (s) => (s.properties['note'] = { type: 'boolean' }))],
    ['a new event type', { ...jsonSchemasV1(), CoachAssigned: { type: 'object', properties: {} } }],
    ['a reworded description', changed('PathPaused', (s) => (property(s, 'pausedAt')['description'] = 'When.'))],
  ])('allows %s', (_label, after) => {
    expect(breakingChanges(jsonSchemasV1(), after)).toEqual([]);
  });

  it.each([
    ['a removed property', changed('PathPaused', (s) => delete s.properties['reason']), ['PathPaused.reason: property removed']],
    ['a changed type', changed('FollowUpRecorded', (s) => (property(s, 'months')['type'] = 'string')), ['FollowUpRecorded.months.type: changed from "integer" to "string"']],
    ['an optional property made required', changed('PathPaused', (s) => s.required.push('reason')), ['PathPaused.reason: optional property made required']],
    ['a required property added', changed('PathPaused', (s) => { s.properties['until'] = { type: 'string' }; s.required.push('until'); }), ['PathPaused.until: required property added']],
    ['a required property made optional', changed('PathPaused', (s) => s.required.pop()), ['PathPaused.pausedAt: required property made optional']],
    ['an enum value added', changed('PathPaused', (s) => (property(s, 'reason')['enum'] as string[]).push('STUDIES')), [expect.stringMatching(/^PathPaused\.reason\.enum: changed/)]],
    ['a nested property removed', changed('ReportRecorded', (s) => delete (property(s, 'about')['properties'] as Record<string, unknown>)['id']), ['ReportRecorded.about.id: property removed']],
  ])('refuses %s', (_label, after, expected) => {
    expect(breakingChanges(jsonSchemasV1(), after)).toEqual(expected);
  });

  it('refuses a removed event type', () => {
    const after = Object.fromEntries(Object.entries(jsonSchemasV1()).filter(([name]) => name !== 'PathPaused'));
    expect(breakingChanges(jsonSchemasV1(), after)).toEqual(['PathPaused: event type removed']);
  });
});
