import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { StaffRolesGuard, StaffTokenVerifier } from '@polku/auth';
import { ConsumerHttpError } from './consumer-http-error';

/**
 * The staff API's token check on a consumer's routes (same verifier, issuer, audience and claim
 * screening, same guard: @polku/auth) with ConsumerHttpError bodies. A route that names no roles
 * admits nobody, so a forgotten @StaffRoles fails closed.
 */
@Injectable()
export class StaffAuthGuard extends StaffRolesGuard {
  constructor(reflector: Reflector, verifier: StaffTokenVerifier) {
    super(reflector, {
      whenNoRolesDeclared: 'closed',
      verifyAuthorization: (header) => verifier.verifyAuthorization(header),
      httpError: (status, code, message) => new ConsumerHttpError(status, code, message),
    });
  }
}
