import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@polku/contracts';
import type { Request } from 'express';
import type { StaffUser } from '../staff-user';

/** No token needed (the API's health, metrics, docs, dev issuer and console files; a consumer's /health). */
export const Public = Reflector.createDecorator<true>({ transform: () => true });

/** Only these roles may call; others get 403 AUTH.FORBIDDEN_ROLE. A route without it: see StaffRolesGuard. */
export const Roles = Reflector.createDecorator<readonly StaffRole[]>();

export type AuthenticatedRequest = Request & { user?: StaffUser };

/** The verified caller, set by the StaffRolesGuard. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): StaffUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
