import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ClientReferenceParamSchema, EraseByIdentityCodeRequestSchema, ErasureRequestSchema, type EraseByIdentityCodeRequest, type ErasureRequest } from '@polku/contracts';
import { parsePersonalIdentityCode } from '@polku/domain';
import { IdentityVault } from '@polku/identity';
import type { Request } from 'express';
import { Pool } from 'pg';
import { CurrentUser, Roles } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { ZodParamPipe, ZodPipe } from '../http/zod.pipe';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { CLIENT_NOT_FOUND, eraseClient, type ErasureDeps } from './client-erasure';

const INVALID_CODE = 'The personal identity code is not valid.';

/**
 * Erasure on a lawful request (docs/erasure.md): the client's key is destroyed, so the identity
 * code can never be decrypted again. Events keep only the pseudonymous reference, which now leads
 * to nobody. An admin names the client by reference, or by identity code, which also reaches a
 * registration whose path never started.
 */
@Controller('admin/clients')
export class ErasureController {
  private readonly deps: ErasureDeps;

  constructor(vault: IdentityVault, pool: Pool, idempotency: IdempotencyStore) {
    this.deps = { vault, pool, idempotency };
  }

  @Post('erase')
  @HttpCode(HttpStatus.OK)
  @Roles(['admin'])
  async eraseByIdentityCode(@Body(new ZodPipe(EraseByIdentityCodeRequestSchema)) body: EraseByIdentityCodeRequest, @CurrentUser() user: StaffUser, @Req() request: Request) {
    const parsed = parsePersonalIdentityCode(body.identityCode);
    if (!parsed.ok) throw new ApiError(HttpStatus.BAD_REQUEST, { code: 'IDENTITY.INVALID_CODE', message: INVALID_CODE, issues: [{ path: 'identityCode', message: INVALID_CODE }] });
    // Only a held code is found; an unknown or already erased one is answered like another area's.
    const clientReference = await this.deps.vault.find(parsed.code);
    if (clientReference === undefined) throw new ApiError(HttpStatus.NOT_FOUND, CLIENT_NOT_FOUND);
    return eraseClient(this.deps, { clientReference, requestedBy: 'IDENTITY_CODE', reason: body.reason, admin: user, correlationId: correlationIdOf(request) });
  }

  @Post(':clientReference/erase')
  @HttpCode(HttpStatus.OK)
  @Roles(['admin'])
  async erase(
    @Param('clientReference', new ZodParamPipe(ClientReferenceParamSchema, CLIENT_NOT_FOUND)) clientReference: string,
    @Body(new ZodPipe(ErasureRequestSchema)) body: ErasureRequest,
    @CurrentUser() user: StaffUser,
    @Req() request: Request,
  ) {
    return eraseClient(this.deps, { clientReference, requestedBy: 'CLIENT_REFERENCE', reason: body.reason, admin: user, correlationId: correlationIdOf(request) });
  }
}

/** The request's log id (pino-http, from `x-correlation-id`), so the audit row joins the log line. */
function correlationIdOf(request: Request & { id?: unknown }): string | undefined {
  return typeof request.id === 'string' ? request.id : undefined;
}
