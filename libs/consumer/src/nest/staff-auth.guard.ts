import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError, bearerTokenOf, StaffTokenVerifier, type StaffUser } from '@polku/auth';
import { ConsumerHttpError } from './consumer-http-error';
import { Public, StaffRolesKey, type StaffRequest } from './staff-auth.decorators';

/**
 * The staff API's token check on a consumer's routes (same verifier, issuer, audience and claim
 * screening: @polku/auth), with each route's own roles: no token 401, another role 403. A route
 * that names no roles admits nobody, so a forgotten decorator fails closed. The token is read
 * from the Authorization header only, never from a cookie, so a cross-site request forged in a
 * browser carries none.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: StaffTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;
    const request = context.switchToHttp().getRequest<StaffRequest>();
    request.staff = await this.verify(request.headers.authorization);
    const roles = this.reflector.getAllAndOverride(StaffRolesKey, targets) ?? [];
    if (!roles.includes(request.staff.role)) {
      const needed = roles.length > 0 ? `one of the roles: ${roles.join(', ')}` : 'a role this route does not name';
      throw new ConsumerHttpError(HttpStatus.FORBIDDEN, 'AUTH.FORBIDDEN_ROLE', `This needs ${needed}.`);
    }
    return true;
  }

  private async verify(header: string | undefined): Promise<StaffUser> {
    try {
      return await this.verifier.verify(bearerTokenOf(header));
    } catch (error) {
      if (error instanceof AuthError) throw new ConsumerHttpError(HttpStatus.UNAUTHORIZED, error.code, error.message);
      throw error;
    }
  }
}
