import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ClientReferenceParamSchema } from '@polku/contracts';
import { IdentityVault } from '@polku/identity';
import { Pool } from 'pg';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { ZodParamPipe } from '../http/zod.pipe';
import { IdempotencyStore } from '../idempotency/idempotency.store';

const CLIENT_NOT_FOUND = { code: 'CLIENT.NOT_FOUND', message: 'No such client in your employment area.' } as const;

/**
 * Erasure on a lawful request: the client's key is destroyed, so the identity code can never be
 * decrypted again. Events keep only the pseudonymous reference, which now leads to nobody.
 */
@Controller('admin/clients')
export class ErasureController {
  constructor(
    private readonly vault: IdentityVault,
    private readonly pool: Pool,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @Post(':clientReference/erase')
  @HttpCode(HttpStatus.OK)
  @Roles(['admin'])
  async erase(@Param('clientReference', new ZodParamPipe(ClientReferenceParamSchema, CLIENT_NOT_FOUND)) clientReference: string, @CurrentUser() user: StaffUser) {
    if (!(await this.servedInArea(clientReference, user.employmentArea))) throw new ApiError(HttpStatus.NOT_FOUND, CLIENT_NOT_FOUND);
    const erased = await this.vault.erase(clientReference);
    if (!erased) throw new ApiError(HttpStatus.NOT_FOUND, CLIENT_NOT_FOUND);
    await this.idempotency.forgetClient(clientReference);
    return { clientReference, erasedAt: erased.erasedAt };
  }

  private async servedInArea(clientReference: string, area: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM events WHERE event_type = 'PathStarted' AND data->>'clientReference' = $1 AND data->>'employmentArea' = $2 LIMIT 1`,
      [clientReference, area],
    );
    return rowCount === 1;
  }
}
