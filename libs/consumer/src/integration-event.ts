import { envelopeSchemaV1, INTEGRATION_EVENTS_V1, type IntegrationEventData, type IntegrationEventName } from '@polku/contracts';
import type { z } from 'zod';

/** One validated v1 integration event, its data typed by its name. */
export type IntegrationEvent = {
  [N in IntegrationEventName]: {
    readonly id: string;
    readonly name: N;
    readonly type: string;
    /** The path id. */
    readonly subject: string;
    /** The stream version (the CloudEvents `sequence` extension as a number). */
    readonly sequence: number;
    readonly time: string;
    readonly data: IntegrationEventData<N>;
  };
}[IntegrationEventName];

/** Why a record cannot be applied: a stable code and a detail written by us, never a field value. */
export interface Poison {
  readonly code: 'EMPTY_VALUE' | 'INVALID_JSON' | 'UNKNOWN_TYPE' | 'SCHEMA_INVALID';
  readonly detail: string;
}

export type Parsed = { readonly ok: true; readonly event: IntegrationEvent } | { readonly ok: false; readonly poison: Poison };

const V1_TYPE = /^fi\.polku\.servicepath\.([A-Z][A-Za-z]+)\.v1$/;

/** Parses and validates a record value with the contracts' own envelope schema for its type. */
export function parseIntegrationEvent(value: Buffer | null): Parsed {
  if (value === null || value.length === 0) return poison('EMPTY_VALUE', 'the record has no value');
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    // JSON.parse's message quotes the input, which may be personal data: not passed on.
    return poison('INVALID_JSON', 'the value is not JSON');
  }
  const name = eventNameOf(json);
  if (name === undefined) return poison('UNKNOWN_TYPE', 'the type is not a v1 integration event');
  const result = envelopeSchemaV1(name).safeParse(json);
  if (!result.success) return poison('SCHEMA_INVALID', describeIssues(result.error));
  const envelope = result.data as { id: string; type: string; subject: string; sequence: string; time: string; data: unknown };
  const event = { ...envelope, name, sequence: Number(envelope.sequence) } as IntegrationEvent;
  return { ok: true, event };
}

function eventNameOf(json: unknown): IntegrationEventName | undefined {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  const name = typeof type === 'string' ? V1_TYPE.exec(type)?.[1] : undefined;
  return name !== undefined && Object.hasOwn(INTEGRATION_EVENTS_V1, name) ? (name as IntegrationEventName) : undefined;
}

// Paths and issue codes only: zod messages are ours, but values must never reach a header.
function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'} ${issue.code}`);
  const more = error.issues.length > 5 ? ` (+${error.issues.length - 5} more)` : '';
  return issues.join('; ') + more;
}

function poison(code: Poison['code'], detail: string): Parsed {
  return { ok: false, poison: { code, detail } };
}
