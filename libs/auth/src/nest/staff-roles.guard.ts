import { type CanActivate, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { StaffRole } from '@polku/contracts';
import { AuthError } from '../auth-error';
import type { StaffUser } from '../staff-user';
import { Public, Roles, type AuthenticatedRequest } from './staff-auth.decorators';

/** Who may call a route that names no @Roles: any verified staff member, or nobody. */
export type NoRolesPolicy = 'any-role' | 'closed';

/** What differs between the services that check staff tokens. */
export interface StaffAuthPolicy {
  readonly whenNoRolesDeclared: NoRolesPolicy;
  /** The caller named by the Authorization header; an AuthError it throws is answered 401. */
  readonly verifyAuthorization: (header: string | undefined) => Promise<StaffUser>;
  /** The service's own error for a refused caller, so the body has the shape its clients read. */
  readonly httpError: (status: HttpStatus.UNAUTHORIZED | HttpStatus.FORBIDDEN, code: string, message: string) => Error;
}

/**
 * Every route needs a valid staff token unless marked @Public (no token 401), and @Roles narrows
 * who may call (another role 403). The token comes from the Authorization header only, never a
 * cookie, so a request forged cross-site in a browser carries none.
 */
export class StaffRolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: StaffAuthPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // A caller verified before its body was parsed (the API's authenticateBeforeBody) is not verified twice.
    request.user ??= await this.verify(request.headers.authorization);
    const roles = this.reflector.getAllAndOverride(Roles, targets);
    if (!this.admits(roles, request.user.role)) {
      const needed = roles !== undefined && roles.length > 0 ? `one of the roles: ${roles.join(', ')}` : 'a role this route does not name';
      throw this.policy.httpError(HttpStatus.FORBIDDEN, 'AUTH.FORBIDDEN_ROLE', `This needs ${needed}.`);
    }
    return true;
  }

  private admits(roles: readonly StaffRole[] | undefined, role: StaffRole): boolean {
    if (roles === undefined) return this.policy.whenNoRolesDeclared === 'any-role';
    return roles.includes(role);
  }

  private async verify(header: string | undefined): Promise<StaffUser> {
    try {
      return await this.policy.verifyAuthorization(header);
    } catch (error) {
      if (error instanceof AuthError) throw this.policy.httpError(HttpStatus.UNAUTHORIZED, error.code, error.message);
      throw error;
    }
  }
}
