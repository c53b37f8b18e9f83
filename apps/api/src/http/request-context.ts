import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@polku/domain';
import type { Request } from 'express';
import type { StaffUser } from '../auth/staff-user';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency.interceptor';
import { keyedUuid, keyScopeOf, updateIdFor } from '../idempotency/idempotency.store';

/**
 * What a command takes from its request: the time, the acting user (the audit trail on every
 * event), the correlation id the request is logged with, so logs and events join up, and with
 * an Idempotency-Key the command's id.
 */
export function commandMetadataOf(request: Request & { id?: unknown }, user: StaffUser): CommandMetadata {
  const correlationId = typeof request.id === 'string' ? request.id : undefined;
  // The keyed command's id: the path recognises a repeat of it across runs and restarts.
  const commandId = updateIdOf(request, user);
  return {
    occurredAt: new Date().toISOString(),
    actor: { userId: user.userId, role: user.role },
    ...(correlationId ? { correlationId } : {}),
    ...(commandId ? { commandId } : {}),
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
