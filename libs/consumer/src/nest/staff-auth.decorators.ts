import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffUser } from '@polku/auth';
import type { StaffRole } from '@polku/contracts';
import type { Request } from 'express';

/** No token needed: /health only (the process supervisor polls it). */
export const Public = Reflector.createDecorator<true>({ transform: () => true });

/** The roles that may call; every other route but @Public ones is closed to everyone. */
export const StaffRoles = (...roles: readonly StaffRole[]) => StaffRolesKey(roles);
export const StaffRolesKey = Reflector.createDecorator<readonly StaffRole[]>();

export type StaffRequest = Request & { staff?: StaffUser };

/** The verified caller, set by the StaffAuthGuard. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffUser => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentStaff used on a public route');
  return staff;
});
