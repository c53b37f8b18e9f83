export { AuthError, type AuthErrorCode } from './auth-error';
export { bearerTokenOf } from './bearer-token';
export { CurrentUser, Public, Roles, type AuthenticatedRequest } from './nest/staff-auth.decorators';
export { StaffRolesGuard, type NoRolesPolicy, type StaffAuthPolicy } from './nest/staff-roles.guard';
export { StaffTokenVerifier, type TokenIssuerSettings } from './staff-token-verifier';
export { ACCESS_TOKEN_TYPE, CLAIMS, type StaffUser } from './staff-user';
