import { randomUUID } from 'node:crypto';
import { Controller, Get, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { CurrentUser, Roles } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { PathStore } from './path-store';

/** The area holding a client's active path, when there is one. */
export interface ActivePath {
  readonly pathId: string;
  readonly employmentArea: string;
}

/**
 * Transfer requests (docs/staff-api.md): registering a client whose active path another area
 * holds asks that area to close it, instead of telling the requester that the client exists
 * elsewhere (or where).
 */
@Injectable()
export class TransferRequests {
  constructor(
    private readonly pool: Pool,
    private readonly paths: PathStore,
  ) {}

  /** From the one-active-path table and the store (not a projection, which may lag a fresh path). */
  async activePathOf(clientReference: string): Promise<ActivePath | undefined> {
    const { rows } = await this.pool.query<{ pathId: string }>('SELECT path_id AS "pathId" FROM client_active_paths WHERE client_reference = $1', [clientReference]);
    const pathId = rows[0]?.pathId;
    const employmentArea = pathId === undefined ? undefined : await this.paths.areaOf(pathId);
    return pathId === undefined || employmentArea === undefined ? undefined : { pathId, employmentArea };
  }

  /** One request per path and requesting area: asking again returns the first request's id. */
  async request(user: StaffUser, clientReference: string, holder: ActivePath, municipality: string): Promise<string> {
    await this.pool.query(
      `INSERT INTO transfer_requests (transfer_request_id, client_reference, path_id, holding_area, requesting_area, municipality, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (path_id, requesting_area) DO NOTHING`,
      [randomUUID(), clientReference, holder.pathId, holder.employmentArea, user.employmentArea, municipality, user.userId],
    );
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT transfer_request_id::text AS id FROM transfer_requests WHERE path_id = $1 AND requesting_area = $2',
      [holder.pathId, user.employmentArea],
    );
    return rows[0]?.id ?? '';
  }

  /** Requests for the area's paths that are still active (a closed path settles its requests). */
  async pendingFor(area: string): Promise<object[]> {
    const { rows } = await this.pool.query(
      `SELECT t.transfer_request_id::text AS "transferRequestId", t.path_id AS "pathId", t.client_reference AS "clientReference",
              t.requesting_area AS "requestedByArea", t.municipality, to_char(t.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "requestedAt"
         FROM transfer_requests t JOIN client_active_paths a ON a.path_id = t.path_id
        WHERE t.holding_area = $1 ORDER BY t.requested_at DESC LIMIT 100`,
      [area],
    );
    return rows;
  }
}

@Controller('transfer-requests')
export class TransferRequestsController {
  constructor(private readonly transfers: TransferRequests) {}

  @Get()
  @Roles(['coach', 'manager'])
  async list(@CurrentUser() user: StaffUser) {
    return { items: await this.transfers.pendingFor(user.employmentArea) };
  }
}
