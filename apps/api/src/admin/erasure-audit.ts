import type { PoolClient } from 'pg';
import type { StaffUser } from '../auth/staff-user';

/** How the admin named the client: the identity code itself is never recorded. */
export type ErasureRequestedBy = 'CLIENT_REFERENCE' | 'IDENTITY_CODE';

export interface ErasureRecord {
  readonly clientReference: string;
  readonly erasedAt: string;
  /** False when the client had been erased before and this request repeated it. */
  readonly firstErasure: boolean;
  readonly admin: StaffUser;
  readonly clientArea: string | null;
  readonly requestedBy: ErasureRequestedBy;
  readonly reason: string;
  readonly correlationId: string | undefined;
}

/** Appends the erasure's audit row (0015, append-only) in the erasure's own transaction. */
export async function recordErasure(tx: PoolClient, record: ErasureRecord): Promise<void> {
  await tx.query(
    `INSERT INTO erasure_audit (client_reference, erased_at, first_erasure, actor_user_id, actor_role, employment_area, client_area, requested_by, reason, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      record.clientReference,
      record.erasedAt,
      record.firstErasure,
      record.admin.userId,
      record.admin.role,
      record.admin.employmentArea,
      record.clientArea,
      record.requestedBy,
      record.reason,
      record.correlationId ?? null,
    ],
  );
}
