import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../http/api-error';
import { type AuthenticatedRequest, Public, Roles } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

/** Every route needs a valid staff token unless marked @Public; @Roles narrows who may call. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Requests with a body were verified before it was parsed (authenticateBeforeBody).
    request.user ??= await this.verifier.verifyAuthorization(request.headers.authorization);
    const roles = this.reflector.getAllAndOverride(Roles, targets);
    if (roles !== undefined && !roles.includes(request.user.role)) {
      throw new ApiError(HttpStatus.FORBIDDEN, { code: 'AUTH.FORBIDDEN_ROLE', message: `This needs one of the roles: ${roles.join(', ')}.` });
    }
    return true;
  }
}
