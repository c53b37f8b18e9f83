import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { StaffRolesGuard } from '@polku/auth';
import { ApiError } from '../http/api-error';
import { TokenVerifier } from './token-verifier';

/** The shared staff check (@polku/auth) with ApiError bodies; a route without @Roles admits any signed-in role. */
@Injectable()
export class AuthGuard extends StaffRolesGuard {
  constructor(reflector: Reflector, tokens: TokenVerifier) {
    super(reflector, {
      whenNoRolesDeclared: 'any-role',
      verifyAuthorization: (header) => tokens.verifier.verifyAuthorization(header),
      httpError: (status, code, message) => new ApiError(status, { code, message }),
    });
  }
}
