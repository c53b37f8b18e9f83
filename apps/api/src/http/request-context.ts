import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@polku/domain';
import type { Request } from 'express';
import type { StaffUser } from '../auth/staff-user';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency.interceptor';
import { keyedUuid, keyScopeOf, updateIdFor } from '../idempotency/idempotency.store';

/**
 * What a command takes from its request: the time, the acting user (the audit trail on every
 * event) and the correlation id the request is logged with, so logs and events join up.
 */
export function commandMetadataOf(request: Request & { id?: unknown }, user: StaffUser): CommandMetadata {
  const correlationId = typeof request.id === 'string' ? request.id : undefined;
  return {
    occurredAt: new Date().toISOString(),
    actor: { userId: user.userId, role: user.role },
    ...(correlationId ? { correlationId } : {}),
  };
}

/** The Temporal Update id when the request carries an Idempotency-Key. */
export function updateIdOf(request: Request, user: StaffUser): string | undefined {
  const key = request.headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? updateIdFor(keyScopeOf(user), key) : undefined;
}

/** A new path's id: named by the Idempotency-Key when there is one, so a retry names the same path. */
export function newPathIdOf(request: Request, user: StaffUser): string {
  const key = request.headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? keyedUuid(keyScopeOf(user), key) : randomUUID();
}
