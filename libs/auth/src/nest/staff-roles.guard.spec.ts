import { HttpStatus } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { StaffRole } from '@polku/contracts';
import { AuthError } from '../auth-error';
import type { StaffUser } from '../staff-user';
import { Public, Roles, type AuthenticatedRequest } from './staff-auth.decorators';
import { StaffRolesGuard, type NoRolesPolicy } from './staff-roles.guard';

class Refused extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class Routes {
  unnamed(): string {
    return 'unnamed';
  }
  @Roles(['admin', 'manager'])
  named(): string {
    return 'named';
  }
  @Public()
  health(): string {
    return 'health';
  }
}

@Roles(['coach'])
class CoachRoutes {
  inherited(): string {
    return 'inherited';
  }
  @Roles(['admin'])
  overridden(): string {
    return 'overridden';
  }
}

/** The guard under `whenNoRolesDeclared`, with a verifier that takes `Bearer <role>` and counts its calls. */
function guardFor(whenNoRolesDeclared: NoRolesPolicy) {
  const verified: (string | undefined)[] = [];
  const guard = new StaffRolesGuard(new Reflector(), {
    whenNoRolesDeclared,
    verifyAuthorization: async (header) => {
      verified.push(header);
      if (header === undefined) throw new AuthError('AUTH.MISSING_TOKEN', 'Sign in.');
      return { userId: 'u1', role: header.replace('Bearer ', '') as StaffRole, employmentArea: 'Pirkanmaa' };
    },
    httpError: (status, code, message) => new Refused(status, code, message),
  });
  return { guard, verified };
}

const requestWith = (authorization?: string): AuthenticatedRequest => ({ headers: authorization === undefined ? {} : { authorization } }) as AuthenticatedRequest;

/** Runs the guard on `route` of `controller`: true, or the refusal's status, code and message. */
async function outcome(guard: StaffRolesGuard, controller: new () => object, route: string, request: AuthenticatedRequest) {
  const handler = (controller.prototype as Record<string, () => void>)[route];
  const context = new ExecutionContextHost([request, {}, () => undefined], controller as never, handler);
  return guard.canActivate(context).catch((error: unknown) => {
    if (!(error instanceof Refused)) throw error;
    return { status: error.status, code: error.code, message: error.message };
  });
}

const forbidden = (message: string) => ({ status: HttpStatus.FORBIDDEN, code: 'AUTH.FORBIDDEN_ROLE', message });

describe('StaffRolesGuard', () => {
  describe("whenNoRolesDeclared 'any-role' (the staff API)", () => {
    it.each(['intake', 'coach', 'manager', 'wellbeing', 'admin'] as const)('admits a verified %s on a route that names no roles', async (role) => {
      const request = requestWith(`Bearer ${role}`);
      expect(await outcome(guardFor('any-role').guard, Routes, 'unnamed', request)).toBe(true);
      expect(request.user?.role).toBe(role);
    });

    it('refuses another role on a route that names its roles', async () => {
      expect(await outcome(guardFor('any-role').guard, Routes, 'named', requestWith('Bearer coach'))).toEqual(forbidden('This needs one of the roles: admin, manager.'));
    });
  });

  describe("whenNoRolesDeclared 'closed' (the consumers)", () => {
    it.each(['intake', 'coach', 'manager', 'wellbeing', 'admin'] as const)('refuses a verified %s on a route that names no roles', async (role) => {
      expect(await outcome(guardFor('closed').guard, Routes, 'unnamed', requestWith(`Bearer ${role}`))).toEqual(forbidden('This needs a role this route does not name.'));
    });

    it('admits a named role and refuses another', async () => {
      const { guard } = guardFor('closed');
      expect(await outcome(guard, Routes, 'named', requestWith('Bearer manager'))).toBe(true);
      expect(await outcome(guard, Routes, 'named', requestWith('Bearer wellbeing'))).toEqual(forbidden('This needs one of the roles: admin, manager.'));
    });
  });

  describe.each(['any-role', 'closed'] as const)("under '%s'", (policy) => {
    it('lets anyone reach a @Public route without verifying a token', async () => {
      const { guard, verified } = guardFor(policy);
      expect(await outcome(guard, Routes, 'health', requestWith())).toBe(true);
      expect(verified).toEqual([]);
    });

    it("answers a refused credential with the service's 401 and its code", async () => {
      const { guard, verified } = guardFor(policy);
      expect(await outcome(guard, Routes, 'named', requestWith())).toEqual({ status: HttpStatus.UNAUTHORIZED, code: 'AUTH.MISSING_TOKEN', message: 'Sign in.' });
      expect(verified).toEqual([undefined]);
    });

    it('does not verify again a caller verified before the body was read', async () => {
      const { guard, verified } = guardFor(policy);
      const request = Object.assign(requestWith('Bearer intake'), { user: { userId: 'u2', role: 'admin', employmentArea: 'Uusimaa' } satisfies StaffUser });
      expect(await outcome(guard, Routes, 'named', request)).toBe(true);
      expect(verified).toEqual([]);
      expect(request.user.userId).toBe('u2');
    });

    it("takes a controller's roles for its routes, and a route's own over them", async () => {
      const { guard } = guardFor(policy);
      expect(await outcome(guard, CoachRoutes, 'inherited', requestWith('Bearer coach'))).toBe(true);
      expect(await outcome(guard, CoachRoutes, 'overridden', requestWith('Bearer coach'))).toEqual(forbidden('This needs one of the roles: admin.'));
    });
  });
});
