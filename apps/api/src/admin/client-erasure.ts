import { HttpStatus } from '@nestjs/common';
import { answerableAreaOf, inTransaction } from '@polku/event-store';
import type { IdentityVault } from '@polku/identity';
import type { Pool } from 'pg';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import type { IdempotencyStore } from '../idempotency/idempotency.store';
import { recordErasure, type ErasureRequestedBy } from './erasure-audit';
import { mayErase } from './erasure-scope';

export const CLIENT_NOT_FOUND = { code: 'CLIENT.NOT_FOUND', message: 'No such client in your employment area.' } as const;

export interface ErasureDeps {
  readonly pool: Pool;
  readonly vault: IdentityVault;
  readonly idempotency: IdempotencyStore;
}

export interface ErasureRequest {
  readonly clientReference: string;
  readonly requestedBy: ErasureRequestedBy;
  readonly reason: string;
  readonly admin: StaffUser;
  readonly correlationId: string | undefined;
}

/**
 * Erases a client in one transaction: the vault destroys the key (locking the client's row
 * first), the scope is checked under that lock, the audit row is appended and kept answers
 * naming the client are forgotten. A refusal rolls all of it back: nothing changes, and the
 * answer is the one an unknown client gets.
 */
export async function eraseClient(deps: ErasureDeps, request: ErasureRequest): Promise<{ clientReference: string; erasedAt: string }> {
  const { clientReference, admin } = request;
  return inTransaction(deps.pool, async (tx) => {
    const erased = await deps.vault.erase(clientReference, tx);
    if (erased === undefined) throw new ApiError(HttpStatus.NOT_FOUND, CLIENT_NOT_FOUND);
    const clientArea = await answerableAreaOf(tx, clientReference);
    if (!mayErase(admin.employmentArea, clientArea)) throw new ApiError(HttpStatus.NOT_FOUND, CLIENT_NOT_FOUND);
    await recordErasure(tx, {
      clientReference,
      erasedAt: erased.erasedAt,
      firstErasure: erased.first,
      admin,
      clientArea,
      requestedBy: request.requestedBy,
      reason: request.reason,
      correlationId: request.correlationId,
    });
    await deps.idempotency.forgetClient(clientReference, tx);
    return { clientReference, erasedAt: erased.erasedAt };
  });
}
